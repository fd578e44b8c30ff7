import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { piiAccessLog } from "../../platform/pii/index.ts";
import { registerVolunteer } from "../../testing/factories.ts";
import { ownGridCentre, type Session, startWithSessions, type TestApp } from "../../testing/harness.ts";
import { userWithToken } from "../../testing/users.ts";
import { orderCalls } from "./fixtures.ts";

let t: TestApp;
let s: Record<string, Session>;
/** The centre of the first grid (红旗社区 XG-LJ-001), where the party member's community is. */
let point: { lat: number; lng: number };
let otherCommunityId: string;
beforeAll(async () => {
  ({ t, sessions: s } = await startWithSessions());
  point = await ownGridCentre(t.app, s.gridWorker as Session);
  const communities = (
    await t.as("districtAdmin").get("/api/v1/territory/nodes?level=community&pageSize=2")
  ).json();
  otherCommunityId = communities.items.find((c: { name: string }) => c.name !== "红旗社区").id;
});
afterAll(() => t.close());

const { publish, act } = orderCalls(() => ({ t, point }));

describe("who may read an order", () => {
  it("shows an open order to those it is published to with the requester masked, the whole address to the one who answers for it, and to no one else", async () => {
    const address = "红旗社区锦绣花园3栋2单元501室";
    const { id, code } = await publish({ address });
    // A resident of another community, registered there as a volunteer: not published to him.
    const [home] = (
      await t.as("districtAdmin").get(`/api/v1/people/households?underId=${otherCommunityId}&pageSize=1`)
    ).json().items;
    const stranger = await userWithToken(t.database.db, {
      phone: "13955550005",
      name: "外社区居民",
      roles: [{ role: "resident", nodeId: home.nodeId }],
    });
    await registerVolunteer(t.as(stranger), { skills: ["陪护"] });
    for (const ref of [id, code, code.toLowerCase()]) {
      const read = await t.as(stranger).get(`/api/v1/orders/${ref}`);
      expect(read.statusCode).toBe(404);
      expect(read.json().error.code).toBe("NOT_FOUND");
    }

    const offered = await t.as("partyMember").get(`/api/v1/orders/${code}`);
    expect(offered.statusCode).toBe(200);
    expect(offered.json()).toMatchObject({ allowedActions: ["grab"], requesterPhone: "139****0000" });
    expect(offered.json().address).not.toContain("501");
    expect(offered.json().lat).toBe(Math.round(point.lat * 1000) / 1000);
    const hall = (await t.as("partyMember").get("/api/v1/orders/hall")).json();
    expect(hall.open.find((o: { code: string }) => o.code === code).address).not.toContain("501");

    const staff = (await t.as("communityStaff").get(`/api/v1/orders/${code}`)).json();
    expect(staff).toMatchObject({ address, requesterPhone: "139****0000", lat: point.lat, mayCall: false });
    await act("partyMember", code, "grab");
    const taken = (await t.as("partyMember").get(`/api/v1/orders/${code}`)).json();
    expect(taken).toMatchObject({ address, requesterPhone: "139****0000", lat: point.lat, mayCall: true });
    const held = (await t.as("partyMember").get("/api/v1/orders/hall")).json().taken;
    expect(held.find((o: { code: string }) => o.code === code)).toMatchObject({
      address,
      requesterPhone: "139****0000",
    });
  });
});

describe("reaching the requester (办理联系)", () => {
  const reveal = (who: Parameters<typeof t.as>[0], code: string) =>
    t.as(who).post(`/api/v1/orders/${code}/reveal-requester`, {});
  const logged = (id: string) =>
    t.database.db
      .select()
      .from(piiAccessLog)
      .where(and(eq(piiAccessLog.entity, "order"), eq(piiAccessLog.entityId, id)));

  it("gives the taker the phone with one tap while the order is his, each view logged; no one else", async () => {
    const { id, code } = await publish();
    // Offered, not yet taken: masked, and nothing to reveal.
    expect((await reveal("partyMember", code)).statusCode).toBe(403);
    await act("partyMember", code, "grab");
    const call = await reveal("partyMember", code);
    expect(call.statusCode).toBe(200);
    expect(call.json()).toEqual({ name: "王秀兰", phone: "13912340000" });
    const rows = await logged(id);
    expect(rows).toEqual([
      expect.objectContaining({
        actorId: s.partyMember?.user.id,
        field: "requesterPhone",
        purpose: "办理联系",
      }),
    ]);
    const audit = (
      await t.as("districtAdmin").get(`/api/v1/audit?action=orders.requester.reveal&entityId=${id}`)
    ).json();
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0]).toMatchObject({ entity: "order", entityName: "帮独居老人代购降压药" });
    expect(JSON.stringify(audit.items)).not.toContain("13912340000");
    // Staff who publish see the order, masked; they do not take calls for the taker.
    expect((await reveal("communityStaff", code)).statusCode).toBe(403);
    // Given up, the order is no longer his: masked again.
    await act("partyMember", code, "release", { note: "临时有事" });
    expect((await t.as("partyMember").get(`/api/v1/orders/${code}`)).json()).toMatchObject({
      requesterPhone: "139****0000",
      mayCall: false,
    });
    expect((await reveal("partyMember", code)).statusCode).toBe(403);
    expect(await logged(id)).toHaveLength(1);
  });
});
