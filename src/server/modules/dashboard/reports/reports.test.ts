import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RoleName, startWithSessions, type TestApp } from "../../../testing/harness.ts";
import { refreshCaseFigures } from "../../cases/index.ts";
import { generateReport, scheduleDueReports } from "./service.ts";

let t: TestApp;
beforeAll(async () => {
  ({ t } = await startWithSessions());
  await refreshCaseFigures(t.database.db);
});
afterAll(() => t.close());

const order = (who: RoleName, payload: object) => t.as(who).post("/api/v1/dashboard/reports", payload);
type Listed = {
  id: string;
  subjectType: string;
  subjectId: string;
  subjectName: string;
  kind: string;
  status: string;
};
const list = async (who: RoleName, query = "") =>
  (await t.as(who).get(`/api/v1/dashboard/reports?pageSize=200${query}`)).json() as {
    items: Listed[];
    total: number;
  };

describe("periodic reports", () => {
  it("are due on the 1st for every community, street, the district and every department, the quarter's after its last month, once", async () => {
    const added = await scheduleDueReports(t.database.db, "2026-10-01");
    const monthly = added.filter((r) => r.kind === "monthly");
    const quarterly = added.filter((r) => r.kind === "quarterly");
    expect(monthly.filter((r) => r.subjectType === "community")).toHaveLength(14);
    expect(monthly.filter((r) => r.subjectType === "district")).toHaveLength(1);
    expect(monthly.filter((r) => r.subjectType === "street").length).toBeGreaterThan(1);
    expect(monthly.some((r) => r.subjectType === "department")).toBe(true);
    expect(monthly[0]).toMatchObject({
      periodStart: "2026-09-01",
      periodEnd: "2026-10-01",
      status: "pending",
    });
    expect(quarterly[0]).toMatchObject({ periodStart: "2026-07-01", periodEnd: "2026-10-01" });
    expect(quarterly).toHaveLength(monthly.length);
    expect(await scheduleDueReports(t.database.db, "2026-10-01")).toHaveLength(0);
  });

  it("are listed to each reader for his own territory or department only", async () => {
    const all = await list("districtAdmin");
    expect(all.total).toBeGreaterThan(30);
    const community = await list("communityStaff");
    expect(community.items.length).toBe(2);
    expect(community.items.every((r) => r.subjectType === "community")).toBe(true);
    const department = await list("departmentStaff");
    expect(department.items.length).toBe(2);
    expect(department.items.every((r) => r.subjectType === "department")).toBe(true);
    // Street staff: the communities of their street, and the street itself.
    const street = (await list("streetStaff")).items;
    expect(street.every((r) => r.subjectType === "community" || r.subjectType === "street")).toBe(true);
    expect(street.filter((r) => r.subjectType === "street")).toHaveLength(2);
    const other = all.items.find(
      (r) => r.subjectType === "community" && r.subjectId !== community.items[0]?.subjectId,
    );
    expect((await t.as("communityStaff").get(`/api/v1/dashboard/reports/${other?.id}/pdf`)).statusCode).toBe(
      404,
    );
  });

  it("are made on demand, and the workbook's figures are the command centre's", async () => {
    const me = (await t.as("communityStaff").get("/api/v1/dashboard/overview")).json().node;
    const asked = await order("communityStaff", {
      kind: "monthly",
      period: "2026-11",
      subjectType: "community",
      subjectId: me.id,
    });
    expect(asked.statusCode).toBe(202);
    expect(asked.json()).toMatchObject({ status: "pending", files: null, subjectName: me.name });
    // Not ready yet: nothing to download.
    expect(
      (await t.as("communityStaff").get(`/api/v1/dashboard/reports/${asked.json().id}/xlsx`)).statusCode,
    ).toBe(404);

    await generateReport(t.database.db, t.dataDir, asked.json().id);
    const ready = (await list("communityStaff")).items.find((r) => r.id === asked.json().id);
    expect(ready?.status).toBe("ready");
    const xlsx = await t.as("communityStaff").get(`/api/v1/dashboard/reports/${asked.json().id}/xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers["content-disposition"]).toContain(
      encodeURIComponent(`${me.name}-2026年11月-月报.xlsx`),
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(
      expect.arrayContaining(["概况", "趋势", "分类", "网格", "部门"]),
    );
    const summary = new Map<unknown, unknown>();
    book.getWorksheet("概况")?.eachRow((row) => summary.set(row.getCell(1).value, row.getCell(2).value));
    const figures = (
      await t.as("communityStaff").get("/api/v1/dashboard/overview?from=2026-11-01&to=2026-11-30")
    ).json();
    expect(figures.cases.received).toBeGreaterThan(0);
    expect(summary.get("受理诉求")).toBe(figures.cases.received);

    const pdf = await t.as("communityStaff").get(`/api/v1/dashboard/reports/${asked.json().id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("are refused for a subject outside the reader's reach or a period that is malformed or to come", async () => {
    const all = await list("districtAdmin");
    const other = all.items.find(
      (r) => r.subjectType === "community" && r.subjectName !== (all.items[0]?.subjectName ?? ""),
    );
    const mine = (await t.as("communityStaff").get("/api/v1/dashboard/overview")).json().node;
    const theirs = all.items.find((r) => r.subjectType === "community" && r.subjectId !== mine.id) ?? other;
    const ask = (who: RoleName, body: object) =>
      order(who, {
        kind: "monthly",
        period: "2026-11",
        subjectType: "community",
        subjectId: mine.id,
        ...body,
      });
    expect((await ask("communityStaff", { subjectId: theirs?.subjectId })).statusCode).toBe(404);
    const future = await ask("communityStaff", { period: "2031-01" });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.code).toBe("INVALID_PERIOD");
    expect((await ask("communityStaff", { period: "2026-13" })).statusCode).toBe(400);
    expect((await ask("communityStaff", { kind: "quarterly", period: "2026-11" })).statusCode).toBe(400);
    const department = all.items.find((r) => r.subjectType === "department");
    expect(
      (await ask("communityStaff", { subjectType: "department", subjectId: department?.subjectId }))
        .statusCode,
    ).toBe(404);
    const own = (await list("departmentStaff")).items[0];
    const byDepartment = await ask("departmentStaff", {
      subjectType: "department",
      subjectId: own?.subjectId,
      kind: "quarterly",
      period: "2026-Q4",
    });
    expect(byDepartment.statusCode).toBe(202);
    await generateReport(t.database.db, t.dataDir, byDepartment.json().id);
    expect(
      (await t.as("departmentStaff").get(`/api/v1/dashboard/reports/${byDepartment.json().id}/pdf`))
        .statusCode,
    ).toBe(200);
  });
});
