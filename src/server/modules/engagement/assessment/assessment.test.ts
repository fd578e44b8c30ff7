import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loginAs, startWithSessions, type TestApp } from "../../../testing/harness.ts";
import { WEIGHTS } from "./score.ts";

let t: TestApp;
let unitHeaders: Record<string, string>;
let communityId: string;

interface Row {
  unit: { id: string; name: string };
  community: { id: string; name: string };
  members: number;
  reportedIn: number;
  reportRate: number | null;
  services: number;
  wishes: number;
  averageGrade: number | null;
  parts: Record<keyof typeof WEIGHTS, number>;
  score: number;
  communityRank: number;
  districtRank: number;
}

beforeAll(async () => {
  const started = await startWithSessions();
  t = started.t;
  communityId = started.sessions.communityStaff.user.roles[0]?.nodeId as string;
  // The demo's 共建单位联络员 (unit staff), not one of the nine roles.
  unitHeaders = (await loginAs(t.app, "13800000010")).headers;
}, 180_000);
afterAll(() => t?.close());

describe("the paired units' yearly assessment (共建考核)", () => {
  it("scores the community's paired units with the weights shown, ranked in the community and district", async () => {
    const res = await t.as("communityStaff").get("/api/v1/engagement/assessment?pageSize=200");
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as {
      weights: Array<{ part: string; weight: number }>;
      items: Row[];
      total: number;
      ranked: number;
    };
    expect(body.weights).toEqual([
      { part: "reportRate", weight: 40 },
      { part: "services", weight: 30 },
      { part: "wishes", weight: 10 },
      { part: "feedback", weight: 20 },
    ]);
    expect(body.total).toBeGreaterThan(0);
    expect(body.ranked).toBeGreaterThanOrEqual(body.total);
    expect(body.items.every((r) => r.community.id === communityId)).toBe(true);
    // In one community the ranks among its units run 1, 2, … in order of score.
    const ranksHere = body.items.map((r) => r.communityRank);
    expect(ranksHere[0]).toBe(1);
    for (const [i, r] of body.items.entries()) {
      const expected = (Object.keys(WEIGHTS) as Array<keyof typeof WEIGHTS>).reduce(
        (s, p) => s + (r.parts[p] * WEIGHTS[p]) / 100,
        0,
      );
      expect(r.score).toBeCloseTo(expected, 0);
      if (r.reportRate !== null) expect(r.parts.reportRate).toBeCloseTo(r.reportRate * 100, 0);
      const next = body.items[i + 1];
      if (next) expect(next.score).toBeLessThanOrEqual(r.score);
    }
    // The demo's units do report in, serve and get cards.
    expect(body.items.some((r) => r.reportedIn > 0 && r.services > 0 && r.averageGrade !== null)).toBe(true);
  });

  it("shows a unit's staff only his own unit, its ranks and its members", async () => {
    const res = await t.as(unitHeaders).get("/api/v1/engagement/assessment");
    expect(res.statusCode, res.body).toBe(200);
    const rows = res.json().items as Row[];
    expect(rows.length).toBeGreaterThan(0);
    const unitId = rows[0]?.unit.id as string;
    expect(rows.every((r) => r.unit.id === unitId && r.districtRank >= 1)).toBe(true);
    const members = await t.as(unitHeaders).get(`/api/v1/engagement/assessment/units/${unitId}`);
    expect(members.statusCode, members.body).toBe(200);
    expect(members.json().unit.id).toBe(unitId);
    expect(members.json().total).toBeGreaterThan(0);
    const all = (await t.as("districtAdmin").get("/api/v1/engagement/assessment?pageSize=200")).json()
      .items as Row[];
    const other = all.find((r) => r.unit.id !== unitId);
    expect(other).toBeDefined();
    expect(
      (await t.as(unitHeaders).get(`/api/v1/engagement/assessment/units/${other?.unit.id}`)).statusCode,
    ).toBe(404);
  });

  it("lists a unit's members with what each did, for staff whose area it serves", async () => {
    const rows = (await t.as("communityStaff").get("/api/v1/engagement/assessment")).json().items as Row[];
    const top = rows[0] as Row;
    const res = await t
      .as("communityStaff")
      .get(`/api/v1/engagement/assessment/units/${top.unit.id}?pageSize=200`);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as Array<{ reportIn: string | null; services: number }>;
    expect(items.filter((m) => m.reportIn === "approved").length).toBeGreaterThanOrEqual(top.reportedIn);
  });

  it("exports both as spreadsheets", async () => {
    const res = await t.as("communityStaff").get("/api/v1/engagement/assessment?format=xlsx");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("spreadsheetml");
    expect(String(res.headers["content-disposition"])).toContain("assessment");
    const unitId = (
      (await t.as("communityStaff").get("/api/v1/engagement/assessment")).json().items[0] as Row
    ).unit.id;
    const members = await t
      .as("communityStaff")
      .get(`/api/v1/engagement/assessment/units/${unitId}?format=xlsx`);
    expect(members.statusCode).toBe(200);
    expect(members.headers["content-type"]).toContain("spreadsheetml");
  });

  it("refuses members and residents", async () => {
    expect((await t.as("partyMember").get("/api/v1/engagement/assessment")).statusCode).toBe(403);
    expect((await t.as("resident").get("/api/v1/engagement/assessment")).statusCode).toBe(403);
  });
});
