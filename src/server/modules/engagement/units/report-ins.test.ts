import { and, count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "../../../platform/db/index.ts";
import { notifications } from "../../../platform/notify/index.ts";
import { uploadPhoto } from "../../../testing/factories.ts";
import { type Session, startWithSessions, type TestApp } from "../../../testing/harness.ts";
import { userWithToken } from "../../../testing/users.ts";
import { membersOfUnit } from "../../people/index.ts";
import { reportIns } from "../tables.ts";
import { demoMember, freshPairing, unitStaffOf } from "./units.fixture.ts";

let t: TestApp;
let s: Record<string, Session>;
let home: Awaited<ReturnType<typeof demoMember>>;
beforeAll(async () => {
  ({ t, sessions: s } = await startWithSessions());
  home = await demoMember(t);
  // The demo's member may have reported in this year already: these tests start him afresh.
  await t.database.db.delete(reportIns).where(eq(reportIns.memberId, home.member.id));
});
afterAll(() => t.close());

const me = async () => (await t.as("partyMember").get("/api/v1/engagement/me")).json();
const submit = (body: Record<string, unknown>) =>
  t.as("partyMember").post("/api/v1/engagement/report-ins", body);
const noticesOf = (userId: string, kind: string) =>
  t.database.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.kind, kind)));
const reportInsOf = async (memberId: string) =>
  (await t.database.db.select({ n: count() }).from(reportIns).where(eq(reportIns.memberId, memberId)))[0]?.n;

describe("双报到: a member reports in where he lives", () => {
  it("is refused while his unit is not paired with his community", async () => {
    const live = await t
      .as("districtAdmin")
      .get(`/api/v1/engagement/pairings?unitId=${home.unitId}&communityId=${home.community.id}&active=true`);
    for (const p of live.json().items)
      await t.as("districtAdmin").post(`/api/v1/engagement/pairings/${p.id}/end`);
    const photo = await uploadPhoto(t.as("partyMember"), 31);
    const refused = await submit({ letterFileId: photo });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe("UNIT_NOT_PAIRED");
    expect((await me()).blocked).toBe("UNIT_NOT_PAIRED");
    expect((await t.as("resident").get("/api/v1/engagement/me")).statusCode).toBe(403);
  });

  it("goes from his letter through the community's review to his 1+X menu", async () => {
    await freshPairing(t, home.unitId, home.community.id);
    const before = await me();
    expect(before).toMatchObject({
      member: { id: home.member.id },
      unit: { id: home.unitId },
      community: { id: home.community.id },
      blocked: null,
      reportIn: null,
    });
    expect(before.pairing.commitments.post).toBe("社区环境整治志愿岗");
    expect(before.sixOnes).toHaveLength(6);

    expect((await submit({})).json().error.code).toBe("LETTER_REQUIRED");
    const photo = await uploadPhoto(t.as("partyMember"), 32);
    const sent = await submit({ letterFileId: photo });
    expect(sent.statusCode).toBe(201);
    const { id } = sent.json();
    expect(sent.json().status).toBe("pending");
    const staffId = s.communityStaff?.user.id as string;
    expect((await noticesOf(staffId, "engagement.reportin.pending")).map((n) => n.entityId)).toContain(id);

    // A second one this year: 409, and nothing written.
    const twice = await submit({ letterFileId: photo });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error).toMatchObject({ code: "REPORT_IN_EXISTS", details: { status: "pending" } });
    expect(await reportInsOf(home.member.id)).toBe(1);

    const queue = await t
      .as("communityStaff")
      .get("/api/v1/engagement/report-ins?status=pending&pageSize=200");
    const item = queue.json().items.find((r: { id: string }) => r.id === id);
    expect(item).toMatchObject({
      member: { name: home.member.name },
      status: "pending",
      letter: { id: photo },
    });
    expect(item.allowedActions.sort()).toEqual(["approve", "return"]);

    expect(
      (await t.as("communityStaff").post(`/api/v1/engagement/report-ins/${id}/return`, {})).statusCode,
    ).toBe(400);
    const returned = await t
      .as("communityStaff")
      .post(`/api/v1/engagement/report-ins/${id}/return`, { reason: "介绍信照片看不清" });
    expect(returned.json()).toEqual({ id, status: "returned" });
    const memberUser = s.partyMember?.user.id as string;
    expect((await noticesOf(memberUser, "engagement.reportin.returned"))[0]?.body).toContain(
      "介绍信照片看不清",
    );
    expect((await me()).reportIn).toMatchObject({ status: "returned", returnReason: "介绍信照片看不清" });

    const wrong = await t.as("communityStaff").post(`/api/v1/engagement/report-ins/${id}/approve`);
    expect(wrong.statusCode).toBe(409);
    expect(wrong.json().error).toMatchObject({ code: "ILLEGAL_TRANSITION", details: { status: "returned" } });

    // Sent again: the same report-in, waiting again.
    const again = await submit({ letterFileId: await uploadPhoto(t.as("partyMember"), 33) });
    expect(again.json()).toEqual({ id, status: "pending" });
    expect((await t.as("gridWorker").post(`/api/v1/engagement/report-ins/${id}/approve`)).statusCode).toBe(
      403,
    );
    const approved = await t.as("communityStaff").post(`/api/v1/engagement/report-ins/${id}/approve`);
    expect(approved.json()).toEqual({ id, status: "approved" });
    expect(await noticesOf(memberUser, "engagement.reportin.approved")).toHaveLength(1);

    const menu = (items: unknown) =>
      t.as("partyMember").put(`/api/v1/engagement/report-ins/${id}/menu`, { items });
    expect((await menu([])).statusCode).toBe(400);
    expect((await menu(["volunteering", "wish"])).statusCode).toBe(200);
    const after = await me();
    expect(after.reportIn).toMatchObject({
      status: "approved",
      menu: ["volunteering", "wish"],
      returnReason: null,
    });

    const pdf = await t.as("partyMember").get(`/api/v1/engagement/report-ins/${id}/letter.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.rawPayload.subarray(0, 4).toString()).toBe("%PDF");
    expect(
      (await t.as("communityStaff").get(`/api/v1/engagement/report-ins/${id}/letter.pdf`)).statusCode,
    ).toBe(200);
    expect((await t.as("resident").get(`/api/v1/engagement/report-ins/${id}/letter.pdf`)).statusCode).toBe(
      404,
    );

    const progress = await t
      .as("communityStaff")
      .get(`/api/v1/engagement/progress?communityId=${home.community.id}&pageSize=200`);
    expect(progress.json().items.find((p: { reportInId: string }) => p.reportInId === id)).toMatchObject({
      member: { id: home.member.id },
      status: "approved",
      menu: ["volunteering", "wish"],
    });
    const sheet = await t.as("communityStaff").get("/api/v1/engagement/report-ins?format=xlsx");
    expect(sheet.statusCode).toBe(200);
  });

  it("can be done for him by his unit's staff, who issue the letter", async () => {
    await freshPairing(t, home.unitId, home.community.id);
    const staff = await unitStaffOf(t, home.unitId, home.community.id, "13700000501");
    const colleagues = (await membersOfUnit(t.database.db, home.unitId)).filter(
      (m) => m.id !== home.member.id,
    );
    const progress = await t.as(staff).get("/api/v1/engagement/progress?pageSize=200");
    expect(progress.statusCode).toBe(200);
    expect(progress.json().total).toBe(colleagues.length + 1);

    // Someone else's member is not his to report in.
    const [stranger] = rowsOf<{ id: string }>(
      await t.database.db.execute(
        sql`select id::text from party_members where work_unit_id is distinct from ${home.unitId} limit 1`,
      ),
    );
    const refused = await t.as(staff).post("/api/v1/engagement/report-ins", { memberId: stranger?.id });
    expect(refused.json().error.code).toBe("NOT_YOUR_MEMBER");

    for (const colleague of colleagues) {
      const res = await t.as(staff).post("/api/v1/engagement/report-ins", { memberId: colleague.id });
      // Colleagues living in other communities need their unit paired there too.
      if (res.statusCode === 422) {
        expect(res.json().error.code).toBe("UNIT_NOT_PAIRED");
        continue;
      }
      expect(res.statusCode).toBe(201);
      const listed = await t.as(staff).get("/api/v1/engagement/report-ins?pageSize=200");
      const row = listed.json().items.find((r: { id: string }) => r.id === res.json().id);
      expect(row.letterIssuedAt).not.toBeNull();
      expect(row.allowedActions).toEqual([]);
      const pdf = await t.as(staff).get(row.letterUrl);
      expect(pdf.statusCode).toBe(200);
      return;
    }
  });

  it("is for in-service members only", async () => {
    const [retired] = rowsOf<{ phone: string }>(
      await t.database.db.execute(
        sql`select r.phone from party_members m join residents r on r.id = m.resident_id
            where m.work_unit_id is null and r.phone is not null limit 1`,
      ),
    );
    if (!retired) return;
    const user = await userWithToken(t.database.db, {
      phone: retired.phone,
      name: "退休党员",
      roles: [{ role: "partyMember", nodeId: home.community.id }],
    });
    const res = await t.as(user).post("/api/v1/engagement/report-ins", {
      letterFileId: await uploadPhoto(t.as(user), 34),
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe("NOT_IN_SERVICE");
  });
});
