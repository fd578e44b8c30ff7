import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_DEMO_SEED, DEMO_SIZES, generateDemo } from "../../demo/generate/index.ts";
import { pinyinSortKey } from "../../platform/i18n/pinyin.ts";
import { isValidIdNumber } from "../../platform/pii/index.ts";
import { piiAccessLog } from "../../platform/pii/tables.ts";
import { type RoleName, type Session, startWithSessions, type TestApp } from "../../testing/harness.ts";

let t: TestApp;
let s: Record<string, Session>;
beforeAll(async () => {
  ({ t, sessions: s } = await startWithSessions());
});
afterAll(() => t.close());

const items = async (who: RoleName, url: string) => {
  const res = await t.as(who).get(url);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: Array<Record<string, unknown>>; total: number };
};
const nodeOf = (who: RoleName) => s[who]?.user.roles[0]?.nodeId as string;

describe("people in scope", () => {
  it("shows a resident his own household and nobody else", async () => {
    const homes = await items("resident", "/api/v1/people/households");
    expect(homes.total).toBe(1);
    // The head is shown masked, and the count covers the whole family.
    expect(homes.items[0]).toMatchObject({ head: "孙**", members: expect.any(Number) });
    expect(Number(homes.items[0]?.members)).toBeGreaterThanOrEqual(2);
    const people = await items("resident", "/api/v1/people/residents");
    expect(people.items.map((r) => r.name)).toContain("孙秀英");
    expect(new Set(people.items.map((r) => r.householdId))).toEqual(new Set([homes.items[0]?.id]));
    expect((await t.as("resident").get("/api/v1/people/staff")).statusCode).toBe(200);
  });

  it("gives a grid worker exactly the households of his grid", async () => {
    const mine = await items("gridWorker", "/api/v1/people/households?pageSize=200");
    const viaGrid = await items(
      "communityStaff",
      `/api/v1/people/households?underId=${nodeOf("gridWorker")}&pageSize=1`,
    );
    expect(mine.total).toBeGreaterThan(3);
    expect(mine.total).toBe(viaGrid.total);
    const community = await items("communityStaff", "/api/v1/people/households?pageSize=1");
    const district = await items("districtAdmin", "/api/v1/people/households?pageSize=1");
    expect(community.total).toBeGreaterThan(mine.total);
    expect(district.total).toBeGreaterThan(3 * community.total);
  });

  it("answers 404 for a subtree outside the caller's scope, 403 for roles without people", async () => {
    const streets = await items(
      "districtAdmin",
      `/api/v1/territory/nodes?parentId=${nodeOf("districtAdmin")}`,
    );
    const otherStreet = streets.items.find((n) => n.id !== nodeOf("streetStaff"))?.id;
    expect(
      (await t.as("communityStaff").get(`/api/v1/people/residents?underId=${otherStreet}`)).statusCode,
    ).toBe(404);
    expect((await t.as("merchant").get("/api/v1/people/residents")).statusCode).toBe(403);
    expect((await t.as("departmentStaff").get("/api/v1/people/households")).statusCode).toBe(403);
  });

  it("lists residents masked and in pinyin order", async () => {
    const page = await items("gridWorker", "/api/v1/people/residents?pageSize=50");
    for (const r of page.items) {
      expect(r.idNumber).toMatch(/^\d{2}\*{14}[\dX]{2}$/);
      // The age, never the birth date beside the masked number: together they would give it back.
      expect(r).not.toHaveProperty("birthDate");
      expect(r.age).toEqual(expect.any(Number));
      if (r.phone) expect(r.phone).toMatch(/^1\d{2}\*{4}\d{4}$/);
    }
    const keys = page.items.map((r) => pinyinSortKey(String(r.name)));
    expect(keys).toEqual([...keys].sort());
  });
});

describe("personal data", () => {
  it("reveals an ID number for a purpose, logs it, and finds the person by that exact number", async () => {
    const [first] = (await items("communityStaff", "/api/v1/people/residents?pageSize=1")).items;
    const res = await t
      .as("communityStaff")
      .post(`/api/v1/people/residents/${first?.id}/reveal`, { purpose: "核对高龄津贴" });
    expect(res.statusCode).toBe(200);
    const { idNumber } = res.json();
    expect(isValidIdNumber(idNumber)).toBe(true);
    const log = await t.database.db
      .select()
      .from(piiAccessLog)
      .where(eq(piiAccessLog.entityId, String(first?.id)));
    expect(log.map((l) => l.field)).toContain("idNumber");
    expect(log[0]?.purpose).toBe("核对高龄津贴");
    const found = await items("communityStaff", `/api/v1/people/residents?q=${idNumber}`);
    expect(found.items.map((r) => r.id)).toEqual([first?.id]);
  });

  it("does not let a grid worker unmask", async () => {
    const [first] = (await items("gridWorker", "/api/v1/people/residents?pageSize=1")).items;
    const res = await t
      .as("gridWorker")
      .post(`/api/v1/people/residents/${first?.id}/reveal`, { purpose: "看看" });
    expect(res.statusCode).toBe(403);
  });

  it("registers a resident with a valid ID, refuses a bad check digit (422) and a duplicate (409)", async () => {
    const [home] = (await items("gridWorker", "/api/v1/people/households?pageSize=1")).items;
    const register = (idNumber: string) =>
      t.as("gridWorker").post("/api/v1/people/residents", {
        householdId: home?.id,
        name: "测试新居民",
        idNumber,
        relation: "other",
        residenceType: "floating",
      });
    const bad = await register("11010519491231002Y");
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.code).toBe("INVALID_ID_NUMBER");
    const ok = await register("11010519491231002x");
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ idNumber: "11**************2X", gender: "female" });
    expect(ok.json().age).toBeGreaterThanOrEqual(75);
    expect(ok.json()).not.toHaveProperty("birthDate");
    expect((await register("11010519491231002X")).statusCode).toBe(409);
  });
});

describe("party members and grid staff", () => {
  it("has members of all four categories in the district", async () => {
    for (const category of ["resident", "inService", "retired", "mobile"]) {
      expect(
        (await items("districtAdmin", `/api/v1/people/party-members?category=${category}&pageSize=1`)).total,
      ).toBeGreaterThan(0);
    }
    // The test district is the small demo: as many members as it was generated with.
    const generated = generateDemo(DEFAULT_DEMO_SEED, Date.now(), DEMO_SIZES.small).partyMembers.length;
    expect((await items("districtAdmin", "/api/v1/people/party-members?pageSize=1")).total).toBe(generated);
  });

  it("shows the grid's staff with their real phones (三亮)", async () => {
    const crew = await items("gridWorker", "/api/v1/people/staff?role=gridWorker");
    expect(crew.items).toContainEqual(expect.objectContaining({ name: "刘志强", phone: "13800000004" }));
  });
});
