import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverEvents, domainEvents, type StoredEvent } from "../../../platform/events/index.ts";
import { notifications } from "../../../platform/notify/index.ts";
import { createWish, uploadPhoto } from "../../../testing/factories.ts";
import { ownGridCentre, type Session, startWithSessions, type TestApp } from "../../../testing/harness.ts";
import { orderCalls } from "../../orders/fixtures.ts";
import { memberByPhone } from "../../people/index.ts";
import { chinaDate } from "../periods.ts";
import { serviceRecords } from "../tables.ts";
import { engagementConsumers } from "./consumers.ts";

let t: TestApp;
let s: Record<string, Session>;
let point: { lat: number; lng: number };
beforeAll(async () => {
  ({ t, sessions: s } = await startWithSessions());
  point = await ownGridCentre(t.app, s.gridWorker as Session);
});
afterAll(() => t.close());

const { publish, act } = orderCalls(() => ({ t, point }));
const mine = async (q = "") =>
  (await t.as("partyMember").get(`/api/v1/engagement/records?mine=1&pageSize=100${q}`)).json()
    .items as Array<{
    id: string;
    kind: string;
    title: string;
    status: string;
    hours: number | null;
  }>;
/** Events written just now are held back 10 s (events.ts SETTLE): age them, then deliver. */
async function deliver() {
  await t.database.db.execute(sql`update domain_events set at = at - interval '1 minute'`);
  return deliverEvents(t.database.db, engagementConsumers);
}

describe("services from other modules land in the member's record", () => {
  it("an order the member completed and a wish he fulfilled appear in 我的纪实, once", async () => {
    const { code } = await publish();
    await act("partyMember", code, "grab", point);
    await act("partyMember", code, "arrive", point);
    const done = await act("partyMember", code, "complete", {
      note: "已帮忙买药",
      photos: [await uploadPhoto(t.as("partyMember"))],
    });
    expect(done.json().status).toBe("completed");

    const { id: wishId, code: wishCode } = await createWish(t.as("resident"));
    await t.as("communityStaff").post(`/api/v1/wishes/${wishId}/review`, { approve: true });
    await t.as("partyMember").post(`/api/v1/wishes/${wishId}/claim`);
    await t.as("partyMember").post(`/api/v1/wishes/${wishId}/fulfil`, { note: "已送到家" });
    expect((await t.as("resident").post(`/api/v1/wishes/${wishId}/confirm`, {})).json().status).toBe(
      "confirmed",
    );

    await deliver();
    const items = await mine();
    expect(items.find((r) => r.title === `完成服务订单 ${code}`)).toMatchObject({
      kind: "order",
      status: "approved",
    });
    expect(items.find((r) => r.title === `点亮微心愿 ${wishCode}`)).toMatchObject({
      kind: "wish",
      status: "approved",
    });
    // The wish ticks the year's 六个一 item.
    const six = (await t.as("partyMember").get("/api/v1/engagement/six-ones")).json();
    expect(six.items.find((i: { item: string }) => i.item === "wish")).toMatchObject({ done: true });

    // Handed over again (a crash before the cursor moved): still one record each.
    const [wishEvent] = await t.database.db
      .select()
      .from(domainEvents)
      .where(and(eq(domainEvents.type, "wishes.confirmed"), eq(domainEvents.entityId, wishId)));
    const consumer = engagementConsumers.find((c) => c.name === "engagement.wishes-confirmed");
    await t.database.db.transaction(
      (tx) => consumer?.handle(tx, [wishEvent as StoredEvent]) as Promise<void>,
    );
    await t.database.db.execute(sql`update event_cursors set seq = 0 where consumer like 'engagement.%'`);
    await deliverEvents(t.database.db, engagementConsumers);
    const again = await mine();
    expect(again.filter((r) => r.kind === "wish" && r.title.endsWith(wishCode))).toHaveLength(1);
    expect(again.filter((r) => r.kind === "order" && r.title.endsWith(code))).toHaveLength(1);
  });

  it("passes over the events of people who are not party members, and counts volunteering hours", async () => {
    const residentId = s.resident?.user.id as string;
    const memberId = s.partyMember?.user.id as string;
    const at = new Date(Date.now() - 60_000);
    await t.database.db.insert(domainEvents).values([
      {
        type: "volunteering.hours",
        entity: "activity_signup",
        entityId: "vh-resident",
        userId: residentId,
        territoryPath: "/x/",
        data: { hours: 2 },
        at,
      },
      {
        type: "volunteering.hours",
        entity: "activity_signup",
        entityId: "vh-member",
        userId: memberId,
        territoryPath: "/x/",
        data: { hours: 2.5 },
        at,
      },
    ]);
    await deliverEvents(t.database.db, engagementConsumers);
    const landed = await t.database.db
      .select({ key: serviceRecords.sourceKey, hours: serviceRecords.hours })
      .from(serviceRecords)
      .where(sql`${serviceRecords.sourceKey} like 'volunteering.hours:vh-%'`);
    expect(landed).toEqual([{ key: "volunteering.hours:vh-member", hours: 2.5 }]);
  });
});

describe("entries the member adds himself", () => {
  const today = chinaDate(new Date());
  it("wait for the community's approval, which ticks 六个一 and tells the member", async () => {
    const title = `参加主题党日 ${Date.now()}`;
    const added = await t.as("partyMember").post("/api/v1/engagement/records", {
      kind: "partyActivity",
      title,
      servedOn: today,
      hours: 2,
    });
    expect(added.statusCode).toBe(201);
    expect(added.json().status).toBe("pending");
    expect((await mine()).find((r) => r.title === title)?.status).toBe("pending");

    const pending = (
      await t.as("communityStaff").get("/api/v1/engagement/records?status=pending&pageSize=100")
    ).json();
    const row = pending.items.find((r: { title: string }) => r.title === title);
    expect(row).toMatchObject({ memberName: "赵明亮", kind: "partyActivity", hours: 2 });

    // The member cannot approve his own; another community's staff cannot see it.
    expect((await t.as("partyMember").post(`/api/v1/engagement/records/${row.id}/approve`)).statusCode).toBe(
      403,
    );
    const ok = await t.as("communityStaff").post(`/api/v1/engagement/records/${row.id}/approve`);
    expect(ok.json()).toEqual({ id: row.id, status: "approved" });
    const twice = await t.as("communityStaff").post(`/api/v1/engagement/records/${row.id}/approve`);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe("RECORD_DECIDED");

    expect((await mine()).find((r) => r.title === title)?.status).toBe("approved");
    const six = (await t.as("partyMember").get("/api/v1/engagement/six-ones")).json();
    expect(six.items.find((i: { item: string }) => i.item === "partyLife")).toMatchObject({ done: true });
    const told = await t.database.db
      .select()
      .from(notifications)
      .where(
        and(eq(notifications.userId, s.partyMember?.user.id as string), eq(notifications.entityId, row.id)),
      );
    expect(told.map((n) => n.title)).toEqual(["服务纪实已通过审核"]);
  });

  it("are rejected with a reason the member reads", async () => {
    const title = `打扫楼道 ${Date.now()}`;
    const { id } = (
      await t.as("partyMember").post("/api/v1/engagement/records", { kind: "other", title, servedOn: today })
    ).json();
    expect(
      (await t.as("communityStaff").post(`/api/v1/engagement/records/${id}/reject`, {})).statusCode,
    ).toBe(400);
    await t.as("communityStaff").post(`/api/v1/engagement/records/${id}/reject`, { reason: "请补充照片" });
    const item = (await t.as("partyMember").get("/api/v1/engagement/me/records?status=rejected")).json()
      .items[0];
    expect(item).toMatchObject({ id, status: "rejected", rejectReason: "请补充照片" });
  });

  it("outside this quarter or in the future are refused, and nothing is written", async () => {
    const before = (await mine()).length;
    const tomorrow = chinaDate(new Date(Date.now() + 86_400_000));
    const lastYear = `${Number(today.slice(0, 4)) - 1}-06-01`;
    for (const servedOn of [tomorrow, lastYear]) {
      const res = await t
        .as("partyMember")
        .post("/api/v1/engagement/records", { kind: "other", title: "x", servedOn });
      expect(res.statusCode).toBe(422);
      expect(res.json().error.code).toBe("RECORD_OUTSIDE_PERIOD");
      expect(res.json().error.message).toContain("本季度");
    }
    expect((await mine()).length).toBe(before);
    const notMember = await t
      .as("resident")
      .post("/api/v1/engagement/records", { kind: "other", title: "x", servedOn: today });
    expect(notMember.statusCode).toBe(403);
  });

  it("export to a spreadsheet with the list's filters", async () => {
    const res = await t.as("communityStaff").get("/api/v1/engagement/records?format=xlsx&status=approved");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("spreadsheetml");
    expect(res.rawPayload.subarray(0, 2).toString()).toBe("PK");
  });
});

describe("六个一 ticked by the community", () => {
  it("takes a talk or a survey, and refuses items that records fulfil", async () => {
    const member = await memberByPhone(t.database.db, "13800000006");
    const year = Number(chinaDate(new Date()).slice(0, 4));
    const doneOn = chinaDate(new Date());
    const ok = await t
      .as("communityStaff")
      .post("/api/v1/engagement/six-ones", { memberId: member?.id, year, item: "talk", doneOn });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().items.find((i: { item: string }) => i.item === "talk")).toMatchObject({
      done: true,
      doneOn,
    });
    const refused = await t
      .as("communityStaff")
      .post("/api/v1/engagement/six-ones", { memberId: member?.id, year, item: "wish", doneOn });
    expect(refused.json().error.code).toBe("SIX_ONE_BY_RECORD");
    expect(
      (
        await t
          .as("partyMember")
          .post("/api/v1/engagement/six-ones", { memberId: member?.id, year, item: "talk", doneOn })
      ).statusCode,
    ).toBe(403);
  });
});
