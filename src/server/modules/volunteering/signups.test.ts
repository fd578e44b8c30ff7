import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createActivity } from "../../testing/factories.ts";
import { type Session, startWithSessions, type TestApp } from "../../testing/harness.ts";
import { chinaDay, inMinutes, residentVolunteers, type Volunteer } from "./fixtures.ts";
import { finishEnded } from "./jobs.ts";

let t: TestApp;
let s: Record<string, Session>;
let communityId: string;
let householdId: string;
let crowd: Volunteer[];

beforeAll(async () => {
  ({ t, sessions: s } = await startWithSessions());
  communityId = s.communityStaff?.user.roles[0]?.nodeId as string;
  householdId = s.resident?.user.roles[0]?.nodeId as string;
  crowd = await residentVolunteers(t, 30, householdId, "1391234");
});
afterAll(() => t.close());

/** An activity of the first community, tomorrow, for ten (createActivity's defaults): its id. */
const publish = async (body: Record<string, unknown>) =>
  (await createActivity(t.as("communityStaff"), { nodeId: communityId, ...body })).id as string;

describe("publishing in each scheduling mode", () => {
  it("refuses after-hours service at 10:00 on a weekday and says why, accepts 19:00 and the weekend", async () => {
    const at10 = chinaDay(1, 10, false);
    const refused = await t.as("communityStaff").post("/api/v1/activities", {
      title: "在职党员错时服务",
      place: "红旗社区",
      mode: "afterHours",
      capacity: 5,
      nodeId: communityId,
      startsAt: at10.toISOString(),
      endsAt: inMinutes(120, at10.getTime()).toISOString(),
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({
      code: "NOT_AFTER_HOURS",
      message: expect.stringContaining("18:00"),
      details: { field: "startsAt", chinaTime: expect.stringMatching(/ 10:00$/) },
    });
    const evening = chinaDay(1, 19, false);
    await publish({ mode: "afterHours", startsAt: evening, endsAt: inMinutes(90, evening.getTime()) });
    const saturday = chinaDay(1, 10, true);
    await publish({ mode: "afterHours", startsAt: saturday, endsAt: inMinutes(120, saturday.getTime()) });
  });

  it("cuts an activity by appointment into slots with places each, and needs the slot length", async () => {
    const missing = await t.as("communityStaff").post("/api/v1/activities", {
      title: "社区义诊",
      place: "卫生服务站",
      mode: "byAppointment",
      capacity: 2,
      nodeId: communityId,
      startsAt: inMinutes(60).toISOString(),
      endsAt: inMinutes(180).toISOString(),
    });
    expect(missing.json().error.code).toBe("SLOT_MINUTES_REQUIRED");
    const id = await publish({ mode: "byAppointment", capacity: 2, slotMinutes: 30 });
    const detail = (await t.as("resident").get(`/api/v1/activities/${id}`)).json();
    expect(detail.slots).toHaveLength(4);
    expect(detail.slots.map((x: { placesLeft: number }) => x.placesLeft)).toEqual([2, 2, 2, 2]);
    expect(detail.placesLeft).toBe(8);
  });

  it("lets only staff publish, only in their scope, and refuses an end before the start", async () => {
    const body = { title: "测试", place: "某地", mode: "fixedTime", capacity: 3, nodeId: communityId };
    const times = { startsAt: inMinutes(60).toISOString(), endsAt: inMinutes(120).toISOString() };
    expect((await t.as("partyMember").post("/api/v1/activities", { ...body, ...times })).statusCode).toBe(
      403,
    );
    const reversed = await t.as("communityStaff").post("/api/v1/activities", {
      ...body,
      startsAt: times.endsAt,
      endsAt: times.startsAt,
    });
    expect(reversed.json().error.code).toBe("ENDS_BEFORE_START");
    const districtId = s.districtAdmin?.user.roles[0]?.nodeId as string;
    const outside = await t.as("gridWorker").post("/api/v1/activities", {
      ...body,
      ...times,
      nodeId: districtId,
    });
    expect(outside.statusCode).toBe(404);
  });
});

describe("sign-up beyond capacity", () => {
  it("confirms exactly 10 of 30 simultaneous sign-ups and puts the other 20 on the waiting list in order", async () => {
    const id = await publish({ capacity: 10 });
    const answers = await Promise.all(crowd.map((c) => t.as(c).post(`/api/v1/activities/${id}/signups`, {})));
    expect(answers.map((r) => r.statusCode)).toEqual(Array(30).fill(201));
    const results = answers.map((r) => r.json());
    const confirmed = results.filter((r) => r.status === "confirmed");
    const waiting = results.filter((r) => r.status === "waiting");
    expect(confirmed).toHaveLength(10);
    expect(confirmed.every((r) => r.position === null)).toBe(true);
    expect(waiting.map((r) => r.position).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );

    // The roster agrees: never more than the capacity, and the waiting list in sign-up order.
    const roster = (
      await t.as("communityStaff").get(`/api/v1/activity-signups?activityId=${id}&pageSize=50`)
    ).json();
    const list = roster.items as Array<{ status: string; position: number | null; signedUpAt: string }>;
    expect(list.filter((x) => x.status === "confirmed")).toHaveLength(10);
    const queue = list.filter((x) => x.status === "waiting");
    expect(queue.map((x) => x.position)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const times = queue.map((x) => Date.parse(x.signedUpAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const lastConfirmed = Math.max(
      ...list.filter((x) => x.status === "confirmed").map((x) => Date.parse(x.signedUpAt)),
    );
    expect(lastConfirmed).toBeLessThanOrEqual(times[0] as number);

    const seen = (await t.as(crowd[0]).get(`/api/v1/activities/${id}`)).json();
    expect(seen).toMatchObject({ confirmed: 10, waiting: 20, placesLeft: 0 });

    // A second sign-up by the same volunteer is refused, telling where he stands.
    const again = await t.as(crowd[0]).post(`/api/v1/activities/${id}/signups`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({
      code: "ALREADY_SIGNED_UP",
      details: { status: expect.any(String) },
    });
  });

  it("gives a withdrawn place to the first on the waiting list, who is told, and moves the rest up", async () => {
    const id = await publish({ capacity: 2 });
    const [a, b, c, d] = crowd as [Volunteer, Volunteer, Volunteer, Volunteer];
    for (const x of [a, b, c, d]) await t.as(x).post(`/api/v1/activities/${id}/signups`, {});
    const mine = async (x: Volunteer) => (await t.as(x).get(`/api/v1/activities/${id}`)).json().mySignup;
    expect(await mine(c)).toMatchObject({ status: "waiting", position: 1, checkinCode: null });
    expect(await mine(d)).toMatchObject({ status: "waiting", position: 2 });

    const out = await t.as(a).delete(`/api/v1/activities/${id}/signups/mine`);
    expect(out.statusCode).toBe(200);
    expect(out.json().promotedSignupId).toBe((await mine(c)).id);
    expect(await mine(c)).toMatchObject({
      status: "confirmed",
      position: null,
      checkinCode: expect.stringContaining("."),
    });
    expect(await mine(d)).toMatchObject({ status: "waiting", position: 1 });
    expect(await mine(a)).toBeNull();

    const notices = (await t.as(c).get("/api/v1/notifications")).json();
    expect(notices.items[0]).toMatchObject({ title: "候补成功" });

    // A waiting volunteer who withdraws leaves no gap; signing up again goes to the back.
    await t.as(d).delete(`/api/v1/activities/${id}/signups/mine`);
    const back = await t.as(a).post(`/api/v1/activities/${id}/signups`, {});
    expect(back.json()).toMatchObject({ status: "waiting", position: 1 });
  });

  it("counts places per slot by appointment: a full slot waits, another slot is still free", async () => {
    const id = await publish({ mode: "byAppointment", capacity: 2, slotMinutes: 60 });
    const slots = (await t.as("resident").get(`/api/v1/activities/${id}`)).json().slots as Array<{
      startsAt: string;
    }>;
    const [first, second] = slots.map((x) => x.startsAt);
    const [a, b, c, d] = crowd.slice(10) as [Volunteer, Volunteer, Volunteer, Volunteer];
    const book = (x: Volunteer, slotStartsAt?: string) =>
      t.as(x).post(`/api/v1/activities/${id}/signups`, slotStartsAt ? { slotStartsAt } : {});
    expect((await book(a)).json().error.code).toBe("SLOT_REQUIRED");
    expect(
      (await book(a, new Date(Date.parse(first as string) + 60_000).toISOString())).json().error.code,
    ).toBe("UNKNOWN_SLOT");
    expect((await book(a, first)).json().status).toBe("confirmed");
    expect((await book(b, first)).json().status).toBe("confirmed");
    expect((await book(c, first)).json()).toMatchObject({ status: "waiting", position: 1 });
    expect((await book(d, second)).json()).toMatchObject({ status: "confirmed", slotStartsAt: second });
    const detail = (await t.as("resident").get(`/api/v1/activities/${id}`)).json();
    expect(detail.slots.map((x: { confirmed: number; waiting: number }) => [x.confirmed, x.waiting])).toEqual(
      [
        [2, 1],
        [1, 0],
      ],
    );
  });

  it("asks a non-volunteer to register first, and refuses sign-ups for a cancelled activity", async () => {
    const id = await publish({});
    const [newcomer] = await residentVolunteers(t, 1, householdId, "1391235", false);
    const res = await t.as(newcomer).post(`/api/v1/activities/${id}/signups`, {});
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe("NOT_A_VOLUNTEER");
    const [x] = crowd.slice(20) as [Volunteer];
    await t.as(x).post(`/api/v1/activities/${id}/signups`, {});
    const cancelled = await t.as("communityStaff").post(`/api/v1/activities/${id}/cancel`, {
      reason: "天气原因",
    });
    expect(cancelled.json().status).toBe("cancelled");
    expect((await t.as(x).get("/api/v1/notifications")).json().items[0]).toMatchObject({
      title: "志愿活动已取消",
      body: expect.stringContaining("天气原因"),
    });
    const late = await t.as(crowd[21]).post(`/api/v1/activities/${id}/signups`, {});
    expect(late.statusCode).toBe(409);
    expect(late.json().error).toMatchObject({ code: "ACTIVITY_CANCELLED", details: { status: "cancelled" } });
    const twice = await t.as("communityStaff").post(`/api/v1/activities/${id}/cancel`, {});
    expect(twice.statusCode).toBe(409);
  });
});

describe("the finish job", () => {
  it("marks every activity whose end has passed finished, once, and sign-ups for it are refused", async () => {
    const id = await publish({});
    const later = new Date(Date.now() + 3 * 86_400_000);
    const first = await finishEnded(t.database.db, later);
    expect(first).toBeGreaterThan(0);
    expect(await finishEnded(t.database.db, later)).toBe(0);
    const detail = (await t.as("communityStaff").get(`/api/v1/activities/${id}`)).json();
    expect(detail.status).toBe("finished");
    const late = await t.as(crowd[29]).post(`/api/v1/activities/${id}/signups`, {});
    expect(late.json().error).toMatchObject({ code: "ACTIVITY_FINISHED", details: { status: "finished" } });
  });
});
