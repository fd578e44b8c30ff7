import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTeam, registerVolunteer } from "../../testing/factories.ts";
import { type Session, startWithSessions, type TestApp } from "../../testing/harness.ts";
import { residentVolunteers, type Volunteer } from "./fixtures.ts";

let t: TestApp;
let s: Record<string, Session>;
let communityId: string;
let newcomer: Volunteer;
let other: Volunteer;

const q = (text: string) => encodeURIComponent(text);

beforeAll(async () => {
  ({ t, sessions: s } = await startWithSessions());
  communityId = s.communityStaff?.user.roles[0]?.nodeId as string;
  const householdId = s.resident?.user.roles[0]?.nodeId as string;
  [newcomer, other] = (await residentVolunteers(t, 2, householdId, "1395555", false)) as [
    Volunteer,
    Volunteer,
  ];
});
afterAll(() => t.close());

describe("registering as a volunteer", () => {
  it("registers a resident with chosen skills at his household, once", async () => {
    const skills = (await t.as(newcomer).get("/api/v1/volunteering/skills")).json();
    expect(skills).toContainEqual({ code: "维修", name: "维修", nameEn: "Repairs" });
    expect((await t.as(newcomer).get("/api/v1/volunteering/me")).json()).toEqual({
      volunteer: null,
      canRegister: true,
    });
    const bad = await t.as(newcomer).post("/api/v1/volunteering/me", { skills: ["开飞机"] });
    expect(bad.statusCode).toBe(400);
    const made = await t.as(newcomer).post("/api/v1/volunteering/me", {
      skills: ["维修", "医疗"],
    });
    expect(made.statusCode).toBe(201);
    const me = (await t.as(newcomer).get("/api/v1/volunteering/me")).json().volunteer;
    expect(me).toMatchObject({
      name: "志愿者1",
      phone: expect.stringContaining("*"),
      skills: ["维修", "医疗"],
      node: { community: "红旗社区" },
      teams: [],
      hours: 0,
      record: [],
    });
    const again = await t.as(newcomer).post("/api/v1/volunteering/me", { skills: [] });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("ALREADY_REGISTERED");
    await t.as(newcomer).patch("/api/v1/volunteering/me", { skills: ["跑腿"] });
    expect((await t.as(newcomer).get("/api/v1/volunteering/me")).json().volunteer.skills).toEqual(["跑腿"]);
  });

  it("does not let staff register, and tells the page so", async () => {
    expect((await t.as("communityStaff").get("/api/v1/volunteering/me")).json()).toEqual({
      volunteer: null,
      canRegister: false,
    });
    const res = await t.as("communityStaff").post("/api/v1/volunteering/me", { skills: [] });
    expect(res.statusCode).toBe(403);
  });

  it("shows the demo party member his teams and his record", async () => {
    const me = (await t.as("partyMember").get("/api/v1/volunteering/me")).json().volunteer;
    expect(me.teams.map((x: { name: string }) => x.name).sort()).toEqual(
      ["助老服务队", "邻里守望服务队"].sort(),
    );
    expect(me.record.length).toBeGreaterThan(0);
  });
});

describe("the staff's volunteer list", () => {
  it("lists volunteers in scope with hours, masked phones and filters, and exports them", async () => {
    const found = (
      await t.as("communityStaff").get(`/api/v1/volunteering/volunteers?q=${q("志愿者1")}`)
    ).json();
    expect(found.items).toHaveLength(1);
    expect(found.items[0]).toMatchObject({ name: "志愿者1", phone: "139****0000", hours: 0 });
    const repairers = (
      await t.as("communityStaff").get(`/api/v1/volunteering/volunteers?skill=${q("跑腿")}&pageSize=200`)
    ).json();
    expect(repairers.items.every((v: { skills: string[] }) => v.skills.includes("跑腿"))).toBe(true);
    expect(repairers.items.map((v: { name: string }) => v.name)).toContain("志愿者1");
    const all = (await t.as("communityStaff").get("/api/v1/volunteering/volunteers?pageSize=200")).json();
    expect(all.total).toBeGreaterThan(10);
    const hours = all.items.map((v: { hours: number }) => v.hours);
    expect(hours).toEqual([...hours].sort((a, b) => b - a));
    expect(hours[0]).toBeGreaterThan(0);

    const file = await t.as("communityStaff").get("/api/v1/volunteering/volunteers?format=xlsx");
    expect(file.statusCode).toBe(200);
    expect(file.headers["content-type"]).toContain("spreadsheetml");
    expect(file.rawPayload.length).toBeGreaterThan(5000);

    expect((await t.as("resident").get("/api/v1/volunteering/volunteers")).statusCode).toBe(403);
  });
});

describe("teams", () => {
  let teamId: string;
  let newcomerId: string;

  it("forms a team by speciality with its leader, adds and removes members", async () => {
    newcomerId = (await t.as(newcomer).get("/api/v1/volunteering/me")).json().volunteer.id;
    await registerVolunteer(t.as(other), { skills: ["法律"] });
    const otherId = (await t.as(other).get("/api/v1/volunteering/me")).json().volunteer.id;
    const made = await createTeam(t.as("communityStaff"), {
      name: "法律咨询服务队",
      speciality: "法律",
      nodeId: communityId,
      leaderVolunteerId: otherId,
    });
    teamId = made.id;
    const added = await t.as("communityStaff").post(`/api/v1/volunteering/teams/${teamId}/members`, {
      volunteerId: newcomerId,
    });
    expect(added.statusCode).toBe(201);
    const twice = await t.as("communityStaff").post(`/api/v1/volunteering/teams/${teamId}/members`, {
      volunteerId: newcomerId,
    });
    expect(twice.json().error.code).toBe("ALREADY_MEMBER");
    const team = (await t.as("communityStaff").get(`/api/v1/volunteering/teams/${teamId}`)).json();
    expect(team.members.map((m: { name: string; leader: boolean }) => [m.name, m.leader]).sort()).toEqual([
      ["志愿者1", false],
      ["志愿者2", true],
    ]);
    const removed = await t
      .as("communityStaff")
      .delete(`/api/v1/volunteering/teams/${teamId}/members/${newcomerId}`);
    expect(removed.statusCode).toBe(200);
    const gone = await t
      .as("communityStaff")
      .delete(`/api/v1/volunteering/teams/${teamId}/members/${newcomerId}`);
    expect(gone.statusCode).toBe(404);
    const bad = await t.as("communityStaff").post("/api/v1/volunteering/teams", {
      name: "无名队",
      speciality: "飞行",
      nodeId: communityId,
    });
    expect(bad.statusCode).toBe(400);
  });

  it("lets a volunteer join and leave a team of his area himself", async () => {
    const join = await t.as(newcomer).post(`/api/v1/volunteering/teams/${teamId}/join`);
    expect(join.json()).toEqual({ teamId, joined: true });
    const mine = (await t.as(newcomer).get(`/api/v1/volunteering/teams?q=${q("法律咨询")}`)).json();
    expect(mine.items[0]).toMatchObject({
      name: "法律咨询服务队",
      members: 2,
      joined: true,
      speciality: "法律",
    });
    expect((await t.as(newcomer).get("/api/v1/volunteering/me")).json().volunteer.teams).toEqual([
      { id: teamId, name: "法律咨询服务队", speciality: "法律" },
    ]);
    expect((await t.as(newcomer).post(`/api/v1/volunteering/teams/${teamId}/join`)).statusCode).toBe(409);
    expect((await t.as(newcomer).post(`/api/v1/volunteering/teams/${teamId}/leave`)).json().joined).toBe(
      false,
    );
    expect((await t.as(newcomer).post(`/api/v1/volunteering/teams/${teamId}/leave`)).json().error.code).toBe(
      "NOT_A_MEMBER",
    );
  });

  it("lists the 666 teams of the first community with members and hours", async () => {
    const list = (await t.as("communityStaff").get("/api/v1/volunteering/teams?pageSize=50")).json();
    const names = list.items.map((x: { name: string }) => x.name);
    for (const name of [
      "邻里守望服务队",
      "助老服务队",
      "法律援助服务队",
      "文明劝导服务队",
      "环境清洁服务队",
      "医疗义诊服务队",
    ])
      expect(names).toContain(name);
    expect(list.items.every((x: { members: number }) => x.members > 0)).toBe(true);
    expect(list.items[0].hours).toBeGreaterThan(0);
  });
});

describe("figures and the activity list", () => {
  it("sums hours and people per team and per community, within the caller's scope", async () => {
    const byTeam = (await t.as("communityStaff").get("/api/v1/volunteering/stats?by=team")).json();
    const summed = byTeam.items.reduce((n: number, x: { hours: number }) => n + x.hours, 0);
    expect(byTeam.totals.hours).toBeGreaterThanOrEqual(summed);
    expect(byTeam.totals.hours).toBeGreaterThan(0);
    const byCommunity = (await t.as("districtAdmin").get("/api/v1/volunteering/stats?by=community")).json();
    expect(byCommunity.items.length).toBeGreaterThan(1);
    expect(byCommunity.items[0]).toMatchObject({ name: "红旗社区", hours: expect.any(Number) });
    const mine = (await t.as("communityStaff").get("/api/v1/volunteering/stats?by=community")).json();
    expect(mine.items.map((x: { name: string }) => x.name)).toEqual(["红旗社区"]);
    expect((await t.as("communityStaff").get("/api/v1/volunteering/stats?by=street")).statusCode).toBe(400);
  });

  it("shows department staff no community's activities or teams: they serve a department, not a place", async () => {
    const { items } = (await t.as("partyMember").get("/api/v1/activities?when=all&pageSize=1")).json();
    const activities = (await t.as("departmentStaff").get("/api/v1/activities?when=all")).json();
    expect(activities).toEqual({ items: [], total: 0 });
    expect((await t.as("departmentStaff").get(`/api/v1/activities/${items[0].id}`)).statusCode).toBe(404);
    expect((await t.as("departmentStaff").get("/api/v1/volunteering/teams")).json().total).toBe(0);
  });

  it("shows a member the upcoming activities of his area in every mode, with places left", async () => {
    const list = (await t.as("partyMember").get("/api/v1/activities")).json();
    expect(new Set(list.items.map((a: { mode: string }) => a.mode))).toEqual(
      new Set(["fixedTime", "afterHours", "byAppointment"]),
    );
    const starts = list.items.map((a: { startsAt: string }) => a.startsAt);
    expect(starts).toEqual([...starts].sort());
    const patrol = list.items.find((a: { mode: string }) => a.mode === "afterHours");
    expect(patrol).toMatchObject({ placesLeft: 0, waiting: 2, status: "open" });
    const past = (await t.as("communityStaff").get("/api/v1/activities?when=past&pageSize=100")).json();
    expect(past.total).toBeGreaterThan(20);
    expect(past.items.every((a: { status: string }) => a.status !== "open")).toBe(true);
  });
});
