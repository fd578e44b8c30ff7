import { Worker } from "node:worker_threads";
import { userWithToken } from "../src/server/testing/users.ts";
import { listenLocal, onEachDatabase, quantiles, serverOn, tokenOf, writeResult } from "./lib.ts";

const GRABBERS = 200;
const ORDERS = 20;

/**
 * 抢单 under contention: 200 members of one community press 抢单 on the same order at the same
 * moment (POST /api/v1/orders/{code}/grab, bearer tokens, 200 sockets), for 20 orders in turn, on
 * PGlite and on PostgreSQL. Each order must have exactly one winner; the others get 409.
 */
export async function benchOrdersGrab(): Promise<void> {
  const databases = await onEachDatabase(runOn);
  writeResult("orders-grab", { grabbers: GRABBERS, orders: ORDERS, databases });
}

async function runOn(serverUrl: string | undefined) {
  const { server, dispose } = await serverOn(serverUrl, "gg-bench-grab-");
  try {
    const base = await listenLocal(server);
    const kind = server.database.kind;
    console.log(`order grabs on ${kind}: ${GRABBERS} grabbers × ${ORDERS} orders`);

    const staff = await tokenOf(base, "13800000003");
    const me = await (
      await fetch(`${base}/api/v1/auth/me`, { headers: bearer(await tokenOf(base, "13800000006")) })
    ).json();
    const community = (me as { user: { roles: Array<{ nodeId: string }> } }).user.roles[0]?.nodeId as string;
    // Members of the demo member's community, with tokens rather than scrypt logins.
    const grabbers: string[] = [];
    for (let i = 0; i < GRABBERS; i++) {
      const { headers } = await userWithToken(server.database.db, {
        phone: `1396${String(i).padStart(7, "0")}`,
        name: `抢单党员${i}`,
        roles: [{ role: "partyMember", nodeId: community }],
      });
      grabbers.push(headers.authorization as string);
    }
    const households = await (
      await fetch(`${base}/api/v1/people/households?pageSize=1`, { headers: bearer(staff) })
    ).json();
    const householdId = (households as { items: Array<{ id: string }> }).items[0]?.id;
    const publish = async (i: number) => {
      const res = await fetch(`${base}/api/v1/orders`, {
        method: "POST",
        headers: { ...bearer(staff), "content-type": "application/json" },
        body: JSON.stringify({ categoryCode: "errand", title: `代取快递 #${i}`, householdId }),
      });
      if (res.status !== 201) throw new Error(`publish failed: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { code: string }).code;
    };

    // One warm-up order (sockets opened, principals cached), then the measured ones.
    const codes: string[] = [];
    for (let i = 0; i <= ORDERS; i++) codes.push(await publish(i));
    const rounds = await grab(base, grabbers, codes);
    const measured = rounds.slice(1);
    const winners = measured.map((r) => r.statuses.filter((s) => s === 200).length);
    const taken = measured.reduce((n, r) => n + r.statuses.filter((s) => s === 409).length, 0);
    const other = measured.reduce((n, r) => n + r.statuses.filter((s) => s !== 200 && s !== 409).length, 0);
    const latencyMs = quantiles(measured.flatMap((r) => r.latencies));
    const roundMs = quantiles(measured.map((r) => r.ms));
    console.log(
      `  winners per order ${JSON.stringify(winners)} (${winners.every((w) => w === 1) ? "exactly one each" : "NOT one each"})`,
    );
    console.log(
      `  grab latency p50 ${latencyMs.p50} ms  p95 ${latencyMs.p95} ms  p99 ${latencyMs.p99} ms  max ${latencyMs.max} ms; 409 ${taken}, other ${other}; a round of ${GRABBERS} takes p50 ${roundMs.p50} ms`,
    );
    if (!winners.every((w) => w === 1) || other > 0)
      throw new Error("a round had no single winner or failed requests");
    return {
      kind,
      winnersPerOrder: winners,
      exactlyOneWinner: true,
      conflicts409: taken,
      otherAnswers: other,
      latencyMs,
      roundMs,
    };
  } finally {
    await dispose();
  }
}

const bearer = (token: string) => ({
  authorization: token.startsWith("Bearer ") ? token : `Bearer ${token}`,
});

interface Round {
  statuses: number[];
  latencies: number[];
  ms: number;
}

// The grabbers run in a worker thread, so that 200 clients do not share the server's event loop;
// fetch keeps one socket per grabber open from round to round.
const GRABBER = `
const { parentPort, workerData } = require("node:worker_threads");
const { base, tokens, codes } = workerData;
(async () => {
  const rounds = [];
  for (const code of codes) {
    const started = performance.now();
    const answers = await Promise.all(tokens.map(async (authorization) => {
      const t = performance.now();
      const res = await fetch(base + "/api/v1/orders/" + code + "/grab", {
        method: "POST",
        headers: { authorization, "content-type": "application/json" },
        body: "{}",
      });
      await res.arrayBuffer();
      return [res.status, performance.now() - t];
    }));
    rounds.push({ statuses: answers.map((a) => a[0]), latencies: answers.map((a) => a[1]), ms: performance.now() - started });
  }
  parentPort.postMessage(rounds);
})().catch((err) => parentPort.postMessage({ error: String(err) }));
`;

async function grab(base: string, tokens: string[], codes: string[]): Promise<Round[]> {
  const worker = new Worker(GRABBER, { eval: true, workerData: { base, tokens, codes } });
  const out = await new Promise<Round[] | { error: string }>((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
  });
  await worker.terminate();
  if (!Array.isArray(out)) throw new Error(out.error);
  return out;
}
