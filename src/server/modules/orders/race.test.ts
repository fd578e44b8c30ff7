import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { onPostgres } from "../../testing/database.ts";
import { createOrder } from "../../testing/factories.ts";
import { ownGridCentre, type Session, startWithSessions, type TestApp } from "../../testing/harness.ts";
import { userWithToken } from "../../testing/users.ts";
import { orderEvents, orders } from "./tables.ts";

const GRABBERS = 200;

let t: TestApp;
let s: Record<string, Session>;
let grabbers: Array<{ id: string; headers: Record<string, string> }>;
beforeAll(async () => {
  ({ t, sessions: s } = await startWithSessions());
  const community = s.partyMember?.user.roles[0]?.nodeId as string;
  // Two hundred members of the same community, with tokens rather than scrypt logins.
  grabbers = [];
  for (let i = 0; i < GRABBERS; i++)
    grabbers.push(
      await userWithToken(t.database.db, {
        phone: `1397000${String(i).padStart(4, "0")}`,
        name: `抢单党员${i}`,
        roles: [{ role: "partyMember", nodeId: community }],
      }),
    );
});
afterAll(() => t.close());

describe(`200 grabs at once (${onPostgres ? "PostgreSQL" : "PGlite"})`, () => {
  it("give exactly one winner; every other grabber is told the order is taken, in Chinese", async () => {
    const point = await ownGridCentre(t.app, s.gridWorker as Session);
    const { id, code } = await createOrder(t.as("communityStaff"), {
      title: "帮老人代取快递",
      location: point,
    });

    const answers = await Promise.all(grabbers.map((g) => t.as(g).post(`/api/v1/orders/${code}/grab`)));
    const won = answers.flatMap((a, i) => (a.statusCode === 200 ? [grabbers[i]] : []));
    expect(won).toHaveLength(1);
    const lost = answers.filter((a) => a.statusCode !== 200);
    expect(lost).toHaveLength(GRABBERS - 1);
    for (const a of lost) {
      expect(a.statusCode).toBe(409);
      expect(a.json().error).toEqual({
        code: "ORDER_TAKEN",
        message: "手慢了，这个订单已被他人抢走",
        details: { status: "grabbed" },
      });
    }

    const [row] = await t.database.db.select().from(orders).where(eq(orders.id, id));
    expect(row).toMatchObject({ status: "grabbed", takerUserId: won[0]?.id });
    const grabs = await t.database.db.select().from(orderEvents).where(eq(orderEvents.orderId, id));
    expect(grabs.filter((e) => e.action === "grab")).toHaveLength(1);
  }, 120_000);
});
