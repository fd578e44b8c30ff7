import { and, eq, like, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverEvents, domainEvents } from "../../../platform/events/index.ts";
import { type Session, startWithSessions, type TestApp } from "../../../testing/harness.ts";
import { activate, balanceOf, pointsWorld, skipPastEvents } from "../rules/points.fixture.ts";
import { pointsConsumers } from "./consumers.ts";
import { pointPostings } from "./tables.ts";

let t: TestApp;
let s: Record<string, Session>;
let w: Awaited<ReturnType<typeof pointsWorld>>;
let startSeq = 0;

beforeAll(async () => {
  ({ t, sessions: s } = await startWithSessions());
  w = await pointsWorld(t);
  // 睦邻积分 for the community's residents, 先锋积分 (一键通 orders worth 10) for its members.
  await activate(t.database.db, w.community, "feixianResident");
  await activate(t.database.db, w.community, "xihuMember");
  startSeq = await skipPastEvents(t.database.db);
}, 180_000);
afterAll(() => t?.close());

async function events(
  list: Array<{ type: string; id: string; user: string; data?: Record<string, unknown> }>,
) {
  await t.database.db.insert(domainEvents).values(
    list.map((e) => ({
      type: e.type,
      entity: "test",
      entityId: e.id,
      userId: e.user,
      territoryPath: w.member.territoryPath,
      data: e.data ?? {},
      at: new Date(Date.now() - 60_000),
    })),
  );
}
const deliver = () => deliverEvents(t.database.db, pointsConsumers);
const postingsLike = (prefix: string) =>
  t.database.db
    .select()
    .from(pointPostings)
    .where(like(pointPostings.businessKey, `${prefix}%`));

describe("points from other modules' events", () => {
  it("credits a member's order by his rules, and as a resident only what the resident rules say", async () => {
    const member = s.partyMember?.user.id as string;
    const before = await balanceOf(t.database.db, "member", w.member.id);
    await events([{ type: "orders.completed", id: "c-order-1", user: member }]);
    await deliver();
    const posted = await postingsLike("orders.completed:c-order-1:");
    // The resident rules give nothing for orders; the member rules 10.
    expect(posted.map((p) => [p.businessKey, p.amount, p.kind, p.memo])).toEqual([
      ["orders.completed:c-order-1:member:order-completed", 10, "award", "一键通上门服务"],
    ]);
    expect(posted[0]?.territoryPath).toBe(w.member.territoryPath);
    expect(await balanceOf(t.database.db, "member", w.member.id)).toBe(before + 10);
  });

  it("counts hours and stops at the month's cap, across one batch and the next", async () => {
    const resident = s.resident?.user.id as string;
    const before = await balanceOf(t.database.db, "resident", w.resident.id);
    // 2 points an hour, at most 40 a month: 16 + 16 + 8, then nothing.
    await events([
      { type: "volunteering.hours", id: "c-hours-1", user: resident, data: { hours: 8 } },
      { type: "volunteering.hours", id: "c-hours-2", user: resident, data: { hours: 8 } },
      { type: "volunteering.hours", id: "c-hours-3", user: resident, data: { hours: 8 } },
    ]);
    await deliver();
    await events([{ type: "volunteering.hours", id: "c-hours-4", user: resident, data: { hours: 1.5 } }]);
    await deliver();
    const posted = await postingsLike("volunteering.hours:c-hours-");
    expect(posted.map((p) => p.amount).sort()).toEqual([16, 16, 8].sort());
    expect(posted[0]?.memo).toBe("志愿服务 8 小时");
    const used = posted.reduce((sum, p) => sum + p.amount, 0);
    expect(await balanceOf(t.database.db, "resident", w.resident.id)).toBe(before + used);
  });

  it("credits an event handed over twice once, also when the cursor moves back", async () => {
    const member = s.partyMember?.user.id as string;
    await events([{ type: "wishes.confirmed", id: "c-wish-1", user: member }]);
    await deliver();
    const once = await balanceOf(t.database.db, "member", w.member.id);
    const [event] = await t.database.db
      .select()
      .from(domainEvents)
      .where(and(eq(domainEvents.type, "wishes.confirmed"), eq(domainEvents.entityId, "c-wish-1")));
    await t.database.db.transaction(
      (tx) => pointsConsumers[0]?.handle(tx, [event as never]) as Promise<void>,
    );
    await t.database.db.execute(
      sql`update event_cursors set seq = ${startSeq} where consumer = 'points.rules'`,
    );
    await deliver();
    expect(await balanceOf(t.database.db, "member", w.member.id)).toBe(once);
    expect(await postingsLike("wishes.confirmed:c-wish-1:")).toHaveLength(2); // member and resident, once each
    // Re-delivery did not eat into the hours cap either.
    expect((await postingsLike("volunteering.hours:c-hours-")).map((p) => p.amount).sort()).toEqual(
      [16, 16, 8].sort(),
    );
  });

  it("passes over events of nobody, of someone without rules, and of types no rule names", async () => {
    const staff = s.communityStaff?.user.id as string;
    await events([
      { type: "orders.completed", id: "c-staff-order", user: staff },
      { type: "orders.created", id: "c-other-type", user: s.partyMember?.user.id as string },
    ]);
    await t.database.db.insert(domainEvents).values({
      type: "orders.completed",
      entity: "test",
      entityId: "c-no-user",
      userId: null,
      territoryPath: w.member.territoryPath,
      data: {},
      at: new Date(Date.now() - 60_000),
    });
    await deliver();
    expect(await postingsLike("orders.completed:c-staff-order:")).toHaveLength(0);
    expect(await postingsLike("orders.created:")).toHaveLength(0);
    expect(await postingsLike("orders.completed:c-no-user:")).toHaveLength(0);
  });
});
