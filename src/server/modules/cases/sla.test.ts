import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../config.ts";
import { hashPassword, type Role } from "../../platform/auth/index.ts";
import { openDatabase } from "../../platform/db/index.ts";
import { createServer, type Server } from "../../server.ts";
import { callerOf } from "../../testing/calls.ts";
import { freshDatabaseUrl, onPostgres } from "../../testing/database.ts";
import { loginAs, type Session } from "../../testing/harness.ts";
import { ensureUser } from "../accounts/index.ts";
import { insertNode, nodeByCode, type TerritoryNode } from "../territory/index.ts";
import { addDepartmentStaff } from "./catalog.ts";
import { DEADLINES_JOB } from "./jobs.ts";
import { caseEvents, cases, whistles } from "./tables.ts";

/**
 * SLA deadlines on the real queue. An empty district (DEMO=0 starts in seconds) with one street,
 * community and grid and their staff, in a data directory, so the server can be stopped and
 * started again on the same data.
 */
const dataDir = mkdtempSync(join(tmpdir(), "gg-sla-"));
const target = await freshDatabaseUrl();
const PASSWORD = "sla-test-1";
const STAFF = {
  gridWorker: "13911110001",
  communityStaff: "13911110002",
  streetStaff: "13911110003",
  departmentStaff: "13911110004",
} as const satisfies Partial<Record<Role, string>>;
type Who = keyof typeof STAFF;
let server: Server;
let grid: TerritoryNode;
let grid2: TerritoryNode;
const s: Partial<Record<Who, Session>> = {};

beforeAll(async () => {
  server = await start();
  const db = server.database.db;
  const district = await nodeByCode(db, "000000");
  const street = await insertNode(db, {
    parentId: district?.id ?? null,
    level: "street",
    code: "SLA-S",
    name: "一街道",
  });
  const community = await insertNode(db, {
    parentId: street.id,
    level: "community",
    code: "SLA-C",
    name: "一社区",
  });
  grid = await insertNode(db, { parentId: community.id, level: "grid", code: "SLA-G1", name: "一网格" });
  grid2 = await insertNode(db, { parentId: community.id, level: "grid", code: "SLA-G2", name: "二网格" });
  const passwordHash = await hashPassword(PASSWORD);
  const nodeOf: Record<Who, string> = {
    gridWorker: grid.id,
    communityStaff: community.id,
    streetStaff: street.id,
    departmentStaff: district?.id ?? "",
  };
  for (const [role, phone] of Object.entries(STAFF) as Array<[Who, string]>) {
    const user = await ensureUser(db, {
      phone,
      name: role,
      passwordHash,
      roles: [{ role, nodeId: nodeOf[role] }],
    });
    if (role === "departmentStaff") await addDepartmentStaff(db, "urban", user.id);
    // Logging in is slow on purpose (scrypt): only those whose inbox the tests read.
    if (role !== "streetStaff") s[role] = await loginAs(server.app, phone, PASSWORD);
  }
});
afterAll(async () => {
  await server?.close();
  await target.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

const start = () =>
  createServer(
    loadConfig({
      DATA_DIR: dataDir,
      DEMO: "0",
      ADMIN_PHONE: "13912345678",
      ADMIN_PASSWORD: "sla-admin-1",
      ...(target.url ? { DATABASE_URL: target.url } : {}),
    }),
    { queue: { pollingIntervalSeconds: 0.5 } },
  );
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs the deadlines job through the queue and waits until it has completed. */
async function sweep(): Promise<void> {
  const id = await server.queue.send(DEADLINES_JOB, {});
  for (const until = Date.now() + 30_000; Date.now() < until; ) {
    const { rows } = await server.database.executeSql("select state::text from pgboss.job where id = $1", [
      id,
    ]);
    const state = (rows[0] as { state?: string } | undefined)?.state;
    if (state === "completed") return;
    if (state === "failed") throw new Error("the deadlines job failed");
    await wait(200);
  }
  throw new Error("the deadlines job did not run");
}

const events = async (caseId: string, action: "remind" | "supervise") =>
  (
    await server.database.db
      .select()
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, caseId), eq(caseEvents.action, action)))
  ).length;
/** Calls to this file's own server as a signed-in role. */
const as = (who: Who) => callerOf(server.app, s[who]?.headers ?? {});
const setCase = (id: string, set: Record<string, unknown>) =>
  server.database.db.update(cases).set(set).where(eq(cases.id, id));
const minutesFromNow = (m: number) => sql`now() + ${m} * interval '1 minute'`;
const noticesOf = async (who: Who, caseId: string, kind: string) => {
  const body = (await as(who).get("/api/v1/notifications?pageSize=200")).json();
  return body.items.filter(
    (n: { entityId: string; kind: string }) => n.entityId === caseId && n.kind === kind,
  );
};

/** A hotline case in a grid, not yet received, due in 30 minutes (sanitation reminds 10 ahead). */
async function newCase(at = grid, extra: Partial<typeof cases.$inferInsert> = {}): Promise<string> {
  const id = randomUUID();
  const [, streetId, communityId] = at.path.split("/").filter(Boolean);
  await server.database.db.insert(cases).values({
    id,
    code: `SLA-${id.slice(0, 8).toUpperCase()}`,
    channel: "hotline",
    categoryCode: "sanitation",
    requestType: "complaint",
    description: "楼道堆满杂物无人清理",
    streetId,
    communityId,
    gridId: at.id,
    territoryPath: at.path,
    status: "new",
    responseDueAt: new Date(Date.now() + 30 * 60_000),
    resolveDueAt: new Date(Date.now() + 24 * 3_600_000),
    ...extra,
  });
  return id;
}

describe(`SLA deadlines on the queue (${onPostgres ? "PostgreSQL" : "PGlite"})`, () => {
  it("reminds, then escalates a case nobody received, each exactly once", async () => {
    const id = await newCase();
    // Sanitation reminds 10 minutes ahead: a response due in 5 minutes is in the window.
    await setCase(id, { responseDueAt: minutesFromNow(5) });
    await sweep();
    await sweep();
    expect(await events(id, "remind")).toBe(1);
    expect(await events(id, "supervise")).toBe(0);
    expect(await noticesOf("gridWorker", id, "case.remind")).toHaveLength(1);

    await setCase(id, { responseDueAt: minutesFromNow(-1) });
    await sweep();
    await sweep();
    expect(await events(id, "supervise")).toBe(1);
    expect(await events(id, "remind")).toBe(1);
    const detail = (await as("communityStaff").get(`/api/v1/cases/${id}`)).json();
    expect(detail).toMatchObject({ status: "communityDispatch", supervisedBy: "community", overdue: true });
    expect(detail.events.at(-1)).toMatchObject({
      action: "supervise",
      actorName: "系统",
      fromStatus: "new",
      toStatus: "communityDispatch",
    });
    const supervised = (await as("communityStaff").get("/api/v1/cases?supervised=true&pageSize=200")).json();
    expect(supervised.items.map((c: { id: string }) => c.id)).toContain(id);
    const notices = await noticesOf("communityStaff", id, "case.supervise");
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ title: "督办：诉求超时", readAt: null });

    // The resolution deadline: supervised one level further up (the street), status unchanged.
    await setCase(id, { resolveDueAt: minutesFromNow(-1) });
    await sweep();
    await sweep();
    expect(await events(id, "supervise")).toBe(2);
    expect(await events(id, "remind")).toBe(1);
    const [row] = await server.database.db.select().from(cases).where(eq(cases.id, id));
    expect(row).toMatchObject({ status: "communityDispatch", supervisedBy: "street" });
    expect([...(row?.slaDone ?? [])].sort()).toEqual([
      "resolve.escalate",
      "resolve.remind",
      "response.escalate",
      "response.remind",
    ]);

    // A whistle past its deadline without a report: flagged once, the department hears of it.
    const departments = (await as("communityStaff").get("/api/v1/cases/departments")).json();
    const urban = departments.find((d: { code: string }) => d.code === "urban");
    const deadline = new Date(Date.now() + 3_600_000).toISOString();
    const whistled = await as("communityStaff").post(`/api/v1/cases/${id}/transitions`, {
      action: "whistle",
      note: "请城管报到",
      departmentIds: [urban.id],
      deadline,
    });
    expect(whistled.json().status).toBe("whistled");
    await server.database.db
      .update(whistles)
      .set({ deadline: new Date(Date.now() - 60_000) })
      .where(eq(whistles.caseId, id));
    await sweep();
    await sweep();
    const [w] = await server.database.db.select().from(whistles).where(eq(whistles.caseId, id));
    expect(w?.overdue).toBe(true);
    expect(await noticesOf("departmentStaff", id, "whistle.overdue")).toHaveLength(1);
    expect(await noticesOf("communityStaff", id, "whistle.overdue")).toHaveLength(1);
  }, 60_000);

  it("handles a deadline that passed while the server was stopped once, right after restart", async () => {
    const id = await newCase();
    await setCase(id, { responseDueAt: minutesFromNow(60) });
    await server.close();

    // While stopped, the deadline passes.
    const offline = await openDatabase({ url: target.url, dataDir: target.url ? undefined : dataDir });
    await offline.db
      .update(cases)
      .set({ responseDueAt: minutesFromNow(-1) })
      .where(eq(cases.id, id));
    await offline.close();

    server = await start();
    const started = Date.now();
    while ((await events(id, "supervise")) === 0 && Date.now() - started < 30_000) await wait(250);
    expect(await events(id, "supervise")).toBe(1);
    // Without waiting for the next minute's tick: the run at start did it.
    expect(Date.now() - started).toBeLessThan(20_000);

    await server.close();
    server = await start();
    await sweep();
    expect(await events(id, "supervise")).toBe(1);
    expect(await events(id, "remind")).toBe(0);
  }, 120_000);
});

describe("notifications", () => {
  it("lists my own, newest first, counts the unread and marks them read", async () => {
    const url = "/api/v1/notifications";
    const all = (await as("communityStaff").get(url)).json();
    expect(all.unread).toBeGreaterThanOrEqual(2);
    const times = all.items.map((n: { createdAt: string }) => n.createdAt);
    expect(times).toEqual([...times].sort().reverse());
    expect((await as("communityStaff").get(`${url}?unread=true`)).json().total).toBe(all.unread);

    const first = all.items[0];
    const read = await as("communityStaff").post(`${url}/${first.id}/read`, {});
    expect(read.statusCode).toBe(204);
    const readAt = (await as("communityStaff").get(url)).json().items[0].readAt;
    expect(readAt).not.toBeNull();
    // Reading it again keeps the first time.
    expect((await as("communityStaff").post(`${url}/${first.id}/read`, {})).statusCode).toBe(204);
    expect((await as("communityStaff").get(url)).json().items[0].readAt).toBe(readAt);
    expect((await as("communityStaff").get(url)).json().unread).toBe(all.unread - 1);
    // Someone else's notice does not exist for me.
    expect((await as("gridWorker").post(`${url}/${first.id}/read`, {})).statusCode).toBe(404);

    expect((await as("communityStaff").post(`${url}/read-all`, {})).json().updated).toBe(all.unread - 1);
    const after = (await as("communityStaff").get(`${url}?unread=false&pageSize=1`)).json();
    expect(after).toMatchObject({ total: all.total, unread: 0 });
    expect(after.items).toHaveLength(1);
    expect((await as("gridWorker").get(url)).json().unread).toBeGreaterThan(0);
  });
});

describe("satisfaction (R7)", () => {
  it("counts rated, satisfied, low and mean ratings per grid and per department", async () => {
    const from = new Date(Date.now() - 1_000).toISOString();
    const act = async (who: Who, id: string, body: object) =>
      expect((await as(who).post(`/api/v1/cases/${id}/transitions`, body)).statusCode).toBe(200);
    const solvedAndRated = async (at: TerritoryNode, who: Who, score: number) => {
      const id = await newCase(at);
      await act(who, id, { action: "receive" });
      await act(who, id, { action: "resolve", note: "已处理" });
      await act("communityStaff", id, { action: "rate", score, comment: "电话回访" });
    };
    for (const score of [5, 4, 2]) await solvedAndRated(grid, "gridWorker", score);
    await solvedAndRated(grid2, "communityStaff", 3);
    await newCase(grid2); // open, not rated
    const [urban] = (await as("communityStaff").get("/api/v1/cases/departments"))
      .json()
      .filter((d: { code: string }) => d.code === "urban");
    const byDepartment = await newCase(grid2, { status: "departmentClaim", departmentId: urban.id });
    await act("departmentStaff", byDepartment, { action: "claim" });
    await act("departmentStaff", byDepartment, { action: "resolve", note: "已清理" });
    await act("communityStaff", byDepartment, { action: "rate", score: 5 });

    const q = `from=${encodeURIComponent(from)}`;
    const grids = (await as("communityStaff").get(`/api/v1/cases/satisfaction?by=grid&${q}`)).json();
    expect(grids.items).toEqual([
      {
        id: grid.id,
        code: "SLA-G1",
        name: "一网格",
        cases: 3,
        rated: 3,
        satisfied: 2,
        satisfactionRate: 0.6667,
        meanRating: 3.67,
        lowRatings: 1,
      },
      {
        id: grid2.id,
        code: "SLA-G2",
        name: "二网格",
        cases: 3,
        rated: 2,
        satisfied: 1,
        satisfactionRate: 0.5,
        meanRating: 4,
        lowRatings: 0,
      },
    ]);
    const departments = (
      await as("departmentStaff").get(`/api/v1/cases/satisfaction?by=department&${q}`)
    ).json();
    expect(departments.items).toEqual([
      expect.objectContaining({
        code: "urban",
        name: "区城市管理局",
        rated: 1,
        satisfactionRate: 1,
        meanRating: 5,
      }),
    ]);
    // Department staff see only their department's cases, whatever the unit.
    const theirGrids = (await as("departmentStaff").get(`/api/v1/cases/satisfaction?by=grid&${q}`)).json();
    expect(theirGrids.items).toMatchObject([{ code: "SLA-G2", cases: 1, rated: 1 }]);
    const later = new Date(Date.now() + 60_000).toISOString();
    const none = (
      await as("gridWorker").get(`/api/v1/cases/satisfaction?from=${encodeURIComponent(later)}`)
    ).json();
    expect(none).toEqual({ by: "grid", items: [] });
  });
});
