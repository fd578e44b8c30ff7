import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrder } from "../../testing/factories.ts";
import { ownGridCentre, type Session, startWithSessions, type TestApp } from "../../testing/harness.ts";
import { sweepMisses } from "./jobs.ts";
import { orderEvents, orderMisses, orders } from "./tables.ts";

/**
 * The on-site deadline, driven directly: the deadline is moved into the past in the database and
 * the job (or the sweep) is run, rather than waiting thirty minutes for the queue.
 */
let t: TestApp;
let s: Record<string, Session>;
let point: { lat: number; lng: number };
beforeAll(async () => {
  ({ t, sessions: s } = await startWithSessions());
  point = await ownGridCentre(t.app, s.gridWorker as Session);
});
afterAll(() => t.close());

const rowOf = async (id: string) => (await t.database.db.select().from(orders).where(eq(orders.id, id)))[0];
const overdue = (id: string) =>
  t.database.db
    .update(orders)
    .set({ onSiteDueAt: sql`now() - interval '1 minute'` })
    .where(eq(orders.id, id));
const missesOf = (id: string) => t.database.db.select().from(orderMisses).where(eq(orderMisses.orderId, id));

async function grabbedOrder() {
  const { id, code } = await createOrder(t.as("communityStaff"), { location: point });
  expect((await t.as("partyMember").post(`/api/v1/orders/${code}/grab`)).statusCode).toBe(200);
  const row = await rowOf(id);
  const job = {
    orderId: id,
    takerUserId: row?.takerUserId as string,
    grabbedAt: row?.grabbedAt?.toISOString() as string,
  };
  return { id, code, job };
}

describe("the on-site deadline", () => {
  it("does nothing before the deadline; after it the grab's job returns the order to the pool once", async () => {
    const { id, code, job } = await grabbedOrder();
    expect(await sweepMisses(t.database.db, job)).toBe(0);
    expect((await rowOf(id))?.status).toBe("grabbed");

    await overdue(id);
    expect(await sweepMisses(t.database.db, job)).toBe(1);
    expect(await sweepMisses(t.database.db, job)).toBe(0);
    await sweepMisses(t.database.db);
    expect(await rowOf(id)).toMatchObject({
      status: "open",
      takerUserId: null,
      onSiteDueAt: null,
      misses: 1,
    });
    const [miss, ...more] = await missesOf(id);
    expect(more).toHaveLength(0);
    expect(miss).toMatchObject({ userId: s.partyMember?.user.id, grabbedAt: new Date(job.grabbedAt) });

    const detail = (await t.as("communityStaff").get(`/api/v1/orders/${code}`)).json();
    expect(detail.events.at(-1)).toMatchObject({ action: "miss", actorName: "系统", toStatus: "open" });
    const notices = (await t.as("communityStaff").get("/api/v1/notifications?pageSize=50")).json().items;
    expect(
      notices.find((n: { kind: string; body: string }) => n.kind === "order.miss" && n.body.includes(code)),
    ).toMatchObject({
      title: "抢单超时未到场",
    });
    // Back in the hall: anyone eligible may grab it again.
    const hall = (await t.as("partyMember").get("/api/v1/orders/hall")).json();
    expect(hall.open.map((o: { code: string }) => o.code)).toContain(code);
  });

  it("leaves a later grab of the same order alone when an earlier grab's job runs", async () => {
    const { id, code, job } = await grabbedOrder();
    await overdue(id);
    expect(await sweepMisses(t.database.db, job)).toBe(1);
    expect((await t.as("partyMember").post(`/api/v1/orders/${code}/grab`)).statusCode).toBe(200);
    await overdue(id);
    // The old grab's job: not this grab's deadline.
    expect(await sweepMisses(t.database.db, job)).toBe(0);
    expect((await rowOf(id))?.status).toBe("grabbed");
    // The minute's sweep finds it.
    expect(await sweepMisses(t.database.db)).toBeGreaterThanOrEqual(1);
    expect(await rowOf(id)).toMatchObject({ status: "open", misses: 2 });
    expect(await missesOf(id)).toHaveLength(2);
  });

  it("refuses an arrival after the deadline and puts the order back at once", async () => {
    const { id, code } = await grabbedOrder();
    await overdue(id);
    const late = await t.as("partyMember").post(`/api/v1/orders/${code}/arrive`, point);
    expect(late.statusCode).toBe(409);
    expect(late.json().error).toMatchObject({ code: "ON_SITE_OVERDUE", details: { status: "open" } });
    expect(await rowOf(id)).toMatchObject({ status: "open", misses: 1 });
    const events = await t.database.db
      .select()
      .from(orderEvents)
      .where(and(eq(orderEvents.orderId, id), eq(orderEvents.action, "miss")));
    expect(events).toHaveLength(1);
  });

  it("counts no miss when the taker gives the order up in time", async () => {
    const { id, code } = await grabbedOrder();
    expect(
      (await t.as("partyMember").post(`/api/v1/orders/${code}/release`, { note: "临时有事" })).statusCode,
    ).toBe(200);
    await overdue(id);
    await sweepMisses(t.database.db);
    expect(await rowOf(id)).toMatchObject({ status: "open", misses: 0 });
    expect(await missesOf(id)).toHaveLength(0);
  });
});
