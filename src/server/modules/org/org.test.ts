import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RoleName, startWithSessions, type TestApp } from "../../testing/harness.ts";

let t: TestApp;
beforeAll(async () => {
  ({ t } = await startWithSessions());
});
afterAll(() => t.close());

type Org = { id: string; name: string; kind: string; children: number };
const orgs = async (who: RoleName, query = "") => {
  const res = await t.as(who).get(`/api/v1/org/orgs?pageSize=200${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as Org[];
};

describe("party organisation tree", () => {
  it("starts the district administrator at the three street committees (and the units' own organisations)", async () => {
    const tops = await orgs("districtAdmin");
    expect(tops.filter((o) => o.kind === "streetCommittee")).toHaveLength(3);
    expect(new Set(tops.map((o) => o.kind))).toEqual(new Set(["streetCommittee", "unitBranch"]));
  });

  it("goes down street committee → community committee → grid branches, three levels or more", async () => {
    const street = (await orgs("streetStaff")).find((o) => o.kind === "streetCommittee");
    expect(street?.name).toContain("潋江街道");
    expect(street?.children).toBe(5);
    const communities = await orgs("streetStaff", `&parentId=${street?.id}`);
    const hongqi = communities.find((o) => o.name.includes("红旗社区"));
    expect(hongqi?.kind).toBe("communityCommittee");
    const branches = await orgs("streetStaff", `&parentId=${hongqi?.id}`);
    expect(branches.length).toBeGreaterThanOrEqual(4);
    expect(branches.some((b) => b.kind === "gridBranch")).toBe(true);
  });

  it("lists the 大党委's part-time members from units and property companies", async () => {
    const hongqi = (await orgs("communityStaff")).find((o) => o.kind === "communityCommittee");
    const res = await t.as("communityStaff").get(`/api/v1/org/orgs/${hongqi?.id}`);
    const detail = res.json();
    expect(detail.partTimeMembers.length).toBeGreaterThanOrEqual(2);
    for (const m of detail.partTimeMembers)
      expect(["unit", "propertyCompany", "ownersCommittee"]).toContain(m.unitKind);
  });

  it("hides other communities' organisations (404) and refuses residents (403)", async () => {
    const all = await orgs("districtAdmin", "&kind=communityCommittee");
    expect(all).toHaveLength(14);
    const mine = (await orgs("communityStaff")).find((o) => o.kind === "communityCommittee");
    const other = all.find((o) => o.id !== mine?.id);
    expect((await t.as("communityStaff").get(`/api/v1/org/orgs/${other?.id}`)).statusCode).toBe(404);
    expect((await t.as("resident").get("/api/v1/org/orgs")).statusCode).toBe(403);
    expect((await t.as("partyMember").get("/api/v1/org/orgs")).statusCode).toBe(200);
  });

  it("lists the 20 units and 15 property companies", async () => {
    const units = (await t.as("districtAdmin").get("/api/v1/org/units?kind=unit&pageSize=1")).json();
    const companies = (
      await t.as("districtAdmin").get("/api/v1/org/units?kind=propertyCompany&pageSize=1")
    ).json();
    expect(units.total).toBe(20);
    expect(companies.total).toBe(15);
  });
});
