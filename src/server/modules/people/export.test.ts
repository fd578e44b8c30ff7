import { and, count, eq, gte } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../platform/audit/tables.ts";
import { EXPORT_PAGE_SIZE } from "../../platform/http/export.ts";
import { piiAccessLog } from "../../platform/pii/tables.ts";
import { type RoleName, type Session, startWithSessions, type TestApp } from "../../testing/harness.ts";

let t: TestApp;
let s: Record<string, Session>;
beforeAll(async () => {
  ({ t, sessions: s } = await startWithSessions());
});
afterAll(() => t.close());

const nodeOf = (who: RoleName) => s[who]?.user.roles[0]?.nodeId as string;

/** Every page of the JSON list, in order. */
async function allPages(who: RoleName, url: string, pageSize = 10) {
  const rows: Array<Record<string, unknown>> = [];
  for (let page = 1; ; page++) {
    const res = await t
      .as(who)
      .get(`${url}${url.includes("?") ? "&" : "?"}page=${page}&pageSize=${pageSize}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { items: Array<Record<string, unknown>>; total: number };
    rows.push(...body.items);
    if (rows.length >= body.total || body.items.length === 0) return { rows, total: body.total };
  }
}

/** The export of `url` as a user opens it: the first sheet's header and rows. */
async function download(who: RoleName, url: string, headers: Record<string, string> = {}) {
  const res = await t.as(who).get(url, headers);
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  expect(res.headers["content-type"]).toBe(
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  );
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  if (!sheet) throw new Error("no sheet");
  const values = (n: number) => (sheet.getRow(n).values as ExcelJS.CellValue[]).slice(1);
  const rows: ExcelJS.CellValue[][] = [];
  for (let n = 2; n <= sheet.rowCount; n++) rows.push(values(n));
  return { res, sheet, header: values(1), rows };
}

const column = (file: { header: ExcelJS.CellValue[]; rows: ExcelJS.CellValue[][] }, name: string) => {
  const i = file.header.indexOf(name);
  expect(i, `column ${name}`).toBeGreaterThanOrEqual(0);
  return file.rows.map((r) => r[i]);
};

const MASKED_ID = /^\d{2}\*{14}[\dX]{2}$/;
const WHOLE_ID = /^\d{17}[\dX]$/;

describe("residents export", () => {
  it("is the list the page shows, every page of it, with Chinese headers and masked numbers", async () => {
    const filter = "residenceType=floating";
    const json = await allPages("communityStaff", `/api/v1/people/residents?${filter}`);
    expect(json.total).toBeGreaterThan(10);
    const file = await download("communityStaff", `/api/v1/people/residents?${filter}&format=xlsx`);
    expect(file.res.headers["content-disposition"]).toMatch(
      /^attachment; filename="residents-\d{8}\.xlsx"; filename\*=UTF-8''%E5%B1%85%E6%B0%91%E5%90%8D%E5%8D%95-\d{8}\.xlsx$/,
    );
    expect(file.sheet.name).toBe("居民名单");
    // The age and not the birth date beside masked numbers (see maskIdNumber).
    expect(file.header).toEqual([
      "姓名",
      "性别",
      "年龄",
      "身份证号",
      "手机号",
      "与户主关系",
      "人口类型",
      "住址",
    ]);
    // The header row stays in view while scrolling.
    expect(file.sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(file.rows).toHaveLength(json.total);
    expect(column(file, "姓名")).toEqual(json.rows.map((r) => r.name));
    expect(new Set(column(file, "人口类型"))).toEqual(new Set(["流动人口"]));
    expect(new Set(column(file, "性别"))).toEqual(new Set(["男", "女"]));
    for (const id of column(file, "身份证号")) expect(String(id)).toMatch(MASKED_ID);
    expect(column(file, "身份证号")).toEqual(json.rows.map((r) => r.idNumber));
    for (const phone of column(file, "手机号").filter(Boolean))
      expect(String(phone)).toMatch(/^1\d\d\*{4}\d{4}$/);
  });

  it("keeps to the caller's scope: a community's staff export exactly what the district sees under it", async () => {
    const community = nodeOf("communityStaff");
    const own = await download(
      "communityStaff",
      "/api/v1/people/residents?residenceType=floating&format=xlsx",
    );
    const fromAbove = await download(
      "districtAdmin",
      `/api/v1/people/residents?residenceType=floating&underId=${community}&format=xlsx`,
    );
    const district = await t
      .as("districtAdmin")
      .get("/api/v1/people/residents?residenceType=floating&pageSize=1");
    expect(own.rows).toEqual(fromAbove.rows);
    expect(district.json().total).toBeGreaterThan(own.rows.length);
    // Another community's subtree is not found, as in the list, and nothing is sent.
    const streets = await t
      .as("districtAdmin")
      .get(`/api/v1/territory/nodes?parentId=${nodeOf("districtAdmin")}`);
    const other = (streets.json().items as Array<{ id: string }>).find((n) => n.id !== nodeOf("streetStaff"));
    const refused = await t
      .as("communityStaff")
      .get(`/api/v1/people/residents?underId=${other?.id}&format=xlsx`);
    expect(refused.statusCode).toBe(404);
    expect(refused.json().error.code).toBe("NOT_FOUND");
  });

  it("narrows with the list's filters: a search and a gender", async () => {
    const json = await allPages("communityStaff", "/api/v1/people/residents?q=王&gender=female");
    expect(json.total).toBeGreaterThan(0);
    const file = await download("communityStaff", "/api/v1/people/residents?q=王&gender=female&format=xlsx");
    expect(file.rows).toHaveLength(json.total);
    expect(new Set(column(file, "性别"))).toEqual(new Set(["女"]));
    for (const name of column(file, "姓名")) expect(String(name)).toContain("王");
  });

  it("follows the language asked for: English headers and labels", async () => {
    const file = await download("gridWorker", "/api/v1/people/residents?format=xlsx&lang=en");
    expect(file.header.slice(0, 3)).toEqual(["Name", "Gender", "Age"]);
    expect(file.sheet.name).toBe("Residents");
    expect(file.res.headers["content-disposition"]).toContain("filename*=UTF-8''Residents-");
    const viaHeader = await download("gridWorker", "/api/v1/people/residents?format=xlsx", {
      "accept-language": "en-US,en;q=0.9",
    });
    expect(viaHeader.header[0]).toBe("Name");
  });
});

describe("residents export with whole ID numbers", () => {
  const grid = () => nodeOf("gridWorker");

  it("reveals every row for people.reveal holders, logs each value and audits the export once", async () => {
    const since = new Date();
    const url = `/api/v1/people/residents?underId=${grid()}&format=xlsx&reveal=true&purpose=${encodeURIComponent("入户走访核实身份")}`;
    const masked = await download("communityStaff", `/api/v1/people/residents?underId=${grid()}&format=xlsx`);
    const file = await download("communityStaff", url);
    expect(file.rows).toHaveLength(masked.rows.length);
    const ids = column(file, "身份证号").map(String);
    for (const id of ids) expect(id).toMatch(WHOLE_ID);
    // The same people in the same order: each whole number has the masked one's ends.
    column(masked, "身份证号").forEach((m, i) => {
      expect(String(m).slice(0, 2)).toBe(ids[i]?.slice(0, 2));
      expect(String(m).slice(-2)).toBe(ids[i]?.slice(-2));
    });
    // With whole numbers comes the birth date, as a date (it sorts and filters as one in Excel).
    expect(file.header.slice(0, 4)).toEqual(["姓名", "性别", "出生日期", "年龄"]);
    const born = column(file, "出生日期");
    expect(born[0]).toBeInstanceOf(Date);
    born.forEach((b, i) => {
      expect((b as Date).toISOString().slice(0, 10).replaceAll("-", "")).toBe(ids[i]?.slice(6, 14));
    });
    const phones = column(file, "手机号").filter(Boolean).map(String);
    for (const phone of phones) expect(phone).toMatch(/^1\d{10}$/);

    const actorId = s.communityStaff?.user.id as string;
    const mine = and(eq(piiAccessLog.actorId, actorId), gte(piiAccessLog.at, since));
    const [idReads] = await t.database.db
      .select({ n: count() })
      .from(piiAccessLog)
      .where(and(mine, eq(piiAccessLog.field, "idNumber"), eq(piiAccessLog.purpose, "入户走访核实身份")));
    const [phoneReads] = await t.database.db
      .select({ n: count() })
      .from(piiAccessLog)
      .where(and(mine, eq(piiAccessLog.field, "phone")));
    expect(idReads?.n).toBe(ids.length);
    expect(phoneReads?.n).toBe(phones.length);
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "people.resident.export"), gte(auditLog.at, since)));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorId, entity: "resident" });
    expect(audits[0]?.after).toMatchObject({ purpose: "入户走访核实身份", revealed: true });
  });

  it("is refused without people.reveal (403), without a purpose (400) and outside an export (400)", async () => {
    const since = new Date();
    const forbidden = await t
      .as("gridWorker")
      .get(`/api/v1/people/residents?format=xlsx&reveal=true&purpose=${encodeURIComponent("核实")}`);
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().error.code).toBe("FORBIDDEN");
    const noPurpose = await t
      .as("communityStaff")
      .get(`/api/v1/people/residents?underId=${grid()}&format=xlsx&reveal=true`);
    expect(noPurpose.statusCode).toBe(400);
    expect(noPurpose.json().error.code).toBe("PURPOSE_REQUIRED");
    const shortPurpose = await t
      .as("communityStaff")
      .get("/api/v1/people/residents?format=xlsx&reveal=true&purpose=x");
    expect(shortPurpose.statusCode).toBe(400);
    const asJson = await t
      .as("communityStaff")
      .get(`/api/v1/people/residents?reveal=true&purpose=${encodeURIComponent("核实身份")}`);
    expect(asJson.statusCode).toBe(400);
    expect(asJson.json().error.code).toBe("REVEAL_EXPORT_ONLY");
    const [reads] = await t.database.db
      .select({ n: count() })
      .from(piiAccessLog)
      .where(gte(piiAccessLog.at, since));
    expect(reads?.n).toBe(0);
  });
});

describe("the other people lists", () => {
  it("export party members with categories in words, narrowed by category", async () => {
    const json = await allPages("communityStaff", "/api/v1/people/party-members?category=inService");
    const file = await download(
      "communityStaff",
      "/api/v1/people/party-members?category=inService&format=xlsx",
    );
    expect(file.header).toEqual(["姓名", "性别", "年龄", "党员类别", "手机号", "入党日期"]);
    expect(file.rows).toHaveLength(json.total);
    expect(new Set(column(file, "党员类别"))).toEqual(new Set(["在职党员"]));
    const all = await download("communityStaff", "/api/v1/people/party-members?format=xlsx");
    expect(all.rows.length).toBeGreaterThan(file.rows.length);
  });

  it("export the district's residents, more than one query's worth, a community's households and a grid's staff", async () => {
    const residents = await allPages("districtAdmin", "/api/v1/people/residents", 200);
    // More rows than one export query reads: the pages join up with none repeated or lost.
    expect(residents.total).toBeGreaterThan(EXPORT_PAGE_SIZE);
    const everyone = await download("districtAdmin", "/api/v1/people/residents?format=xlsx");
    expect(column(everyone, "姓名")).toEqual(residents.rows.map((r) => r.name));
    const households = await allPages("communityStaff", "/api/v1/people/households", 200);
    const file = await download("communityStaff", "/api/v1/people/households?format=xlsx");
    expect(file.header).toEqual(["地址", "人数", "户主"]);
    expect(column(file, "地址")).toEqual(households.rows.map((h) => h.address));
    expect(column(file, "户主")).toEqual(households.rows.map((h) => h.head));
    const staff = await download("gridWorker", "/api/v1/people/staff?format=xlsx");
    expect(staff.header[0]).toBe("职务");
    expect(new Set(column(staff, "职务"))).toContain("网格员");
  });
});
