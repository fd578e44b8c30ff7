import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RoleName, startWithSessions, type TestApp } from "../../../testing/harness.ts";
import { refreshCaseFigures } from "../../cases/index.ts";
import { reports } from "../tables.ts";
import { gatherReport } from "./gather.ts";
import { generateReport } from "./service.ts";

let t: TestApp;
beforeAll(async () => {
  ({ t } = await startWithSessions());
  await refreshCaseFigures(t.database.db);
});
afterAll(() => t.close());

type Node = { id: string; name: string; level: string; path?: string };
const PERIOD = { kind: "monthly", period: "2026-11" };

/** Asks for a report as `who`, writes it, and reads its workbook: the 概况 figures and one sheet's rows. */
async function made(who: RoleName, subjectType: string, subjectId: string, sheet: string) {
  const asked = await t.as(who).post("/api/v1/dashboard/reports", { ...PERIOD, subjectType, subjectId });
  expect(asked.statusCode).toBe(202);
  await generateReport(t.database.db, t.dataDir, asked.json().id);
  const xlsx = await t.as(who).get(`/api/v1/dashboard/reports/${asked.json().id}/xlsx`);
  expect(xlsx.statusCode).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
  const summary = new Map<string, unknown>();
  book
    .getWorksheet("概况")
    ?.eachRow((row) => summary.set(String(row.getCell(1).value), row.getCell(2).value));
  const rows: string[] = [];
  book.getWorksheet(sheet)?.eachRow((row, n) => {
    if (n > 1) rows.push(String(row.getCell(2).value));
  });
  return { summary, rows, name: xlsx.headers["content-disposition"] as string };
}

/** A part's figures, gathered as its report would be (without drawing its files). */
async function figures(who: RoleName, subjectType: string, subjectId: string) {
  const asked = await t.as(who).post("/api/v1/dashboard/reports", { ...PERIOD, subjectType, subjectId });
  expect(asked.statusCode).toBe(202);
  const [row] = await t.database.db.select().from(reports).where(eq(reports.id, asked.json().id));
  if (!row) throw new Error("no report row");
  const data = await gatherReport(t.database.db, row);
  return { summary: new Map<string, unknown>(data.summary.map((f) => [f.label, f.value])) };
}

const count = (summary: Map<string, unknown>, label: string) => Number(summary.get(label));
const SUMMED = ["受理诉求", "已办结", "评价件数", "超时响应", "超时办结", "吹哨报到"];

async function nodes(who: RoleName, level: string, parentId?: string): Promise<Node[]> {
  const query = `level=${level}&pageSize=200${parentId ? `&parentId=${parentId}` : ""}`;
  return (await t.as(who).get(`/api/v1/territory/nodes?${query}`)).json().items;
}

describe("street and district reports", () => {
  it("give a street's figures as the sum of its communities', and list the communities", async () => {
    const street = (await t.as("streetStaff").get("/api/v1/dashboard/overview")).json().node as Node;
    expect(street.level).toBe("street");
    const whole = await made("streetStaff", "street", street.id, "社区");
    expect(whole.name).toContain(encodeURIComponent(`${street.name}-2026年11月-月报.xlsx`));
    const communities = await nodes("streetStaff", "community");
    expect(communities.length).toBeGreaterThan(1);
    const parts = [];
    for (const c of communities) parts.push(await figures("streetStaff", "community", c.id));
    expect(count(whole.summary, "受理诉求")).toBeGreaterThan(0);
    for (const label of SUMMED)
      expect(count(whole.summary, label), label).toBe(parts.reduce((a, p) => a + count(p.summary, label), 0));
    expect(whole.rows.sort()).toEqual(communities.map((c) => c.name).sort());
  });

  it("give the district's figures as the sum of its streets', for the district's administrator only", async () => {
    const district = (await t.as("districtAdmin").get("/api/v1/dashboard/overview")).json().node as Node;
    expect(district.level).toBe("district");
    const whole = await made("districtAdmin", "district", district.id, "街道");
    const streets = await nodes("districtAdmin", "street");
    const parts = [];
    for (const s of streets) parts.push(await figures("districtAdmin", "street", s.id));
    for (const label of SUMMED)
      expect(count(whole.summary, label), label).toBe(parts.reduce((a, p) => a + count(p.summary, label), 0));
    expect(whole.rows.sort()).toEqual(streets.map((s) => s.name).sort());

    // Street staff make their street's, not the district's; the kind must match the area.
    const ask = (who: RoleName, subjectType: string, subjectId: string) =>
      t.as(who).post("/api/v1/dashboard/reports", { ...PERIOD, subjectType, subjectId });
    expect((await ask("streetStaff", "district", district.id)).statusCode).toBe(404);
    const wrong = await ask("districtAdmin", "street", district.id);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe("WRONG_REPORT_AREA");
    const mine = (await t.as("streetStaff").get("/api/v1/dashboard/overview")).json().node as Node;
    const theirs = streets.find((s) => s.id !== mine.id);
    if (theirs) expect((await ask("streetStaff", "street", theirs.id)).statusCode).toBe(404);

    // Listed to the district's administrator, and to street staff only for their own street.
    const listed = (await t.as("streetStaff").get("/api/v1/dashboard/reports?pageSize=200")).json()
      .items as Array<{
      subjectType: string;
      subjectId: string;
    }>;
    expect(listed.filter((r) => r.subjectType === "street").map((r) => r.subjectId)).toEqual([mine.id]);
    expect(listed.some((r) => r.subjectType === "district")).toBe(false);
  });
});
