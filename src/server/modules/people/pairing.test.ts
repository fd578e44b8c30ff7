import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWithSessions, type TestApp } from "../../testing/harness.ts";
import { checked, confirmed, workbook } from "../../testing/imports.ts";
import { partyMembers, residents } from "./tables.ts";

let t: TestApp;
type Household = { id: string; address: string };
let homes: Household[];
let foreignHome: Household;
let member: { id: string; name: string };
let liaison: { id: string; name: string; phone: string };

beforeAll(async () => {
  ({ t } = await startWithSessions({ queue: true }));
  homes = (await t.as("communityStaff").get("/api/v1/people/households?pageSize=4")).json().items;
  const communities = (await t.as("districtAdmin").get("/api/v1/territory/nodes?level=community&pageSize=50"))
    .json()
    .items.map((n: { id: string }) => n.id);
  const mine = (await t.as("communityStaff").get("/api/v1/territory/nodes?level=community")).json().items[0]
    .id;
  const elsewhere = communities.find((id: string) => id !== mine);
  foreignHome = (
    await t.as("districtAdmin").get(`/api/v1/people/households?underId=${elsewhere}&pageSize=1`)
  ).json().items[0];
  member = (await t.as("communityStaff").get("/api/v1/people/party-members?pageSize=1")).json().items[0];
  liaison = (await t.as("communityStaff").get("/api/v1/people/staff?role=liaison&pageSize=1")).json()
    .items[0];
}, 180_000);
afterAll(() => t?.close());

const memberHomes = async (id: string) =>
  (await t.as("communityStaff").get(`/api/v1/people/party-members/${id}/households`)).json().items as Array<{
    householdId: string;
    kind: string;
  }>;

describe("pairing party members and liaisons with households", () => {
  it("pairs a member (包保), changes it to 1+1带N, shows it on both sides and ends it", async () => {
    const [home] = homes as [Household];
    const url = `/api/v1/people/party-members/${member.id}/households`;
    const res = await t.as("communityStaff").post(url, { householdId: home.id, kind: "baobao" });
    expect(res.statusCode, res.body).toBe(201);
    expect(await memberHomes(member.id)).toEqual([
      expect.objectContaining({ householdId: home.id, kind: "baobao" }),
    ]);
    await t.as("communityStaff").post(url, { householdId: home.id, kind: "oneLeadsN" });
    const pairs = (await t.as("communityStaff").get(`/api/v1/people/households/${home.id}/pairs`)).json();
    expect(pairs.members).toEqual([
      expect.objectContaining({ memberId: member.id, name: member.name, kind: "oneLeadsN" }),
    ]);
    expect((await t.as("communityStaff").delete(`${url}/${home.id}`)).statusCode).toBe(204);
    expect(await memberHomes(member.id)).toEqual([]);
    const audit = (await t.as("districtAdmin").get(`/api/v1/audit?entityId=${member.id}`)).json().items;
    expect(audit.map((r: { action: string }) => r.action)).toEqual(
      expect.arrayContaining(["people.pairing.add", "people.pairing.remove"]),
    );
  });

  it("pairs a liaison, and refuses other staff and households outside the scope", async () => {
    const home = homes[1] as Household;
    const url = `/api/v1/people/staff/${liaison.id}/households`;
    const res = await t.as("communityStaff").post(url, { householdId: home.id });
    expect(res.statusCode, res.body).toBe(201);
    const listed = (await t.as("communityStaff").get(url)).json().items;
    expect(listed.map((h: { householdId: string }) => h.householdId)).toContain(home.id);
    const worker = (
      await t.as("communityStaff").get("/api/v1/people/staff?role=gridWorker&pageSize=1")
    ).json().items[0];
    const notLiaison = await t
      .as("communityStaff")
      .post(`/api/v1/people/staff/${worker.id}/households`, { householdId: home.id });
    expect(notLiaison.statusCode).toBe(422);
    expect(notLiaison.json().error.code).toBe("NOT_A_LIAISON");
    const outside = await t
      .as("communityStaff")
      .post(`/api/v1/people/party-members/${member.id}/households`, {
        householdId: foreignHome.id,
        kind: "baobao",
      });
    expect(outside.statusCode).toBe(404);
    expect((await t.as("resident").post(url, { householdId: home.id })).statusCode).toBe(403);
  });

  it("imports pairings from a sheet by name, phone and address", async () => {
    const [row] = await t.database.db
      .select({ phone: residents.phone })
      .from(partyMembers)
      .innerJoin(residents, eq(residents.id, partyMembers.residentId))
      .where(eq(partyMembers.id, member.id));
    const phone = row?.phone as string;
    expect(phone).toMatch(/^1\d{10}$/);
    const header = ["姓名", "手机号", "住户", "结对方式"];
    const [, , a, b] = homes as [Household, Household, Household, Household];
    const job = await checked(
      t,
      "communityStaff",
      "pairings",
      await workbook([
        header,
        [member.name, phone, a.address, "包保"],
        [member.name, phone, b.address, "1+1带N"],
        [liaison.name, liaison.phone, a.address, "联户长联户"],
      ]),
    );
    expect(job.status, JSON.stringify(job.problems)).toBe("checked");
    const done = await confirmed(t, "communityStaff", job.id);
    expect(done.summary).toMatchObject({ created: 3 });
    expect(await memberHomes(member.id)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ householdId: a.id, kind: "baobao" }),
        expect.objectContaining({ householdId: b.id, kind: "oneLeadsN" }),
      ]),
    );
    const pairs = (await t.as("communityStaff").get(`/api/v1/people/households/${a.id}/pairs`)).json();
    expect(pairs.liaisons.map((l: { staffId: string }) => l.staffId)).toContain(liaison.id);

    const wrong = await checked(
      t,
      "communityStaff",
      "pairings",
      await workbook([
        header,
        [member.name, "13900000000", a.address, "包保"],
        [member.name, phone, "无此地址", "包保"],
      ]),
    );
    expect(wrong.status).toBe("rejected");
    expect(wrong.problems.map((p) => p.column)).toEqual(["手机号", "住户"]);
  });
});
