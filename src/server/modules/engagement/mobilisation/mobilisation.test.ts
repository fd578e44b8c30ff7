import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PHONES, startWithSessions, type TestApp } from "../../../testing/harness.ts";
import { memberByPhone } from "../../people/index.ts";
import { metresBetween } from "./views.ts";

let t: TestApp;
let memberId: string;
let communityId: string;
let householdId: string;
let id: string;
const base = "/api/v1/engagement/mobilisations";
const staff = () => t.as("communityStaff");
const member = () => t.as("partyMember");

beforeAll(async () => {
  ({ t } = await startWithSessions());
  const me = await memberByPhone(t.database.db, PHONES.partyMember);
  if (!me) throw new Error("the demo's party member is missing");
  memberId = me.id;
  const ids = me.territoryPath.split("/").filter(Boolean);
  communityId = ids[2] as string;
  householdId = ids.at(-1) as string;
}, 180_000);
afterAll(() => t?.close());

describe("emergency call-ups (应急动员)", () => {
  it("raises a flood squad from its template in one form, at a street, community or grid only", async () => {
    const res = await staff().post(base, {
      template: "flood",
      nodeId: communityId,
      place: "社区党群服务中心门口",
      location: { lat: 30.5, lng: 114.3 },
    });
    expect(res.statusCode, res.body).toBe(201);
    id = res.json().id;
    const list = (await staff().get(`${base}?status=active`)).json();
    expect(list.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id,
          kind: "squad",
          name: "防汛抢险党员突击队",
          status: "active",
          called: 0,
        }),
      ]),
    );
    const low = await staff().post(base, { template: "flood", nodeId: householdId });
    expect(low.statusCode).toBe(422);
    expect(low.json().error.code).toBe("MOBILISATION_NODE_LEVEL");
    expect((await member().post(base, { template: "flood", nodeId: communityId })).statusCode).toBe(403);
  });

  it("offers the members living there, with their skills from the talent pool, the electrician by 'dg'", async () => {
    const talent = await staff().post("/api/v1/engagement/talents", {
      name: "党员电工",
      phone: PHONES.partyMember,
      memberId,
      nodeId: communityId,
      skills: ["电工"],
    });
    expect(talent.statusCode, talent.body).toBe(201);
    const all = (await staff().get(`${base}/${id}/candidates?pageSize=200`)).json();
    expect(all.total).toBeGreaterThan(0);
    const found = (await staff().get(`${base}/${id}/candidates?skill=dg&available=true`)).json();
    expect(found.items.map((c: { id: string }) => c.id)).toContain(memberId);
    const him = found.items.find((c: { id: string }) => c.id === memberId);
    expect(him).toMatchObject({ skills: ["电工"], busy: false, called: false });
    expect(him.phone).toMatch(/\*/);
  });

  it("calls him as leader and tells him in the app", async () => {
    const res = await staff().post(`${base}/${id}/members`, { memberIds: [memberId], leaderId: memberId });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ called: 1, total: 1 });
    const notices = (await member().get("/api/v1/notifications")).json();
    expect(notices.items[0]).toMatchObject({ title: "应急召集：防汛抢险党员突击队" });
    // Called twice is called once.
    expect((await staff().post(`${base}/${id}/members`, { memberIds: [memberId] })).json().called).toBe(0);
  });

  it("lets him report once from his phone, and only him", async () => {
    const mine = (await member().get(`${base}/mine?active=true`)).json();
    expect(mine.items[0]).toMatchObject({ id, leader: true, reportedAt: null, allowedActions: ["report"] });
    expect((await t.as("resident").post(`${base}/${id}/report`, {})).statusCode).toBe(403);
    const res = await member().post(`${base}/${id}/report`, {
      location: { lat: 30.501, lng: 114.3 },
      note: "到了",
    });
    expect(res.statusCode, res.body).toBe(200);
    const again = await member().post(`${base}/${id}/report`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("ALREADY_REPORTED");
  });

  it("shows staff who was called and who reported, when and where", async () => {
    const detail = (await staff().get(`${base}/${id}`)).json();
    expect(detail).toMatchObject({ called: 1, reported: 1, allowedActions: ["call", "dissolve"] });
    expect(detail.members[0]).toMatchObject({
      memberId,
      leader: true,
      reportedLocation: { lat: 30.501, lng: 114.3 },
      reportedNote: "到了",
    });
    expect(detail.members[0].reportedAt).not.toBeNull();
    // The grid worker follows his community's squad, read-only.
    const seen = await t.as("gridWorker").get(`${base}/${id}`);
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json().allowedActions).toEqual([]);
  });

  it("dissolves once and keeps the record read-only", async () => {
    const res = await staff().post(`${base}/${id}/dissolve`, { note: "汛情解除" });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe("dissolved");
    for (const [path, body] of [
      ["dissolve", { note: "再次" }],
      ["members", { memberIds: [memberId] }],
    ] as const) {
      const late = await staff().post(`${base}/${id}/${path}`, body);
      expect(late.statusCode).toBe(409);
      expect(late.json().error.code).toBe("MOBILISATION_DISSOLVED");
    }
    const detail = (await staff().get(`${base}/${id}`)).json();
    expect(detail).toMatchObject({ status: "dissolved", dissolveNote: "汛情解除", reported: 1 });
    expect((await member().get(`${base}/mine?active=true`)).json().items).toEqual([]);
  });

  it("measures distances in metres", () => {
    expect(metresBetween({ lat: 30, lng: 114 }, { lat: 30.001, lng: 114 })).toBe(111);
  });
});
