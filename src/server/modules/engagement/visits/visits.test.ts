import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uploadPhoto } from "../../../testing/factories.ts";
import { PHONES, startWithSessions, type TestApp } from "../../../testing/harness.ts";
import { memberByPhone } from "../../people/index.ts";
import { householdVisits, serviceRecords, sixOnes } from "../tables.ts";

let t: TestApp;
type Home = { id: string; address: string };
let homes: Home[];
let memberId: string;

const member = () => t.as("partyMember");
const visits = () => t.database.db.select({ n: count() }).from(householdVisits);
const visit = (body: Record<string, unknown>) => member().post("/api/v1/engagement/visits", body);

beforeAll(async () => {
  ({ t } = await startWithSessions());
  const me = await memberByPhone(t.database.db, PHONES.partyMember);
  if (!me) throw new Error("the demo's party member is missing");
  memberId = me.id;
  // Start from no pairings, so the member's figures are exactly this test's.
  const url = `/api/v1/people/party-members/${memberId}/households`;
  for (const h of (await t.as("districtAdmin").get(url)).json().items)
    await t.as("districtAdmin").delete(`${url}/${h.householdId}`);
  homes = (await t.as("communityStaff").get("/api/v1/people/households?pageSize=4")).json().items;
  const kinds = ["baobao", "baobao", "oneLeadsN"];
  for (const [i, kind] of kinds.entries()) {
    const res = await t.as("districtAdmin").post(url, { householdId: homes[i]?.id, kind });
    expect(res.statusCode, res.body).toBe(201);
  }
}, 180_000);
afterAll(() => t?.close());

describe("household visits (民情日记)", () => {
  it("lists the member's households, not yet visited this quarter", async () => {
    const res = await member().get("/api/v1/engagement/my-households");
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.total).toBe(3);
    expect(body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ householdId: homes[2]?.id, kind: "oneLeadsN", visitedThisQuarter: false }),
      ]),
    );
    expect(body.items.every((h: { lastVisitedAt: unknown }) => h.lastVisitedAt === null)).toBe(true);
    expect((await t.as("resident").get("/api/v1/engagement/my-households")).statusCode).toBe(403);
  });

  it("logs a visit once per phone key, lands it in his record and ticks 联系一户群众", async () => {
    const [home] = homes as [Home];
    const photo = await uploadPhoto(member(), 7);
    const body = {
      householdId: home.id,
      note: "老人身体还好，聊了聊孙子上学的事",
      photos: [photo],
      problems: [" 楼道灯坏了", "屋顶漏水"],
      clientKey: "phone-key-0001",
    };
    const res = await visit(body);
    expect(res.statusCode, res.body).toBe(201);
    const made = res.json();
    expect(made).toMatchObject({ memberId, householdId: home.id, address: home.address });
    expect(made.problems.map((p: { text: string }) => p.text)).toEqual(["楼道灯坏了", "屋顶漏水"]);
    expect(made.photos).toHaveLength(1);

    const [before] = await visits();
    const again = await visit(body);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(made.id);
    expect(await visits()).toEqual([before]);

    const [record] = await t.database.db
      .select()
      .from(serviceRecords)
      .where(eq(serviceRecords.sourceKey, `visit:${made.id}`));
    expect(record).toMatchObject({
      kind: "visit",
      title: `走访 ${home.address}`,
      memberId,
      status: "approved",
    });
    const ticked = await t.database.db
      .select()
      .from(sixOnes)
      .where(and(eq(sixOnes.memberId, memberId), eq(sixOnes.item, "pairHousehold")));
    expect(ticked).toHaveLength(1);
    const audit = (await t.as("districtAdmin").get(`/api/v1/audit?entityId=${made.id}`)).json().items;
    expect(audit.map((a: { action: string }) => a.action)).toContain("engagement.visit.create");

    const mine = (await member().get("/api/v1/engagement/my-households")).json().items;
    expect(mine.find((h: { householdId: string }) => h.householdId === home.id)).toMatchObject({
      visitedThisQuarter: true,
      lastVisitedAt: made.visitedAt,
    });
  });

  it("refuses households he is not paired with, and times in the future or long past", async () => {
    const [before] = await visits();
    const stranger = await visit({ householdId: homes[3]?.id, note: "路过看看" });
    expect(stranger.statusCode).toBe(422);
    expect(stranger.json().error.code).toBe("HOUSEHOLD_NOT_ASSIGNED");
    const future = await visit({
      householdId: homes[0]?.id,
      note: "明天去",
      visitedAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(future.json().error.code).toBe("VISIT_IN_FUTURE");
    const old = await visit({ householdId: homes[0]?.id, note: "去年的", visitedAt: "2020-01-01T08:00:00Z" });
    expect(old.statusCode).toBe(422);
    expect(old.json().error.code).toBe("VISIT_TOO_EARLY");
    expect(old.json().error.message).toMatch(/以后的走访|from/);
    const staff = await t.as("communityStaff").post("/api/v1/engagement/visits", {
      householdId: homes[0]?.id,
      note: "代记",
    });
    expect(staff.statusCode).toBe(403);
    expect(await visits()).toEqual([before]);
  });

  it("turns a problem into a case at the household in one tap, and only once", async () => {
    const made = (
      await visit({
        householdId: homes[1]?.id,
        note: "家里下水道堵了",
        problems: ["下水道堵塞", "门口垃圾没人清"],
      })
    ).json();
    const url = (i: number) => `/api/v1/engagement/visits/${made.id}/problems/${i}/case`;
    const res = await member().post(url(0), {});
    expect(res.statusCode, res.body).toBe(201);
    const { caseCode } = res.json();
    expect(caseCode).toMatch(/\d/);
    const theCase = (await t.as("communityStaff").get(`/api/v1/cases/${caseCode}`)).json();
    expect(theCase.description).toBe("下水道堵塞（走访发现）");
    expect(theCase.address).toBe(homes[1]?.address);

    const second = await member().post(url(0), {});
    expect(second.statusCode).toBe(409);
    expect(second.json().error).toMatchObject({ code: "PROBLEM_ALREADY_CASE", details: { caseCode } });
    expect(second.json().error.message).toContain(caseCode);

    // Two taps at once on the other problem: one case, one answer each.
    const both = await Promise.all([member().post(url(1), {}), member().post(url(1), {})]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const codes = both.map((r) => r.json().caseCode ?? r.json().error.details.caseCode);
    expect(codes[0]).toBe(codes[1]);

    const shown = (await member().get(`/api/v1/engagement/visits/${made.id}`)).json();
    expect(shown.problems.map((p: { caseCode: string }) => p.caseCode)).toEqual([caseCode, codes[0]]);
    expect((await member().post(url(5), {})).statusCode).toBe(404);
    expect((await t.as("resident").post(url(0), {})).statusCode).toBe(404);
    expect((await t.as("resident").get(`/api/v1/engagement/visits/${made.id}`)).statusCode).toBe(404);
    const audit = (await t.as("districtAdmin").get(`/api/v1/audit?entityId=${made.id}`)).json().items;
    expect(audit.filter((a: { action: string }) => a.action === "engagement.visit.case")).toHaveLength(2);
  });

  it("lets community staff turn a member's problem into a case too", async () => {
    const made = (await visit({ householdId: homes[2]?.id, note: "聊天", problems: ["想办老年卡"] })).json();
    const res = await t
      .as("communityStaff")
      .post(`/api/v1/engagement/visits/${made.id}/problems/0/case`, { categoryCode: "elderlyHelp" });
    expect(res.statusCode, res.body).toBe(201);
  });

  it("lists visits: the member his own, the community its scope, with filters and a spreadsheet", async () => {
    // The demo has visits of its own: this test's are those to its households.
    const ours = (items: Array<{ householdId: string }>) =>
      items.filter((v) => homes.some((h) => h.id === v.householdId));
    const own = (await member().get("/api/v1/engagement/visits?hasProblems=true&pageSize=200")).json();
    expect(ours(own.items)).toHaveLength(3);
    expect(own.items.every((v: { memberId: string }) => v.memberId === memberId)).toBe(true);
    const none = (await member().get("/api/v1/engagement/visits?hasProblems=false&pageSize=200")).json();
    expect(ours(none.items)).toHaveLength(0);
    const one = (await member().get(`/api/v1/engagement/visits?householdId=${homes[0]?.id}`)).json();
    expect(one.items.map((v: { address: string }) => v.address)).toEqual([homes[0]?.address]);
    const staff = await t
      .as("communityStaff")
      .get(`/api/v1/engagement/visits?memberId=${memberId}&householdId=${homes[1]?.id}`);
    expect(staff.statusCode, staff.body).toBe(200);
    expect(staff.json().total).toBe(1);
    expect(staff.json().items[0].problems[0].caseCode).toMatch(/\d/);
    const paged = (
      await t.as("communityStaff").get(`/api/v1/engagement/visits?memberId=${memberId}&pageSize=2`)
    ).json();
    expect(paged.items).toHaveLength(2);
    expect(paged.total).toBeGreaterThanOrEqual(3);
    const file = await t
      .as("communityStaff")
      .get(`/api/v1/engagement/visits?memberId=${memberId}&format=xlsx`);
    expect(file.statusCode).toBe(200);
    expect(file.headers["content-type"]).toContain("spreadsheetml");
    expect((await member().get(`/api/v1/engagement/visits?householdId=${homes[3]?.id}`)).statusCode).toBe(
      404,
    );
    expect((await t.as("resident").get("/api/v1/engagement/visits")).statusCode).toBe(403);
  });
});

describe("visit coverage", () => {
  type Row = { memberId: string; assigned: number; visited: number };
  type Grid = { id: string | null; assigned: number; visited: number; members: Row[] };
  type Coverage = {
    assigned: number;
    visited: number;
    communities: Array<{ id: string; assigned: number; visited: number; grids: Grid[] }>;
  };
  const coverage = async (query = ""): Promise<Coverage> => {
    const res = await t.as("communityStaff").get(`/api/v1/engagement/visit-coverage${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const memberRows = (c: Coverage, id: string) =>
    c.communities.flatMap((x) => x.grids.flatMap((g) => g.members.filter((m) => m.memberId === id)));
  const sum = (rows: Row[], k: "assigned" | "visited") => rows.reduce((n, r) => n + r[k], 0);

  it("counts households visited this quarter over those assigned, a household visited twice once", async () => {
    // A second member paired with the first household, who has not visited it.
    const others = (await t.as("communityStaff").get("/api/v1/people/party-members?pageSize=5")).json().items;
    const other = others.find((m: { id: string }) => m.id !== memberId);
    await t.as("districtAdmin").post(`/api/v1/people/party-members/${other.id}/households`, {
      householdId: homes[0]?.id,
      kind: "baobao",
    });
    const before = await coverage();
    await visit({ householdId: homes[0]?.id, note: "第二次上门" });
    const after = await coverage();

    // The member's three households: the first visited twice, the second and third once each.
    const mine = memberRows(after, memberId);
    expect([sum(mine, "assigned"), sum(mine, "visited")]).toEqual([3, 3]);
    const theOther = memberRows(after, other.id);
    expect([sum(theOther, "assigned"), sum(theOther, "visited")]).toEqual([1, 0]);
    // Visiting a visited household again adds nothing; its two members count it once.
    expect([after.assigned, after.visited]).toEqual([before.assigned, before.visited]);
    const grids = after.communities.flatMap((c) => c.grids);
    for (const g of grids) {
      expect(g.visited).toBeLessThanOrEqual(g.assigned);
      expect(g.assigned).toBeLessThanOrEqual(sum(g.members, "assigned"));
    }
    expect(sum(after.communities as unknown as Row[], "visited")).toBe(after.visited);

    const lastYear = await coverage("?year=2025&quarter=1");
    expect(sum(memberRows(lastYear, memberId), "visited")).toBe(0);
  });

  it("is for staff reading the area's figures only", async () => {
    expect((await t.as("gridWorker").get("/api/v1/engagement/visit-coverage")).statusCode).toBe(200);
    expect((await t.as("resident").get("/api/v1/engagement/visit-coverage")).statusCode).toBe(403);
  });
});
