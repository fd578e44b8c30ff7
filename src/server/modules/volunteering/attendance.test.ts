import { eq, inArray } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { domainEvents } from "../../platform/events/index.ts";
import { createActivity, createTeam } from "../../testing/factories.ts";
import { type RoleName, type Session, startWithSessions, type TestApp } from "../../testing/harness.ts";
import { inMinutes, residentVolunteers, type Volunteer } from "./fixtures.ts";

let t: TestApp;
let s: Record<string, Session>;
let communityId: string;
let teamId: string;
let activityId: string;
let startsAt: number;
let a: Volunteer;
let b: Volunteer;
let c: Volunteer;

const attend = (
  code: string,
  action: "checkIn" | "checkOut",
  id = activityId,
  who: RoleName = "communityStaff",
) => t.as(who).post(`/api/v1/activities/${id}/attendance`, { code, action });
const mine = async (x: Volunteer, id = activityId) =>
  (await t.as(x).get(`/api/v1/activities/${id}`)).json().mySignup;

async function publish(start: Date, minutes: number, capacity: number) {
  const activity = await createActivity(t.as("communityStaff"), {
    title: "关爱空巢老人上门探访",
    place: "红旗社区幸福小区",
    capacity,
    teamId,
    nodeId: communityId,
    startsAt: start.toISOString(),
    endsAt: inMinutes(minutes, start.getTime()).toISOString(),
  });
  return activity.id as string;
}

beforeAll(async () => {
  ({ t, sessions: s } = await startWithSessions());
  communityId = s.communityStaff?.user.roles[0]?.nodeId as string;
  const householdId = s.resident?.user.roles[0]?.nodeId as string;
  [a, b, c] = (await residentVolunteers(t, 3, householdId, "1397777")) as [Volunteer, Volunteer, Volunteer];
  teamId = (await createTeam(t.as("communityStaff"), { name: "测试助老服务队", nodeId: communityId })).id;
  // Starts in ten minutes, so check-in (from 30 minutes before) is already open; two hours long.
  startsAt = Date.now() + 10 * 60_000;
  activityId = await publish(new Date(startsAt), 120, 2);
  for (const x of [a, b, c]) await t.as(x).post(`/api/v1/activities/${activityId}/signups`);
});
afterAll(() => t.close());
afterEach(() => vi.useRealTimers());

describe("QR check-in and check-out", () => {
  it("checks in by the scanned code and by the typed code, each once", async () => {
    const qr = (await mine(a)).checkinCode as string;
    expect(qr).toMatch(/^[0-9a-f-]{36}\.[0-9A-Z]{8}$/);
    const first = await attend(qr, "checkIn");
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ volunteerName: "志愿者1", stage: "checkedIn", hours: null });
    const again = await attend(qr, "checkIn");
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({
      code: "ALREADY_CHECKED_IN",
      details: { status: "checkedIn" },
    });

    // Typed from the screen: lower case and a dash in the middle are fine.
    const token = (await mine(b)).checkinToken as string;
    const typed = `${token.slice(0, 4)}-${token.slice(4)}`.toLowerCase();
    expect((await attend(typed, "checkIn")).json()).toMatchObject({
      volunteerName: "志愿者2",
      stage: "checkedIn",
    });
    expect((await mine(b)).stage).toBe("checkedIn");
  });

  it("refuses forged codes, codes of another activity, the waiting list and callers without the right", async () => {
    const waiting = await mine(c);
    expect(waiting).toMatchObject({ status: "waiting", checkinCode: null });
    for (const forged of [`${waiting.id}.ABCDEFGH`, "hello", "ZZZZZZZZ", `${(await mine(a)).id}.0000000O`]) {
      const res = await attend(forged, "checkIn");
      expect(res.statusCode, forged).toBe(422);
      expect(res.json().error.code).toBe("CHECKIN_CODE_INVALID");
    }
    const other = await publish(new Date(startsAt), 60, 5);
    expect((await attend((await mine(a)).checkinCode, "checkIn", other)).json().error.code).toBe(
      "CHECKIN_CODE_INVALID",
    );
    const qr = (await mine(a)).checkinCode as string;
    expect((await attend(qr, "checkOut", activityId, "resident")).statusCode).toBe(403);
    // The grid worker manages his grid only; the activity belongs to the whole community.
    expect((await attend(qr, "checkOut", activityId, "gridWorker")).statusCode).toBe(404);
  });

  it("opens check-in 30 minutes before the start and refuses checking out someone not checked in", async () => {
    const later = await publish(inMinutes(24 * 60), 60, 5);
    await t.as(c).post(`/api/v1/activities/${later}/signups`);
    const code = (await mine(c, later)).checkinCode as string;
    const early = await attend(code, "checkIn", later);
    expect(early.statusCode).toBe(422);
    expect(early.json().error).toMatchObject({
      code: "CHECKIN_NOT_OPEN",
      details: { opensAt: expect.any(String) },
    });
    const out = await attend(code, "checkOut", later);
    expect(out.statusCode).toBe(409);
    expect(out.json().error).toMatchObject({ code: "NOT_CHECKED_IN", details: { status: "confirmed" } });
  });

  it("credits hours rounded down to half an hour, capped at the activity's length, with an event each", async () => {
    // An hour and 55 minutes after b checked in: 1.5 hours.
    vi.useFakeTimers({ toFake: ["Date"], now: startsAt + 105 * 60_000 });
    const outB = await attend((await mine(b)).checkinCode, "checkOut");
    expect(outB.statusCode, outB.body).toBe(200);
    expect(outB.json()).toMatchObject({ stage: "checkedOut", hours: 1.5 });
    // Three hours after a checked in, for a two-hour activity: two hours.
    vi.setSystemTime(startsAt + 170 * 60_000);
    expect((await attend((await mine(a)).checkinCode, "checkOut")).json()).toMatchObject({ hours: 2 });
    const twice = await attend((await mine(a)).checkinCode, "checkOut");
    expect(twice.json().error).toMatchObject({
      code: "ALREADY_CHECKED_OUT",
      details: { status: "checkedOut" },
    });
    vi.useRealTimers();

    const ids = [(await mine(a)).id, (await mine(b)).id];
    const events = await t.database.db.select().from(domainEvents).where(inArray(domainEvents.entityId, ids));
    expect(events.map((e) => [e.type, e.userId, e.data.hours]).sort()).toEqual(
      [
        ["volunteering.hours", a.userId, 2],
        ["volunteering.hours", b.userId, 1.5],
      ].sort(),
    );
  });

  it("shows the hours in the volunteer's record and in his team's figures", async () => {
    const me = (await t.as(a).get("/api/v1/volunteering/me")).json().volunteer;
    expect(me).toMatchObject({ hours: 2, served: 1 });
    expect(me.record.find((r: { activity: { id: string } }) => r.activity.id === activityId)).toMatchObject({
      stage: "checkedOut",
      hours: 2,
      activity: { teamName: "测试助老服务队" },
    });
    const teams = (
      await t.as("communityStaff").get(`/api/v1/volunteering/teams?q=${encodeURIComponent("测试助老")}`)
    ).json();
    expect(teams.items[0]).toMatchObject({ hours: 3.5, people: 2 });
    const stats = (await t.as("communityStaff").get("/api/v1/volunteering/stats?by=team")).json();
    expect(stats.items.find((x: { id: string }) => x.id === teamId)).toMatchObject({ hours: 3.5, people: 2 });
    const roster = (
      await t.as("communityStaff").get(`/api/v1/activity-signups?activityId=${activityId}`)
    ).json();
    expect(
      roster.items.map((x: { name: string; stage: string; hours: number | null }) => [
        x.name,
        x.stage,
        x.hours,
      ]),
    ).toEqual([
      ["志愿者1", "checkedOut", 2],
      ["志愿者2", "checkedOut", 1.5],
      ["志愿者3", "waiting", null],
    ]);
    const row = await t.database.db
      .select()
      .from(domainEvents)
      .where(eq(domainEvents.entityId, me.record[0].signupId));
    expect(row).toHaveLength(1);
  });
});
