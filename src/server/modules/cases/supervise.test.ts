import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caseDeadline } from "../../../shared/flows/deadlines.ts";
import {
  ownGridCentre,
  type RoleName,
  type Session,
  startWithSessions,
  type TestApp,
} from "../../testing/harness.ts";
import { cases } from "./tables.ts";

/** 督办/催办, the grid worker's inbox split by who holds a case, and the overdue list's order. */
let t: TestApp;
let s: Record<string, Session>;
let point: { lat: number; lng: number };
beforeAll(async () => {
  ({ t, sessions: s } = await startWithSessions());
  point = await ownGridCentre(t.app, s.gridWorker as Session);
});
afterAll(() => t.close());

const submit = async (description: string) => {
  const res = await t.as("resident").post("/api/v1/cases", {
    categoryCode: "sanitation",
    description,
    location: point,
  });
  return res.json() as { id: string; code: string };
};
const act = (who: RoleName, id: string, body: Record<string, unknown>) =>
  t.as(who).post(`/api/v1/cases/${id}/transitions`, body);
const detail = async (who: RoleName, id: string) => (await t.as(who).get(`/api/v1/cases/${id}`)).json();
const notices = async (who: RoleName) =>
  (await t.as(who).get("/api/v1/notifications?pageSize=50")).json().items as Array<{
    kind: string;
    title: string;
    body: string;
    entityId: string | null;
    link: string | null;
  }>;

describe("督办/催办 by the street and the district", () => {
  it("urges the grid holding a new case: stays where it is, on the timeline, the grid worker told", async () => {
    const c = await submit("垃圾桶满溢无人清运");
    expect((await detail("streetStaff", c.id)).allowedActions).toContain("supervise");
    expect((await detail("districtAdmin", c.id)).allowedActions).toContain("supervise");
    for (const who of ["gridWorker", "communityStaff", "resident"] as const)
      expect((await detail(who, c.id)).allowedActions).not.toContain("supervise");

    const res = await act("streetStaff", c.id, { action: "supervise", note: "群众反映强烈，今天内处理" });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe("new");

    const after = await detail("gridWorker", c.id);
    expect(after).toMatchObject({ status: "new", supervisedBy: "street", respondedAt: null });
    const last = after.events.at(-1);
    expect(last).toMatchObject({ action: "supervise", note: "群众反映强烈，今天内处理" });
    expect(last.actorName).toBeTruthy();

    const mine = (await notices("gridWorker")).find((n) => n.entityId === c.id);
    expect(mine).toMatchObject({
      kind: "case.supervise",
      title: `督办：${c.code} 请尽快办理`,
      link: `/mobile/cases/${c.code}`,
    });
    expect(mine?.body).toContain("群众反映强烈");
    // Only the ones holding it are told.
    const others = await notices("communityStaff");
    expect(others.some((n) => n.entityId === c.id && n.kind === "case.supervise")).toBe(false);

    // The supervised list shows it now.
    const supervised = (await t.as("streetStaff").get(`/api/v1/cases?supervised=true&q=${c.code}`)).json();
    expect(supervised.items.map((x: { id: string }) => x.id)).toEqual([c.id]);
  });

  it("is the district's when a district administrator urges, and the district's alone under street review", async () => {
    const c = await submit("路灯不亮");
    await act("gridWorker", c.id, { action: "escalate", note: "需社区协调" });
    expect((await act("districtAdmin", c.id, { action: "supervise" })).statusCode).toBe(200);
    expect((await detail("communityStaff", c.id)).supervisedBy).toBe("district");
    const told = (await notices("communityStaff")).find((n) => n.entityId === c.id);
    expect(told).toMatchObject({ kind: "case.supervise", link: `/admin/cases/${c.code}` });

    await act("communityStaff", c.id, { action: "escalate", note: "需街道协调" });
    expect((await detail("streetStaff", c.id)).allowedActions).not.toContain("supervise");
    expect((await detail("districtAdmin", c.id)).allowedActions).toContain("supervise");
    const self = await act("streetStaff", c.id, { action: "supervise" });
    expect(self.statusCode).toBe(403);
    expect(self.json().error.details.allowedActions).not.toContain("supervise");
  });

  it("is refused on a case no longer open", async () => {
    const c = await submit("楼道堆放杂物");
    await act("gridWorker", c.id, { action: "receive" });
    await act("gridWorker", c.id, { action: "resolve", note: "已清理" });
    expect((await detail("streetStaff", c.id)).allowedActions).not.toContain("supervise");
    const late = await act("streetStaff", c.id, { action: "supervise", note: "催办" });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.details.status).toBe("resolved");
  });
});

describe("the grid worker's inbox: 待我办理 and 跟踪中", () => {
  it("splits the open cases of his area by who holds them, and names the holder", async () => {
    const mine = await submit("井盖松动");
    const theirs = await submit("小区围墙开裂");
    await act("gridWorker", theirs.id, { action: "escalate", note: "需社区协调" });

    const list = async (holder: string) =>
      (await t.as("gridWorker").get(`/api/v1/cases?holder=${holder}&pageSize=200`)).json().items as Array<{
        id: string;
        status: string;
        holder: { level: string; name: string | null } | null;
      }>;
    const me = await list("me");
    const others = await list("others");
    expect(me.map((c) => c.id)).toContain(mine.id);
    expect(me.map((c) => c.id)).not.toContain(theirs.id);
    expect(others.map((c) => c.id)).toContain(theirs.id);
    expect(others.map((c) => c.id)).not.toContain(mine.id);
    // Every case he is to act on is one whose page offers him a step.
    expect(me.every((c) => c.holder?.level === "grid")).toBe(true);
    expect(others.every((c) => c.holder && c.holder.level !== "grid")).toBe(true);

    const community = (await detail("gridWorker", theirs.id)).community;
    expect(others.find((c) => c.id === theirs.id)?.holder).toEqual({
      level: "community",
      name: community.name,
    });
    expect((await detail("gridWorker", mine.id)).allowedActions).toContain("receive");

    // The community sees the escalated case as its own, and the grid's as followed.
    const communityMine = (
      await t.as("communityStaff").get(`/api/v1/cases?holder=me&q=${theirs.code}`)
    ).json();
    expect(communityMine.items.map((c: { id: string }) => c.id)).toEqual([theirs.id]);
    const communityOthers = (
      await t.as("communityStaff").get(`/api/v1/cases?holder=others&q=${mine.code}`)
    ).json();
    expect(communityOthers.items[0]?.holder?.level).toBe("grid");
  });

  it("names the department holding a case assigned to it", async () => {
    const c = await submit("道路积水严重");
    await act("gridWorker", c.id, { action: "escalate", note: "需社区协调" });
    await act("communityStaff", c.id, { action: "escalate", note: "需街道协调" });
    const urban = (await t.as("streetStaff").get("/api/v1/cases/departments"))
      .json()
      .find((d: { code: string }) => d.code === "urban");
    await act("streetStaff", c.id, { action: "assign", departmentId: urban.id });
    const followed = (await t.as("gridWorker").get(`/api/v1/cases?holder=others&q=${c.code}`)).json();
    expect(followed.items[0].holder).toEqual({ level: "department", name: urban.name });
    const held = (await t.as("departmentStaff").get(`/api/v1/cases?holder=me&q=${c.code}`)).json();
    expect(held.items.map((x: { id: string }) => x.id)).toEqual([c.id]);
  });
});

describe("the overdue list", () => {
  it("reads from the longest overdue down, each judged by the deadline it is late for", async () => {
    const db = t.database.db;
    const hour = 3_600_000;
    const [a, b, c] = [await submit("排序超时一"), await submit("排序超时二"), await submit("排序超时三")];
    // a: not responded, response deadline passed 2 hours ago (resolution still 3 days away);
    // b: responded, resolution 5 hours late; c: responded, resolution 1 hour late.
    await db
      .update(cases)
      .set({ responseDueAt: new Date(Date.now() - 2 * hour), resolveDueAt: new Date(Date.now() + 72 * hour) })
      .where(eq(cases.id, a.id));
    await act("gridWorker", b.id, { action: "receive" });
    await act("gridWorker", c.id, { action: "receive" });
    await db
      .update(cases)
      .set({ resolveDueAt: new Date(Date.now() - 5 * hour) })
      .where(eq(cases.id, b.id));
    await db
      .update(cases)
      .set({ resolveDueAt: new Date(Date.now() - 1 * hour) })
      .where(eq(cases.id, c.id));

    type Item = Parameters<typeof caseDeadline>[0] & { id: string; lateFor: string | null };
    const overdue = async (query: string) =>
      (await t.as("gridWorker").get(`/api/v1/cases?overdue=true&pageSize=200${query}`)).json()
        .items as Item[];
    const ours = await overdue(`&q=${encodeURIComponent("排序超时")}`);
    expect(ours.map((x) => x.id)).toEqual([b.id, a.id, c.id]);
    const items = await overdue("");
    const since = items.map((x) => caseDeadline(x)?.dueAt ?? 0);
    expect(since).toEqual([...since].sort((x, y) => x - y));
    expect(items.find((x) => x.id === a.id)?.lateFor).toBe("response");
    expect(items.find((x) => x.id === b.id)?.lateFor).toBe("resolve");
    await db
      .update(cases)
      .set({ status: "withdrawn" })
      .where(inArray(cases.id, [a.id, b.id, c.id]));
  });
});
