import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notifications } from "../../../platform/notify/index.ts";
import { type Session, startWithSessions, type TestApp } from "../../../testing/harness.ts";
import { userWithToken } from "../../../testing/users.ts";
import { type MemberRecord, memberByPhone } from "../../people/index.ts";
import { chinaDate, quarterOf } from "../periods.ts";
import { unitPairings, unitStaff } from "../tables.ts";

let t: TestApp;
let s: Record<string, Session>;
let member: MemberRecord;
let unitId: string;
let unitHeaders: Record<string, string>;
let unitUserId: string;
const { year, quarter } = quarterOf(chinaDate(new Date()));

beforeAll(async () => {
  ({ t, sessions: s } = await startWithSessions());
  member = (await memberByPhone(t.database.db, "13800000006")) as MemberRecord;
  unitId = member.workUnitId as string;
  const communityId = s.communityStaff?.user.roles[0]?.nodeId as string;
  const communityPath = `${member.territoryPath.split("/").slice(0, 4).join("/")}/`;
  // His unit paired with his community, and a liaison account acting for the unit.
  await t.database.db
    .insert(unitPairings)
    .values({
      unitId,
      communityId,
      territoryPath: communityPath,
      startsOn: `${year}-01-01`,
      endsOn: `${year + 2}-12-31`,
      commitments: {} as never,
    })
    .onConflictDoNothing();
  const liaison = await userWithToken(t.database.db, {
    phone: "13955556601",
    name: "单位联络员",
    roles: [{ role: "unitStaff", nodeId: communityId }],
  });
  await t.database.db.insert(unitStaff).values({ userId: liaison.id, unitId }).onConflictDoNothing();
  unitHeaders = liaison.headers;
  unitUserId = liaison.id;
});
afterAll(() => t.close());

describe("suggestions (提出一条意见建议)", () => {
  it("an adopted one lands in the member's record; he reads the answer", async () => {
    const text = `建议在小区增设电动车充电桩 ${Date.now()}`;
    const made = await t.as("partyMember").post("/api/v1/engagement/suggestions", { text });
    expect(made.statusCode).toBe(201);
    const pending = (
      await t.as("communityStaff").get("/api/v1/engagement/suggestions?status=pending")
    ).json();
    const row = pending.items.find((x: { text: string }) => x.text === text);
    expect(row).toMatchObject({ memberName: "赵明亮", status: "pending" });
    expect(
      (await t.as("partyMember").post(`/api/v1/engagement/suggestions/${row.id}/adopt`, { answer: "好" }))
        .statusCode,
    ).toBe(403);
    const adopted = await t
      .as("communityStaff")
      .post(`/api/v1/engagement/suggestions/${row.id}/adopt`, { answer: "已联系物业下月安装" });
    expect(adopted.json()).toEqual({ id: row.id, status: "adopted" });
    const again = await t
      .as("communityStaff")
      .post(`/api/v1/engagement/suggestions/${row.id}/decline`, { answer: "不" });
    expect(again.json().error.code).toBe("SUGGESTION_DECIDED");

    const mine = (await t.as("partyMember").get("/api/v1/engagement/suggestions?mine=1")).json();
    expect(mine.items.find((x: { id: string }) => x.id === row.id)).toMatchObject({
      status: "adopted",
      answer: "已联系物业下月安装",
    });
    const records = (
      await t.as("partyMember").get("/api/v1/engagement/records?mine=1&kind=suggestion")
    ).json();
    expect(records.items.some((r: { title: string }) => r.title.includes("电动车充电桩"))).toBe(true);
    const told = await t.database.db
      .select()
      .from(notifications)
      .where(
        and(eq(notifications.userId, s.partyMember?.user.id as string), eq(notifications.entityId, row.id)),
      );
    expect(told[0]?.body).toContain("已联系物业下月安装");
  });

  it("a declined one says why and lands nowhere", async () => {
    const { id } = (
      await t.as("partyMember").post("/api/v1/engagement/suggestions", { text: "把广场舞时间延长到十点" })
    ).json();
    await t
      .as("communityStaff")
      .post(`/api/v1/engagement/suggestions/${id}/decline`, { answer: "晚间噪音会影响居民休息" });
    const mine = (
      await t.as("partyMember").get("/api/v1/engagement/suggestions?mine=1&status=declined")
    ).json();
    expect(mine.items.map((x: { id: string }) => x.id)).toContain(id);
  });
});

describe("the unit's ledger (台账)", () => {
  it("shows the unit's member with his quarter's services, to the community and to the unit", async () => {
    await t.as("partyMember").post("/api/v1/engagement/records", {
      kind: "partyActivity",
      title: "台账测试：社区党课",
      servedOn: chinaDate(new Date()),
      hours: 1.5,
    });
    const pending = (
      await t.as("communityStaff").get("/api/v1/engagement/records?status=pending&q=台账测试")
    ).json();
    await t.as("communityStaff").post(`/api/v1/engagement/records/${pending.items[0].id}/approve`);

    const units = (await t.as("communityStaff").get("/api/v1/engagement/ledger/units")).json();
    expect(units.items.map((u: { id: string }) => u.id)).toContain(unitId);
    const q = `unitId=${unitId}&year=${year}&quarter=${quarter}`;
    const ledger = (await t.as("communityStaff").get(`/api/v1/engagement/ledger?${q}`)).json();
    const row = ledger.items.find((r: { memberId: string }) => r.memberId === member.id);
    expect(row.byKind.partyActivity).toBeGreaterThanOrEqual(1);
    expect(row.hours).toBeGreaterThanOrEqual(1.5);
    expect(row.sixOnesDone).toBeGreaterThanOrEqual(1);

    const forUnit = await t.as(unitHeaders).get(`/api/v1/engagement/ledger?${q}`);
    expect(forUnit.json().items.map((r: { memberId: string }) => r.memberId)).toContain(member.id);
    const xlsx = await t.as("communityStaff").get(`/api/v1/engagement/ledger?${q}&format=xlsx`);
    expect(xlsx.headers["content-type"]).toContain("spreadsheetml");
    // Nobody else's ledger.
    expect((await t.as("resident").get(`/api/v1/engagement/ledger?${q}`)).statusCode).toBe(403);
    // The unit's staff sees its members' records too.
    const records = (await t.as(unitHeaders).get("/api/v1/engagement/records?q=台账测试")).json();
    expect(records.total).toBe(1);
  });
});

describe("feedback cards (反馈卡)", () => {
  it("the community writes, rewrites and sends a card; the unit hears and reads it as PDF and Excel", async () => {
    const body = { memberId: member.id, year, quarter, grade: "good", comment: "积极参加社区活动" };
    const first = await t.as("communityStaff").put("/api/v1/engagement/feedback-cards", body);
    expect(first.statusCode).toBe(200);
    const { id } = first.json();
    const rewritten = await t.as("communityStaff").put("/api/v1/engagement/feedback-cards", {
      ...body,
      grade: "excellent",
      comment: "服务主动，群众认可",
    });
    expect(rewritten.json().id).toBe(id);
    expect((await t.as("resident").put("/api/v1/engagement/feedback-cards", body)).statusCode).toBe(403);

    const sent = await t.as("communityStaff").post(`/api/v1/engagement/feedback-cards/${id}/send`);
    expect(sent.json().sentAt).toBeTruthy();
    expect(
      (await t.as("communityStaff").post(`/api/v1/engagement/feedback-cards/${id}/send`)).statusCode,
    ).toBe(409);
    const late = await t.as("communityStaff").put("/api/v1/engagement/feedback-cards", body);
    expect(late.json().error.code).toBe("FEEDBACK_CARD_SENT");
    const told = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, unitUserId), eq(notifications.entityId, id)));
    expect(told[0]?.title).toBe("收到社区反馈卡");

    const list = (
      await t.as(unitHeaders).get(`/api/v1/engagement/feedback-cards?year=${year}&quarter=${quarter}`)
    ).json();
    expect(list.items.find((c: { id: string }) => c.id === id)).toMatchObject({
      grade: "excellent",
      comment: "服务主动，群众认可",
    });
    const pdf = await t.as(unitHeaders).get(`/api/v1/engagement/feedback-cards/${id}.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.rawPayload.subarray(0, 4).toString()).toBe("%PDF");
    const xlsx = await t.as("partyMember").get(`/api/v1/engagement/feedback-cards/${id}.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers["content-disposition"]).toContain("feedback-card");
    expect((await t.as("resident").get(`/api/v1/engagement/feedback-cards/${id}.pdf`)).statusCode).toBe(404);
  });
});
