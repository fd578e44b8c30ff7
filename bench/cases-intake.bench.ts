import { randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import type { FeatureCollection, Polygon } from "geojson";
import { pointsIn } from "../src/server/platform/geo/index.ts";
import type { Server } from "../src/server/server.ts";
import { listenLocal, onEachDatabase, quantiles, serverOn, tokenOf, writeResult } from "./lib.ts";

const CONCURRENCY = 32;
const CASES = 4000;
const WARM_UP = 300;
const GOALS = { pglite: 400, postgres: 1500, ratio: 0.5 };
// The categories people report, as often as the demo district has them.
const CATEGORIES: Array<[string, number]> = [
  ["sanitation", 22],
  ["safety", 11],
  ["dispute", 12],
  ["property", 14],
  ["facilities", 9],
  ["cityManagement", 9],
  ["elderlyHelp", 6],
  ["errand", 6],
  ["consultation", 7],
  ["other", 4],
];

interface Run {
  count: number;
  seconds: number;
  casesPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  errors: number;
}

/**
 * Case intake through the HTTP API (POST /api/v1/cases, bearer token, 32 at a time, locations over
 * every grid, every category) against single-row INSERTs into the same table on the same database
 * in the same run, on PGlite and on PostgreSQL.
 */
export async function benchCasesIntake(): Promise<void> {
  const databases = await onEachDatabase(runOn);
  writeResult("cases-intake", { concurrency: CONCURRENCY, cases: CASES, goals: GOALS, databases });
}

async function runOn(serverUrl: string | undefined) {
  const { server, startMs, dispose } = await serverOn(serverUrl, "gg-bench-intake-");
  try {
    const base = await listenLocal(server);
    const kind = server.database.kind;
    console.log(`case intake on ${kind} (demo district loaded in ${startMs} ms), concurrency ${CONCURRENCY}`);

    const token = await tokenOf(base, "13800000004"); // the demo grid worker, reporting on patrol
    const grids = await gridsOf(base, await tokenOf(base, "13800000001"));
    const bodies = intakeBodies(grids, WARM_UP + CASES);
    await post(base, token, bodies.slice(0, WARM_UP));
    const intake = await post(base, token, bodies.slice(WARM_UP));
    const raw = await rawInserts(server, CASES);
    const ratio = intake.casesPerSecond / raw.casesPerSecond;
    const goal = kind === "pglite" ? GOALS.pglite : GOALS.postgres;
    const line = (name: string, r: Run) =>
      console.log(
        `  ${name.padEnd(26)} ${String(r.casesPerSecond).padStart(6)} cases/s  p50 ${r.latencyMs.p50} ms  p95 ${r.latencyMs.p95} ms  p99 ${r.latencyMs.p99} ms  errors ${r.errors}`,
      );
    line("POST /api/v1/cases", intake);
    line("single-row INSERT (raw)", raw);
    console.log(
      `  intake : raw = ${ratio.toFixed(3)} (goal ≥ ${GOALS.ratio}); intake ${intake.casesPerSecond} cases/s (goal ≥ ${goal}: ${intake.casesPerSecond >= goal ? "met" : "NOT met"})`,
    );
    if (intake.errors > 0) throw new Error(`intake answered ${intake.errors} errors`);
    return {
      kind,
      demoLoadMs: startMs,
      intake,
      raw,
      ratio: Number(ratio.toFixed(3)),
      goal: { casesPerSecond: goal, met: intake.casesPerSecond >= goal, ratioMet: ratio >= GOALS.ratio },
    };
  } finally {
    await dispose();
  }
}

async function gridsOf(base: string, token: string): Promise<Polygon[]> {
  const res = await fetch(`${base}/api/v1/territory/grids?format=geojson`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const grids = (await res.json()) as FeatureCollection<Polygon>;
  return grids.features.map((f) => f.geometry);
}

/** Request bodies: grid after grid, a point well inside each (the demo grids are rectangles). */
function intakeBodies(grids: Polygon[], count: number): string[] {
  const total = CATEGORIES.reduce((n, [, w]) => n + w, 0);
  const points = grids.map((g, i) => {
    const ring = g.coordinates[0] ?? [];
    const xs = ring.map((p) => p[0] ?? 0);
    const ys = ring.map((p) => p[1] ?? 0);
    const [west, east, south, north] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const mx = (east - west) * 0.1;
    const my = (north - south) * 0.1;
    const rect = { west: west + mx, east: east - mx, south: south + my, north: north - my };
    return pointsIn(rect, Math.ceil(count / grids.length), i + 1);
  });
  return Array.from({ length: count }, (_, i) => {
    const [lng, lat] = points[i % grids.length]?.[Math.floor(i / grids.length)] ?? [0, 0];
    // A fixed, well-mixed sequence of categories in their proportions.
    let pick = ((i * 7919) % 1000) * (total / 1000);
    let category = "other";
    for (const [code, w] of CATEGORIES) {
      pick -= w;
      if (pick < 0) {
        category = code;
        break;
      }
    }
    return JSON.stringify({
      channel: "patrol",
      categoryCode: category,
      description: `巡查发现问题 #${i}：楼道堆放杂物，影响通行`,
      location: { lat, lng },
    });
  });
}

// The load runs in a worker thread with autocannon's light HTTP client, so that the client's work
// takes as little as it can of the machine the server runs on. One request in flight per connection.
const LOADER = `
const { parentPort, workerData } = require("node:worker_threads");
const autocannon = require(workerData.autocannon);
const { url, token, bodies, concurrency } = workerData;
const latencies = [];
let next = 0, errors = 0, firstError = null, last = 0;
const started = performance.now();
const instance = autocannon({
  url,
  connections: concurrency,
  amount: bodies.length,
  timeout: 60,
  requests: [{
    method: "POST",
    headers: { "content-type": "application/json", authorization: "Bearer " + token },
    setupRequest: (req) => ({ ...req, body: bodies[next++ % bodies.length] }),
    onResponse: (status, body) => {
      if (status !== 201) { errors++; firstError ??= status + " " + String(body).slice(0, 200); }
    },
  }],
}, (err, result) => {
  if (err) { errors++; firstError ??= String(err); }
  errors += result ? result.errors + result.timeouts : 0;
  // autocannon notices the end only on its next one-second tick: the last answer is the end.
  parentPort.postMessage({ seconds: (last - started) / 1000, latencies, errors, firstError });
});
instance.on("response", (_client, _status, _bytes, ms) => {
  latencies.push(ms);
  last = performance.now();
});
`;

async function post(base: string, token: string, bodies: string[]): Promise<Run> {
  const worker = new Worker(LOADER, {
    eval: true,
    workerData: {
      autocannon: createRequire(import.meta.url).resolve("autocannon"),
      url: `${base}/api/v1/cases`,
      token,
      bodies,
      concurrency: CONCURRENCY,
    },
  });
  const out = await new Promise<{ seconds: number; latencies: number[]; errors: number; firstError: string }>(
    (resolve, reject) => {
      worker.once("message", resolve);
      worker.once("error", reject);
    },
  );
  await worker.terminate();
  if (out.firstError) console.log(`  first error: ${out.firstError}`);
  return summary(bodies.length, out.seconds, out.latencies, out.errors);
}

/** The same number of equivalent rows, one INSERT each, 32 at a time, on the server's own database handle. */
async function rawInserts(server: Server, count: number): Promise<Run> {
  const { executeSql } = server.database;
  const { rows } = await executeSql(
    "select id, path from territory_nodes where level = 'grid' order by code",
  );
  const grids = (rows as Array<{ id: string; path: string }>).map((g) => {
    const [, street, community] = g.path.split("/").filter(Boolean);
    return { ...g, street, community };
  });
  const text = `insert into cases (id, code, channel, category_code, request_type, urgency, description, photos,
    lat, lng, address, grid_id, community_id, street_id, territory_path, status, reporter_user_id, reporter_name,
    reporter_phone, response_due_at, resolve_due_at, extra, created_at, updated_at)
    values ($1, $2, 'patrol', $3, 'report', 'normal', $4, '[]', $5, $6, null, $7, $8, $9, $10, 'new', null, $11,
    $12, $13, $14, '{}', $15, $15)`;
  const run = randomUUID().slice(0, 8);
  const latencies = new Array<number>(count);
  let next = 0;
  let errors = 0;
  const started = performance.now();
  const lane = async () => {
    for (let i = next++; i < count; i = next++) {
      const g = grids[i % grids.length];
      const now = new Date();
      const t = performance.now();
      try {
        await executeSql(text, [
          randomUUID(),
          `BENCH-${run}-${i}`,
          CATEGORIES[i % CATEGORIES.length]?.[0],
          `巡查发现问题 #${i}：楼道堆放杂物，影响通行`,
          26.33,
          115.35,
          g?.id,
          g?.community,
          g?.street,
          g?.path,
          "刘志强",
          "13800000004",
          new Date(now.getTime() + 30 * 60_000),
          new Date(now.getTime() + 24 * 3_600_000),
          now,
        ]);
      } catch {
        errors++;
      }
      latencies[i] = performance.now() - t;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, lane));
  return summary(count, (performance.now() - started) / 1000, latencies, errors);
}

function summary(count: number, seconds: number, latencies: number[], errors: number): Run {
  return {
    count,
    seconds: Number(seconds.toFixed(2)),
    casesPerSecond: Math.round(count / seconds),
    latencyMs: quantiles(latencies),
    errors,
  };
}
