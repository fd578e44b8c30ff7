import { chinaDate } from "../src/server/modules/cases/index.ts";
import type { Database } from "../src/server/platform/db/index.ts";
import { listenLocal, load, onEachDatabase, serverOn, tokenOf, writeResult } from "./lib.ts";

/** Requests at a steady rate that leaves the server room (a busy office, not a flood). */
const PROBE = { connections: 10, rate: 100, seconds: 20 };
const GOAL_RATIO = 3;

/**
 * Whether the API stays quick while reports are made: GET /api/v1/auth/me at a steady 100
 * requests a second, p50 and p99, first with nothing else to do, then while last month's report
 * of every community and department of the demo district is rendered (asked for through the API,
 * as a district administrator does from the reports page). Whenever every report is done before
 * the measurement ends they are asked for again, so the whole window is spent rendering.
 * Goal: p99 during rendering at most 3× the idle p99.
 */
export async function benchRenderLatency(): Promise<void> {
  const databases = await onEachDatabase(runOn);
  writeResult("render-latency", { probe: PROBE, goalRatio: GOAL_RATIO, databases });
}

async function runOn(databaseUrl: string | undefined) {
  const { server, dispose } = await serverOn(databaseUrl, "gg-bench-render-");
  try {
    const base = await listenLocal(server);
    const kind = server.database.kind;
    const token = await tokenOf(base, "13800000001");
    const headers = { authorization: `Bearer ${token}` };
    const month = lastMonth();
    const subjects = await subjectsOf(server.database);
    console.log(`auth/me while reports render, on ${kind}: ${subjects.length} reports for ${month}`);

    const probe = () => load(`${base}/api/v1/auth/me`, { ...PROBE, headers });
    await load(`${base}/api/v1/auth/me`, { ...PROBE, seconds: 3, headers }); // warm-up
    const idle = await probe();

    const ask = async () => {
      for (const s of subjects) {
        const res = await fetch(`${base}/api/v1/dashboard/reports`, {
          method: "POST",
          headers: { ...headers, "content-type": "application/json" },
          body: JSON.stringify({ kind: "monthly", period: month, ...s }),
        });
        if (res.status !== 202) throw new Error(`report request ${res.status}: ${await res.text()}`);
      }
    };
    const started = performance.now();
    await ask();
    const during = probe();
    let probing = true;
    void during.finally(() => {
      probing = false;
    });
    // Keeps the renderer busy until the probe ends; the first round's time is the month's.
    let monthMs: number | undefined;
    let rounds = 1;
    for (;;) {
      await new Promise((r) => setTimeout(r, 250));
      const { pending, failed } = await statusOf(server.database, month);
      if (failed > 0) throw new Error(`${failed} reports failed`);
      if (pending > 0) continue;
      monthMs ??= Math.round(performance.now() - started);
      if (!probing) break;
      await ask();
      rounds++;
    }
    const rendering = await during;
    for (const r of [idle, rendering])
      if (r.non2xx > 0 || r.errors > 0) throw new Error(`auth/me: ${r.non2xx} non-2xx, ${r.errors} errors`);
    const ratio = Number((rendering.latencyP99Ms / idle.latencyP99Ms).toFixed(2));
    const line = (name: string, r: typeof idle) =>
      console.log(
        `  ${name} p50 ${r.latencyP50Ms} ms  p99 ${r.latencyP99Ms} ms  (${r.requestsPerSecond} req/s)`,
      );
    line("idle          ", idle);
    line("while rendering", rendering);
    console.log(
      `  p99 ratio ${ratio}× (goal ≤ ${GOAL_RATIO}×); the month's ${subjects.length} reports took ${((monthMs ?? 0) / 1000).toFixed(1)} s, ${rounds} round(s) rendered`,
    );
    return {
      kind,
      month,
      reports: subjects.length,
      monthRenderMs: monthMs,
      roundsRendered: rounds,
      idle,
      rendering,
      p99Ratio: ratio,
      goalMet: ratio <= GOAL_RATIO,
    };
  } finally {
    await dispose();
  }
}

/** `2026-11` when today is in December 2026 (China time): the month the 1st's batch renders. */
function lastMonth(): string {
  const [year, month] = chinaDate(new Date()).split("-").map(Number) as [number, number];
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, "0")}`;
}

async function subjectsOf(database: Database) {
  const { rows: communities } = await database.executeSql(
    "select id from territory_nodes where level = 'community' order by code",
  );
  const { rows: departments } = await database.executeSql("select id from departments order by code");
  return [
    ...(communities as Array<{ id: string }>).map((c) => ({ subjectType: "community", subjectId: c.id })),
    ...(departments as Array<{ id: string }>).map((d) => ({ subjectType: "department", subjectId: d.id })),
  ];
}

async function statusOf(database: Database, month: string) {
  const { rows } = await database.executeSql(
    `select count(*) filter (where status = 'pending')::int as pending,
            count(*) filter (where status = 'failed')::int as failed
     from reports where kind = 'monthly' and period_start = $1`,
    [`${month}-01`],
  );
  return rows[0] as { pending: number; failed: number };
}
