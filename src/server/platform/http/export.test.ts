import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { casesZhCN } from "../../../shared/locales/cases.zh-CN.ts";
import { loginAs, PHONES, type Session, startTestApp, type TestApp } from "../../testing/harness.ts";

/**
 * Every list that offers format=xlsx in /openapi.json, exported: the file opens, its header is in
 * Chinese, and it has exactly the rows the JSON list counts. Lists added later are covered too.
 */
interface Operation {
  parameters?: Array<{ in: string; name: string; schema: { anyOf?: Array<{ enum?: unknown[] }> } }>;
}

let t: TestApp;
let doc: { paths: Record<string, { get?: Operation }> };
let callers: Session[];
const UNIT_STAFF = "13800000010";
beforeAll(async () => {
  t = await startTestApp();
  // A grid worker's lists are short; the audit log is the district administrator's alone.
  // A paired unit's staff read their own unit's ledger and assessment (13800000010 of the demo).
  callers = [
    await loginAs(t.app, PHONES.gridWorker),
    await loginAs(t.app, PHONES.districtAdmin),
    await loginAs(t.app, UNIT_STAFF),
  ];
  doc = (await t.as(undefined).get("/openapi.json")).json();
});
afterAll(() => t.close());

const exportsXlsx = (op: Operation | undefined) =>
  !!op?.parameters?.some(
    (p) => p.in === "query" && p.name === "format" && p.schema.anyOf?.some((a) => a.enum?.includes("xlsx")),
  );

async function open(payload: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(payload as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  if (!sheet) throw new Error("no sheet");
  return sheet;
}

describe("every exportable list", () => {
  it("exports as many rows as its JSON total, under Chinese headers", async () => {
    const lists = Object.entries(doc.paths).filter(([, ops]) => exportsXlsx(ops.get));
    expect(lists.map(([path]) => path)).toEqual(
      expect.arrayContaining([
        "/api/v1/people/households",
        "/api/v1/people/residents",
        "/api/v1/people/party-members",
        "/api/v1/people/staff",
        "/api/v1/org/orgs",
        "/api/v1/org/units",
        "/api/v1/territory/nodes",
        "/api/v1/territory/grids",
        "/api/v1/cases",
        "/api/v1/whistles",
        "/api/v1/devices",
        "/api/v1/audit",
      ]),
    );
    const problems: string[] = [];
    // A list below one object (a unit's members) is read for the unit staff's own unit.
    const unitStaff = callers[2] as Session;
    const ownUnit = (await t.as(unitStaff).get("/api/v1/engagement/pairings?pageSize=1")).json().items[0]
      ?.unit.id;
    for (const [template] of lists) {
      const path = template.replace("{unitId}", ownUnit);
      let caller: Session | undefined;
      let total = 0;
      for (const c of callers) {
        const res = await t.as(c).get(`${path}?pageSize=1`);
        if (res.statusCode !== 200) continue;
        caller = c;
        total = res.json().total;
        break;
      }
      if (!caller) {
        problems.push(`${path}: no caller may read it`);
        continue;
      }
      const res = await t.as(caller).get(`${path}?format=xlsx`);
      if (res.statusCode !== 200 || !String(res.headers["content-disposition"]).startsWith("attachment")) {
        problems.push(`${path}: ${res.statusCode} ${res.body.slice(0, 100)}`);
        continue;
      }
      const sheet = await open(res.rawPayload);
      const header = (sheet.getRow(1).values as unknown[]).slice(1);
      if (sheet.rowCount - 1 !== total) problems.push(`${path}: ${sheet.rowCount - 1} rows, total ${total}`);
      if (header.length === 0 || !header.every((h) => typeof h === "string" && /\p{Script=Han}/u.test(h)))
        problems.push(`${path}: header ${JSON.stringify(header)}`);
    }
    expect(problems).toEqual([]);
  });

  it("writes codes as their names: the statuses of cases", async () => {
    const [worker] = callers;
    const res = await t.as(worker).get("/api/v1/cases?format=xlsx");
    const sheet = await open(res.rawPayload);
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const status = header.indexOf("状态") + 1;
    expect(status).toBeGreaterThan(0);
    const names = new Set<unknown>(Object.values(casesZhCN.status));
    const values = sheet.getColumn(status).values.slice(2);
    expect(values.length).toBeGreaterThan(0);
    for (const v of values) expect(names.has(v)).toBe(true);
  });
});
