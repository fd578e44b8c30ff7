import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "../../platform/db/index.ts";
import { domainEvents } from "../../platform/events/index.ts";
import { notifications } from "../../platform/notify/index.ts";
import { createWish, uploadPhoto } from "../../testing/factories.ts";
import { PHONES, type Session, startWithSessions, type TestApp } from "../../testing/harness.ts";
import { userWithToken } from "../../testing/users.ts";

let t: TestApp;
let s: Record<string, Session>;
beforeAll(async () => {
  ({ t, sessions: s } = await startWithSessions());
});
afterAll(() => t.close());

const upload = (variant: number) => uploadPhoto(t.as("resident"), variant);
const wish = (body: Record<string, unknown> = {}) => createWish(t.as("resident"), body);

const noticesOf = (userId: string, kind: string) =>
  t.database.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.kind, kind)));

/** A community worker of another community than the demo's first (whose staff is 13800000003). */
async function otherCommunityStaff() {
  const list = await t.as("districtAdmin").get("/api/v1/territory/nodes?level=community&pageSize=50");
  const first = s.communityStaff?.user.roles[0]?.nodeId;
  const other = list.json().items.find((n: { id: string }) => n.id !== first);
  return userWithToken(t.database.db, {
    phone: "13400000301",
    name: "钱晓梅",
    roles: [{ role: "communityStaff", nodeId: other.id }],
  });
}

describe("a wish from posting to confirmation", () => {
  it("goes through review, claim and fulfilment to the wisher's confirmation, with notices and an event", async () => {
    const photo = await upload(1);
    const { id, code, status } = await wish({ photos: [photo] });
    expect(code).toMatch(/^XY-\d{8}-\d{4}$/);
    expect(status).toBe("pending");
    const staffId = s.communityStaff?.user.id as string;
    expect((await noticesOf(staffId, "wish.pending")).map((n) => n.entityId)).toContain(id);

    // Not on the wall before the community has looked at it.
    const before = (await t.as(undefined).get("/api/v1/public/wishes?pageSize=200")).json();
    expect(before.items.map((w: { id: string }) => w.id)).not.toContain(id);
    expect((await t.as("resident").get(`/api/v1/public/wishes/${id}/photos/${photo}`)).statusCode).toBe(404);

    const approved = await t.as("communityStaff").post(`/api/v1/wishes/${id}/review`, { approve: true });
    expect(approved.json()).toEqual({ id, status: "published" });
    const onWall = (await t.as(undefined).get("/api/v1/public/wishes?status=published&pageSize=200")).json();
    const shown = onWall.items.find((w: { id: string }) => w.id === id);
    expect(shown).toMatchObject({ code, title: "想要一套初中数学辅导书", wisherName: "孙**", claimer: null });
    const photoRes = await t.as(undefined).get(shown.photos[0].url);
    expect(photoRes.statusCode).toBe(200);
    expect(photoRes.headers["content-type"]).toBe("image/png");

    const claimed = await t.as("partyMember").post(`/api/v1/wishes/${id}/claim`);
    expect(claimed.json()).toEqual({ id, status: "claimed" });
    const wisherId = s.resident?.user.id as string;
    expect((await noticesOf(wisherId, "wish.claimed"))[0]?.body).toContain("赵明亮");
    const forClaimer = (await t.as("partyMember").get(`/api/v1/wishes/${code}`)).json();
    // The claimer must reach the wisher to deliver: name and phone whole.
    expect(forClaimer).toMatchObject({
      wisherName: "孙秀英",
      wisherPhone: "13800000007",
      claimerName: "赵明亮",
    });
    expect(forClaimer.allowedActions.sort()).toEqual(["fulfil", "release"]);
    const onWallClaimed = (
      await t.as(undefined).get("/api/v1/public/wishes?status=claimed&pageSize=200")
    ).json();
    expect(onWallClaimed.items.find((w: { id: string }) => w.id === id).claimer).toEqual({
      kind: "member",
      name: "赵**",
    });

    expect(
      (await t.as("resident").post(`/api/v1/wishes/${id}/fulfil`, { note: "自己买了" })).statusCode,
    ).toBe(403);
    const fulfilled = await t.as("partyMember").post(`/api/v1/wishes/${id}/fulfil`, {
      note: "已将辅导书送到家中",
      photos: [await upload(2)],
    });
    expect(fulfilled.json().status).toBe("fulfilled");
    expect(await noticesOf(wisherId, "wish.fulfilled")).toHaveLength(1);

    const mine = (await t.as("resident").get("/api/v1/wishes/mine")).json();
    const item = mine.items.find((w: { id: string }) => w.id === id);
    expect(item).toMatchObject({
      status: "fulfilled",
      fulfilNote: "已将辅导书送到家中",
      allowedActions: ["confirm"],
    });

    const confirmed = await t.as("resident").post(`/api/v1/wishes/${id}/confirm`, {
      thanks: "谢谢，孩子很喜欢！",
    });
    expect(confirmed.json().status).toBe("confirmed");
    const memberId = s.partyMember?.user.id as string;
    const events = await t.database.db.select().from(domainEvents).where(eq(domainEvents.entityId, id));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: "wishes.confirmed", entity: "wish", userId: memberId });
    expect((await noticesOf(memberId, "wish.confirmed"))[0]?.body).toContain("谢谢，孩子很喜欢！");

    const detail = (await t.as("communityStaff").get(`/api/v1/wishes/${id}`)).json();
    expect(detail.events.map((e: { action: string }) => e.action)).toEqual([
      "post",
      "approve",
      "claim",
      "fulfil",
      "confirm",
    ]);
    expect(detail).toMatchObject({ status: "confirmed", thanks: "谢谢，孩子很喜欢！", allowedActions: [] });
    expect(detail.fulfilPhotos).toHaveLength(1);

    // Confirming twice is not possible: 409 with where the wish stands.
    const again = await t.as("resident").post(`/api/v1/wishes/${id}/confirm`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({
      code: "ILLEGAL_TRANSITION",
      details: { status: "confirmed" },
    });
  });

  it("turns a wish down only with a reason, and tells the wisher why", async () => {
    const { id } = await wish({ title: "想要五百元现金", category: "other" });
    const bare = await t.as("communityStaff").post(`/api/v1/wishes/${id}/review`, { approve: false });
    expect(bare.statusCode).toBe(422);
    expect(bare.json().error.code).toBe("MISSING_FIELDS");
    const reason = "心愿涉及现金资助，请改为具体物品";
    const rejected = await t.as("communityStaff").post(`/api/v1/wishes/${id}/review`, {
      approve: false,
      note: reason,
    });
    expect(rejected.json().status).toBe("rejected");
    const told = await noticesOf(s.resident?.user.id as string, "wish.rejected");
    expect(told.find((n) => n.entityId === id)?.body).toContain(reason);
    const mine = (await t.as("resident").get("/api/v1/wishes/mine?pageSize=50")).json();
    expect(mine.items.find((w: { id: string }) => w.id === id)).toMatchObject({
      status: "rejected",
      reviewNote: reason,
    });
    // A rejected wish is not claimable, and stays off the wall.
    expect((await t.as("partyMember").post(`/api/v1/wishes/${id}/claim`)).statusCode).toBe(404);
  });

  it("keeps wishes of another community out of a reviewer's reach (404)", async () => {
    const { id, code } = await wish();
    const other = await otherCommunityStaff();
    const review = await t.as(other).post(`/api/v1/wishes/${id}/review`, { approve: true });
    expect(review.statusCode).toBe(404);
    expect((await t.as(other).get(`/api/v1/wishes/${code}`)).statusCode).toBe(404);
    const list = (await t.as(other).get("/api/v1/wishes?status=pending&pageSize=200")).json();
    expect(list.items.map((w: { id: string }) => w.id)).not.toContain(id);
    const ours = (await t.as("communityStaff").get("/api/v1/wishes?status=pending&pageSize=200")).json();
    expect(ours.items.map((w: { id: string }) => w.id)).toContain(id);
    // Residents and members may not review at all.
    expect((await t.as("resident").post(`/api/v1/wishes/${id}/review`, { approve: true })).statusCode).toBe(
      403,
    );
  });

  it("refuses steps out of turn: 409 with the current status, 403 for the wrong person", async () => {
    const { id } = await wish();
    expect((await t.as("partyMember").post(`/api/v1/wishes/${id}/claim`)).statusCode).toBe(404);
    await t.as("communityStaff").post(`/api/v1/wishes/${id}/review`, { approve: true });
    const twice = await t.as("communityStaff").post(`/api/v1/wishes/${id}/review`, { approve: true });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.details).toMatchObject({ status: "published", action: "approve" });
    const early = await t.as("resident").post(`/api/v1/wishes/${id}/confirm`, {});
    expect(early.statusCode).toBe(409);
    expect(early.json().error.details.status).toBe("published");
    const own = await userWithToken(t.database.db, {
      phone: "13400000302",
      name: "周建华",
      roles: [{ role: "partyMember", nodeId: s.partyMember?.user.roles[0]?.nodeId as string }],
    });
    await t.as(own).post(`/api/v1/wishes/${id}/claim`);
    // Only the claimer (or the community) gives a claim back; then the wall has it again.
    expect((await t.as("partyMember").post(`/api/v1/wishes/${id}/release`)).statusCode).toBe(403);
    expect((await t.as(own).post(`/api/v1/wishes/${id}/release`, { note: "临时出差" })).json().status).toBe(
      "published",
    );
    const withdrawn = await t.as("resident").post(`/api/v1/wishes/${id}/withdraw`);
    expect(withdrawn.json().status).toBe("withdrawn");
    expect(
      (await t.as(undefined).get(`/api/v1/public/wishes?pageSize=200`))
        .json()
        .items.map((w: { id: string }) => w.id),
    ).not.toContain(id);
  });
});

describe("claiming for a unit and staff entering wishes", () => {
  it("lets an in-service member claim for his own work unit only, and the wall names the unit", async () => {
    // An in-service member of the demo with a phone but no account yet, and his unit (set-up reads the tables).
    const [member] = rowsOf<{ phone: string; name: string; unit: string; unit_name: string }>(
      await t.database.db.execute(
        sql`select r.phone, r.name, u.id as unit, u.name as unit_name from party_members m
            join residents r on r.id = m.resident_id join units u on u.id = m.work_unit_id
            where r.phone is not null and not exists (select 1 from users where users.phone = r.phone)
              and m.work_unit_id is distinct from (select pm.work_unit_id from party_members pm
                join residents r2 on r2.id = pm.resident_id where r2.phone = ${PHONES.partyMember})
            order by r.phone limit 1`,
      ),
    );
    if (!member) throw new Error("the demo has no in-service member with a phone");
    const claimer = await userWithToken(t.database.db, {
      phone: member.phone,
      name: member.name,
      roles: [{ role: "partyMember", nodeId: s.partyMember?.user.roles[0]?.nodeId as string }],
    });
    const units = (await t.as(claimer).get("/api/v1/wishes/claim-units")).json();
    expect(units.items).toEqual([{ id: member.unit, name: member.unit_name }]);
    // The demo's member (13800000006) is in service too, with a unit of his own.
    const own = (await t.as("partyMember").get("/api/v1/wishes/claim-units")).json().items;
    expect(own).toHaveLength(1);
    expect(own[0].id).not.toBe(member.unit);

    const { id } = await wish();
    await t.as("communityStaff").post(`/api/v1/wishes/${id}/review`, { approve: true });
    const foreign = await t.as("partyMember").post(`/api/v1/wishes/${id}/claim`, { unitId: member.unit });
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().error.code).toBe("NOT_YOUR_UNIT");
    expect((await t.as(claimer).post(`/api/v1/wishes/${id}/claim`, { unitId: member.unit })).statusCode).toBe(
      200,
    );
    const onWall = (await t.as(undefined).get("/api/v1/public/wishes?status=claimed&pageSize=200")).json();
    expect(onWall.items.find((w: { id: string }) => w.id === id).claimer).toEqual({
      kind: "unit",
      name: member.unit_name,
    });
  });

  it("lets staff enter a wish for someone without an account, and confirm it for him", async () => {
    const communityId = s.communityStaff?.user.roles[0]?.nodeId as string;
    const missing = await t.as("communityStaff").post("/api/v1/wishes", {
      title: "想要一副老花镜",
      category: "health",
      nodeId: communityId,
    });
    expect(missing.statusCode).toBe(422);
    expect(
      (
        await t.as("resident").post("/api/v1/wishes", {
          title: "代人许愿",
          category: "other",
          nodeId: communityId,
          wisherName: "张三",
        })
      ).statusCode,
    ).toBe(403);
    const entered = await t.as("communityStaff").post("/api/v1/wishes", {
      title: "想要一副老花镜",
      category: "health",
      wisherKind: "resident",
      nodeId: communityId,
      wisherName: "李桂兰",
      wisherPhone: "13912345678",
    });
    expect(entered.statusCode).toBe(201);
    const { id } = entered.json();
    const listed = (await t.as("communityStaff").get("/api/v1/wishes?q=老花镜&status=pending")).json();
    expect(listed.items.find((w: { id: string }) => w.id === id)).toMatchObject({
      wisherName: "李**",
      wisherPhone: "139****5678",
    });
    await t.as("communityStaff").post(`/api/v1/wishes/${id}/review`, { approve: true, note: "已核实" });
    await t.as("partyMember").post(`/api/v1/wishes/${id}/claim`);
    await t.as("partyMember").post(`/api/v1/wishes/${id}/fulfil`, { note: "已送去老花镜" });
    // Without an account she hears by SMS; the community confirms on her behalf.
    const sms = await t.database.db.select().from(notifications).where(eq(notifications.entityId, id));
    expect(sms.filter((n) => n.phone === "13912345678").map((n) => n.kind)).toEqual(
      expect.arrayContaining(["wish.published", "wish.claimed", "wish.fulfilled"]),
    );
    const done = await t.as("communityStaff").post(`/api/v1/wishes/${id}/confirm`, {});
    expect(done.json().status).toBe("confirmed");
  });
});

describe("figures and export", () => {
  it("counts wishes per community and category in scope, and exports the list", async () => {
    const byCommunity = (await t.as("communityStaff").get("/api/v1/wishes/stats?by=community")).json();
    expect(byCommunity.items).toHaveLength(1);
    const [mine] = byCommunity.items;
    expect(mine.key).toBe(s.communityStaff?.user.roles[0]?.nodeId);
    expect(mine.name).toMatch(/社区$/);
    expect(mine.posted).toBeGreaterThanOrEqual(mine.published);
    expect(mine.published).toBeGreaterThanOrEqual(mine.claimed);
    expect(mine.claimed).toBeGreaterThanOrEqual(mine.fulfilled);
    expect(mine.fulfilled).toBeGreaterThanOrEqual(mine.confirmed);
    expect(mine.confirmed).toBeGreaterThan(0);
    expect(mine.daysToClaim).toBeGreaterThan(0);
    expect(mine.daysToConfirm).toBeGreaterThan(0);

    const district = (await t.as("districtAdmin").get("/api/v1/wishes/stats?by=category")).json();
    expect(district.items.length).toBeGreaterThan(3);
    expect(district.total.posted).toBe(
      district.items.reduce((n: number, i: { posted: number }) => n + i.posted, 0),
    );
    expect((await t.as("partyMember").get("/api/v1/wishes/stats")).statusCode).toBe(403);

    const xlsx = await t.as("communityStaff").get("/api/v1/wishes?format=xlsx&status=confirmed");
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers["content-type"]).toContain("spreadsheetml");
    expect(decodeURIComponent(String(xlsx.headers["content-disposition"]))).toContain("微心愿列表");
  });
});
