import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../config.ts";
import { openDatabase } from "../../platform/db/index.ts";
import { createServer, type Server } from "../../server.ts";
import { callerOf } from "../../testing/calls.ts";
import { freshDatabaseUrl, onPostgres } from "../../testing/database.ts";
import { createOrder } from "../../testing/factories.ts";
import { userWithToken } from "../../testing/users.ts";
import { insertNode, nodeByCode } from "../territory/index.ts";
import { MISS_SWEEP_JOB } from "./jobs.ts";
import { orderMisses, orders } from "./tables.ts";

/**
 * The on-site deadline on the real queue, across a restart: an empty district (DEMO=0 starts in
 * seconds) with one community and grid, a community worker and a member, in a data directory, so
 * the server can be stopped and started again on the same data.
 */
const dataDir = mkdtempSync(join(tmpdir(), "gg-orders-"));
const target = await freshDatabaseUrl();
let server: Server;
let staff: Record<string, string>;
let member: Record<string, string>;
let gridId: string;

const start = () =>
  createServer(
    loadConfig({
      DATA_DIR: dataDir,
      DEMO: "0",
      ADMIN_PHONE: "13912345670",
      ADMIN_PASSWORD: "orders-admin-1",
      ...(target.url ? { DATABASE_URL: target.url } : {}),
    }),
    { queue: { pollingIntervalSeconds: 0.5 } },
  );
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  server = await start();
  const db = server.database.db;
  const district = await nodeByCode(db, "000000");
  const street = await insertNode(db, {
    parentId: district?.id ?? null,
    level: "street",
    code: "OR-S",
    name: "一街道",
  });
  const community = await insertNode(db, {
    parentId: street.id,
    level: "community",
    code: "OR-C",
    name: "一社区",
  });
  const grid = await insertNode(db, { parentId: community.id, level: "grid", code: "OR-G1", name: "一网格" });
  gridId = grid.id;
  ({ headers: staff } = await userWithToken(db, {
    phone: "13911120001",
    name: "社区工作者",
    roles: [{ role: "communityStaff", nodeId: community.id }],
  }));
  ({ headers: member } = await userWithToken(db, {
    phone: "13911120002",
    name: "党员甲",
    roles: [{ role: "partyMember", nodeId: community.id }],
  }));
});
afterAll(async () => {
  await server?.close();
  await target.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

const missesOf = async (id: string) =>
  (await server.database.db.select().from(orderMisses).where(eq(orderMisses.orderId, id))).length;

/** Runs the sweep through the queue and waits until it has completed. */
async function sweep(): Promise<void> {
  const id = await server.queue.send(MISS_SWEEP_JOB, {});
  for (const until = Date.now() + 30_000; Date.now() < until; await wait(200)) {
    const { rows } = await server.database.executeSql("select state::text from pgboss.job where id = $1", [
      id,
    ]);
    const state = (rows[0] as { state?: string } | undefined)?.state;
    if (state === "completed") return;
    if (state === "failed") throw new Error("the sweep failed");
  }
  throw new Error("the sweep did not run");
}

describe(`the on-site deadline across a restart (${onPostgres ? "PostgreSQL" : "PGlite"})`, () => {
  it("handles a deadline that passed while the server was stopped once, right after restart", async () => {
    const { id, code } = await createOrder(callerOf(server.app, staff), {
      title: "帮老人代缴水费",
      nodeId: gridId,
    });
    const grabbed = await callerOf(server.app, member).post(`/api/v1/orders/${code}/grab`);
    expect(grabbed.statusCode).toBe(200);
    await server.close();

    // While stopped, the deadline passes.
    const offline = await openDatabase({ url: target.url, dataDir: target.url ? undefined : dataDir });
    await offline.db
      .update(orders)
      .set({ onSiteDueAt: sql`now() - interval '1 minute'` })
      .where(eq(orders.id, id));
    await offline.close();

    server = await start();
    const started = Date.now();
    while ((await missesOf(id)) === 0 && Date.now() - started < 30_000) await wait(250);
    expect(await missesOf(id)).toBe(1);
    const [row] = await server.database.db.select().from(orders).where(eq(orders.id, id));
    expect(row).toMatchObject({ status: "open", misses: 1, takerUserId: null });

    await server.close();
    server = await start();
    await sweep();
    expect(await missesOf(id)).toBe(1);
  }, 120_000);
});
