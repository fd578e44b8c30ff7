import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { domainEvents } from "../../platform/events/index.ts";
import { createCase, ORDER, uploadPhoto } from "../../testing/factories.ts";
import { ownGridCentre, type Session, startWithSessions, type TestApp } from "../../testing/harness.ts";
import { userWithToken } from "../../testing/users.ts";
import { orderCalls } from "./fixtures.ts";

let t: TestApp;
let s: Record<string, Session>;
/** The centre of the first grid (红旗社区 XG-LJ-001), where the party member's community is. */
let point: { lat: number; lng: number };
let otherCommunityId: string;
let firstGridId: string;
beforeAll(async () => {
  ({ t, sessions: s } = await startWithSessions());
  point = await ownGridCentre(t.app, s.gridWorker as Session);
  firstGridId = s.gridWorker?.user.roles[0]?.nodeId as string;
  const communities = (
    await t.as("districtAdmin").get("/api/v1/territory/nodes?level=community&pageSize=2")
  ).json();
  otherCommunityId = communities.items.find((c: { name: string }) => c.name !== "红旗社区").id;
});
afterAll(() => t.close());

const { publish, act } = orderCalls(() => ({ t, point }));
const away = (km: number) => ({ lat: point.lat + km / 111, lng: point.lng });
/** A party member living in another community, or in this one, with a token. */
const member = (phone: string, nodeId: string) =>
  userWithToken(t.database.db, {
    phone,
    name: `党员${phone.slice(-4)}`,
    roles: [{ role: "partyMember", nodeId }],
  });
const upload = () => uploadPhoto(t.as("partyMember"));

describe("an order from publishing to rating", () => {
  it("publishes a resident's request; a member grabs, arrives, completes with a photo; the rating closes the case", async () => {
    const { id: caseId } = await createCase(t.as("resident"), {
      categoryCode: "errand",
      description: "腿脚不便，想请人帮忙去药店买降压药",
      location: point,
    });

    const published = await t.as("communityStaff").post("/api/v1/orders", { caseId, categoryCode: "errand" });
    expect(published.statusCode).toBe(201);
    const { id, code, status } = published.json();
    expect(code).toMatch(/^DD-\d{8}-\d{4}$/);
    expect(status).toBe("open");
    // An errand goes to the community (社区派单), which hands it out: the case stays with it.
    const handedOut = (await t.as("communityStaff").get(`/api/v1/cases/${caseId}`)).json();
    expect(handedOut.status).toBe("communityDispatch");
    const again = await t.as("communityStaff").post("/api/v1/orders", { caseId });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: "CASE_HAS_ORDER", details: { orderCode: code } });

    // 抢单大厅: nearest first, with the distance from the phone.
    const hall = (
      await t.as("partyMember").get(`/api/v1/orders/hall?lat=${point.lat}&lng=${point.lng}`)
    ).json();
    expect(hall.open[0]).toMatchObject({
      code,
      distanceMeters: 0,
      title: "腿脚不便，想请人帮忙去药店买降压药",
    });
    const distances = hall.open.map((o: { distanceMeters: number }) => o.distanceMeters);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(hall.open[0].requesterName).toBe("孙**");

    const grabbed = await act("partyMember", code, "grab", point);
    expect(grabbed.statusCode).toBe(200);
    expect(grabbed.json().status).toBe("grabbed");
    const due = new Date(grabbed.json().onSiteDueAt).getTime() - Date.now();
    expect(due).toBeGreaterThan(29 * 60_000);
    expect(due).toBeLessThanOrEqual(30 * 60_000);
    const mine = (await t.as("partyMember").get("/api/v1/orders/hall")).json();
    expect(mine.taken.map((o: { code: string }) => o.code)).toEqual([code]);
    expect(mine.open.map((o: { code: string }) => o.code)).not.toContain(code);
    expect((await t.as("partyMember").get(`/api/v1/orders/${code}`)).json().allowedActions).toEqual([
      "release",
      "arrive",
    ]);

    const early = await act("partyMember", code, "complete", { note: "已送到", photos: [await upload()] });
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatchObject({
      code: "ILLEGAL_TRANSITION",
      details: { status: "grabbed", allowedActions: ["release", "arrive"] },
    });
    expect((await act("partyMember", code, "arrive", point)).json().status).toBe("onSite");
    expect((await act("partyMember", code, "complete", { note: "已送到", photos: [] })).statusCode).toBe(400);
    const photo = await upload();
    const note = "已帮老人买回降压药，并交代了服用方法";
    const done = await act("partyMember", code, "complete", { note, photos: [photo] });
    expect(done.statusCode).toBe(200);
    expect(done.json().status).toBe("completed");

    // The points module's event, in the same transaction: the taker served.
    const events = await t.database.db
      .select()
      .from(domainEvents)
      .where(and(eq(domainEvents.type, "orders.completed"), eq(domainEvents.entityId, id)));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ userId: s.partyMember?.user.id, data: { code, caseId } });
    const resolved = (await t.as("resident").get(`/api/v1/cases/${caseId}`)).json();
    expect(resolved.status).toBe("resolved");
    expect(resolved.events.at(-1)).toMatchObject({ action: "resolve", note, photos: [{ id: photo }] });

    // 评单: the resident it was for rates the service; the case closes with it.
    const forMe = (await t.as("resident").get("/api/v1/orders/mine?as=requester")).json();
    expect(forMe.items.map((o: { code: string }) => o.code)).toContain(code);
    expect((await t.as("resident").get(`/api/v1/orders/${code}`)).json().allowedActions).toEqual(["rate"]);
    const rated = await act("resident", code, "rate", { score: 5, comment: "很及时，谢谢" });
    expect(rated.json().status).toBe("rated");
    const closed = (await t.as("resident").get(`/api/v1/cases/${caseId}`)).json();
    expect(closed).toMatchObject({ status: "closed", rating: 5, ratingComment: "很及时，谢谢" });

    const detail = (await t.as("communityStaff").get(`/api/v1/orders/${code}`)).json();
    expect(detail.events.map((e: { action: string }) => e.action)).toEqual([
      "publish",
      "grab",
      "arrive",
      "complete",
      "rate",
    ]);
    expect(detail).toMatchObject({
      status: "rated",
      takerName: "赵明亮",
      completionNote: note,
      completionPhotos: [{ id: photo, url: `/api/v1/files/${photo}` }],
      score: 5,
      caseId,
    });
    expect((await t.as("partyMember").get("/api/v1/orders/mine")).json().items[0].code).toBe(code);
  });

  it("lets the community rate on a phone callback (回访) and notifies the taker", async () => {
    const { code } = await publish();
    await act("partyMember", code, "grab");
    await act("partyMember", code, "arrive");
    await act("partyMember", code, "complete", { note: "已完成", photos: [await upload()] });
    expect((await t.as("communityStaff").get(`/api/v1/orders/${code}`)).json().allowedActions).toEqual([
      "rate",
    ]);
    const rated = await act("communityStaff", code, "rate", { score: 4, comment: "电话回访：满意" });
    expect(rated.json().status).toBe("rated");
    const detail = (await t.as("communityStaff").get(`/api/v1/orders/${code}`)).json();
    expect(detail.events.at(-1)).toMatchObject({ action: "rate", data: { score: 4, by: "callback" } });
    const notices = (await t.as("partyMember").get("/api/v1/notifications?pageSize=50")).json().items;
    expect(
      notices.some((n: { kind: string; body: string }) => n.kind === "order.rate" && n.body.includes(code)),
    ).toBe(true);
  });
});

describe("who may grab", () => {
  it("refuses those outside the audience or the team as if there were no order, and the distance with its own code", async () => {
    const outsider = await member("13955550001", otherCommunityId);
    // A member of this community who has not registered as a volunteer.
    const newcomer = await member("13955550003", s.partyMember?.user.roles[0]?.nodeId as string);
    const open = await publish();
    const outside = await act(outsider.headers, open.code, "grab");
    expect(outside.statusCode).toBe(404);
    expect(outside.json().error.code).toBe("NOT_FOUND");

    // By grid: published to the first grid only, the member of the whole community is outside.
    const gridOnly = await publish({ audienceNodeId: firstGridId });
    expect((await act("partyMember", gridOnly.code, "grab")).statusCode).toBe(404);

    const volunteersOnly = await publish({ audience: "volunteers" });
    expect((await act(newcomer.headers, volunteersOnly.code, "grab")).statusCode).toBe(404);
    const resident = await userWithToken(t.database.db, {
      phone: "13955550004",
      name: "居民甲",
      roles: [{ role: "resident", nodeId: s.resident?.user.roles[0]?.nodeId as string }],
    });
    expect((await act(resident.headers, open.code, "grab")).statusCode).toBe(404);

    // For a team of his community he does not belong to; a team elsewhere cannot be named at all.
    const teams = (await t.as("partyMember").get("/api/v1/volunteering/teams?pageSize=100")).json().items;
    const other = teams.find((x: { joined: boolean }) => !x.joined);
    const team = await publish({ teamId: other.id });
    expect((await act("partyMember", team.code, "grab")).statusCode).toBe(404);
    const unknown = await t.as("communityStaff").post("/api/v1/orders", {
      ...ORDER,
      location: point,
      teamId: "00000000-0000-4000-8000-000000000001",
    });
    expect(unknown.statusCode).toBe(404);

    const near = await publish({ maxDistanceMeters: 500 });
    const blind = await act("partyMember", near.code, "grab");
    expect(blind.statusCode).toBe(422);
    expect(blind.json().error.code).toBe("GRABBER_LOCATION_REQUIRED");
    const far = await act("partyMember", near.code, "grab", away(5));
    expect(far.statusCode).toBe(422);
    expect(far.json().error).toMatchObject({ code: "TOO_FAR", details: { maxDistanceMeters: 500 } });
    expect(far.json().error.details.distanceMeters).toBeGreaterThan(5000);

    // The hall offers none of these, and sorts out the distant one when the phone is far away.
    const hall = (
      await t.as("partyMember").get(`/api/v1/orders/hall?lat=${away(5).lat}&lng=${point.lng}`)
    ).json();
    const offered = hall.open.map((o: { code: string }) => o.code);
    expect(offered).toContain(open.code);
    for (const refused of [gridOnly, team, near]) expect(offered).not.toContain(refused.code);
    const newcomersHall = (await t.as(newcomer.headers).get("/api/v1/orders/hall")).json();
    expect(newcomersHall.open.map((o: { code: string }) => o.code)).not.toContain(volunteersOnly.code);
    expect((await act("partyMember", near.code, "grab", away(0.2))).json().status).toBe("grabbed");

    // Staff publish; they do not grab.
    expect((await act("gridWorker", open.code, "grab")).statusCode).toBe(403);
  });

  it("checks what is published: place, category, scope, who publishes", async () => {
    const noPlace = await t.as("communityStaff").post("/api/v1/orders", ORDER);
    expect(noPlace.statusCode).toBe(422);
    expect(noPlace.json().error.code).toBe("PLACE_REQUIRED");
    const unknown = await t.as("communityStaff").post("/api/v1/orders", {
      ...ORDER,
      location: point,
      categoryCode: "juggling",
    });
    expect(unknown.json().error.code).toBe("UNKNOWN_ORDER_CATEGORY");
    const phone = await t.as("communityStaff").post("/api/v1/orders", {
      ...ORDER,
      location: point,
      requesterPhone: "12345678901",
    });
    expect(phone.json().error.code).toBe("INVALID_PHONE");
    const outside = await t.as("gridWorker").post("/api/v1/orders", {
      categoryCode: "repair",
      title: "修水龙头",
      nodeId: otherCommunityId,
    });
    expect(outside.statusCode).toBe(403);
    expect(outside.json().error.code).toBe("OUTSIDE_YOUR_AREA");
    expect(
      (await t.as("partyMember").post("/api/v1/orders", { title: "自己发单", location: point })).statusCode,
    ).toBe(403);
    const byNode = await t.as("gridWorker").post("/api/v1/orders", {
      categoryCode: "repair",
      title: "修水龙头",
      nodeId: firstGridId,
      address: "锦绣花园3栋",
    });
    expect(byNode.statusCode).toBe(201);
    const detail = (await t.as("gridWorker").get(`/api/v1/orders/${byNode.json().code}`)).json();
    expect(detail).toMatchObject({
      nodeId: firstGridId,
      address: "锦绣花园3栋",
      audienceNodeName: "红旗社区",
    });
  });
});

describe("one live order per case", () => {
  it("frees the case for a new order once its order is cancelled", async () => {
    const { id: caseId } = await createCase(t.as("resident"), {
      categoryCode: "errand",
      description: "想请人帮忙到社区医院取化验单",
      location: point,
    });
    const first = (
      await t.as("communityStaff").post("/api/v1/orders", { caseId, categoryCode: "errand" })
    ).json();
    expect((await t.as("communityStaff").post("/api/v1/orders", { caseId })).statusCode).toBe(409);
    expect((await act("communityStaff", first.code, "cancel", { note: "时间改了" })).statusCode).toBe(200);
    const second = await t.as("communityStaff").post("/api/v1/orders", { caseId, categoryCode: "errand" });
    expect(second.statusCode).toBe(201);
    expect(second.json().code).not.toBe(first.code);
  });
});

describe("the flow table", () => {
  it("refuses a step that is not the caller's (403) or not possible now (409 with the status)", async () => {
    const neighbour = await member("13955550002", s.partyMember?.user.roles[0]?.nodeId as string);
    const { code } = await publish();
    expect((await act("partyMember", code, "grab")).statusCode).toBe(200);
    const taken = await act(neighbour.headers, code, "grab");
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error).toMatchObject({
      code: "ORDER_TAKEN",
      message: "手慢了，这个订单已被他人抢走",
      details: { status: "grabbed" },
    });
    expect((await act("partyMember", code, "grab")).json().error.code).toBe("ALREADY_GRABBED");
    const notYours = await act(neighbour.headers, code, "arrive");
    expect(notYours.statusCode).toBe(403);
    expect(notYours.json().error.code).toBe("NOT_YOUR_STEP");
    expect((await act("partyMember", code, "rate", { score: 5 })).statusCode).toBe(409);

    const cancelled = await act("communityStaff", code, "cancel", { note: "老人家属已代办" });
    expect(cancelled.json().status).toBe("cancelled");
    const late = await act(neighbour.headers, code, "grab");
    expect(late.statusCode).toBe(409);
    expect(late.json().error).toMatchObject({ code: "ILLEGAL_TRANSITION", details: { status: "cancelled" } });
    const twice = await act("communityStaff", code, "cancel");
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.details.status).toBe("cancelled");
    const notices = (await t.as("partyMember").get("/api/v1/notifications?pageSize=50")).json().items;
    expect(notices.find((n: { kind: string }) => n.kind === "order.cancel")?.body).toContain(
      "老人家属已代办",
    );

    // Given up, an order goes back to the pool for someone else.
    const second = await publish();
    await act("partyMember", second.code, "grab");
    expect((await act("partyMember", second.code, "release", { note: "临时有事" })).json().status).toBe(
      "open",
    );
    expect((await act(neighbour.headers, second.code, "grab")).json().status).toBe("grabbed");
  });
});

describe("one-key call (西湖五单)", () => {
  it("publishes a call marked with a service category as an order; a retry finds the same order", async () => {
    const [home] = (await t.as("gridWorker").get("/api/v1/people/households?pageSize=1")).json().items;
    const registered = await t.as("gridWorker").post("/api/v1/devices", {
      deviceId: "YJT-ORDER-01",
      householdId: home.id,
      label: "李大爷家",
    });
    const device = t.as({ "x-device-secret": registered.json().secret });
    const call = (body: Record<string, unknown>) => device.post("/api/v1/devices/YJT-ORDER-01/calls", body);

    const first = await call({ kind: "service", callId: "svc-1", orderCategory: "errand" });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ status: "gridHandling", orderCode: expect.stringMatching(/^DD-/) });
    const retry = await call({ kind: "service", callId: "svc-1", orderCategory: "errand" });
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toMatchObject({ code: first.json().code, orderCode: first.json().orderCode });

    const order = (await t.as("partyMember").get(`/api/v1/orders/${first.json().orderCode}`)).json();
    expect(order).toMatchObject({ status: "open", categoryCode: "errand", audience: "both" });
    expect(order.title).toContain("一键通");
    expect(order.allowedActions).toEqual(["grab"]);
    // Without the mark a call is a case only, as before.
    const plain = await call({ kind: "service", callId: "svc-2" });
    expect(plain.statusCode).toBe(201);
    expect(plain.json()).toEqual({ code: expect.any(String), status: "new" });
  });
});

describe("lists and figures", () => {
  it("lists the scope's orders and counts them per grid and per service", async () => {
    const list = (await t.as("gridWorker").get("/api/v1/orders?status=rated&pageSize=200")).json();
    expect(list.total).toBeGreaterThanOrEqual(2);
    expect(list.items.every((o: { status: string }) => o.status === "rated")).toBe(true);
    expect(list.items[0].requesterPhone).toMatch(/^1\d{2}\*{4}\d{4}$/);
    expect((await t.as("partyMember").get("/api/v1/orders")).statusCode).toBe(403);

    const byGrid = (await t.as("gridWorker").get("/api/v1/orders/stats?by=grid")).json();
    const row = byGrid.items.find((r: { key: string }) => r.key === firstGridId);
    expect(row).toMatchObject({ code: "XG-LJ-001", name: expect.any(String) });
    expect(row.published).toBeGreaterThanOrEqual(row.completed);
    expect(row.completed).toBeGreaterThanOrEqual(2);
    expect(row.averageRating).toBeGreaterThan(0);
    expect(row.minutesToGrab).not.toBeNull();
    const byCategory = (await t.as("communityStaff").get("/api/v1/orders/stats?by=category")).json();
    expect(byCategory.items.map((r: { key: string }) => r.key)).toContain("errand");
  });
});
