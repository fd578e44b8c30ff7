import { createHash } from "node:crypto";
import { existsSync, mkdirSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  IMPORTERS,
  type RoleName,
  type Session,
  startWithSessions,
  type TestApp,
} from "../../testing/harness.ts";
import {
  checked,
  confirmed,
  filesShowing,
  idNumber,
  jobFiles,
  onDisk,
  settle,
  uploadImport,
  workbook,
} from "../../testing/imports.ts";
import { openSheet } from "../xlsx/index.ts";
import { sweepImports } from "./jobs.ts";
import { importerOf } from "./registry.ts";
import { sheetSpecOf } from "./source.ts";
import { importJobs } from "./tables.ts";

let t: TestApp;
let s: Record<string, Session>;
let grid: string;
let foreignGrid: string;

const residentsTotal = async () =>
  (await t.as("districtAdmin").get("/api/v1/people/residents?pageSize=1")).json().total as number;

beforeAll(async () => {
  ({ t, sessions: s } = await startWithSessions({ queue: true }));
  const mine = (await t.as("communityStaff").get("/api/v1/territory/nodes?level=grid&pageSize=50")).json()
    .items;
  grid = mine[0].code;
  const all = (await t.as("districtAdmin").get("/api/v1/territory/nodes?level=grid&pageSize=200")).json()
    .items;
  foreignGrid = all.find((g: { id: string }) => !mine.some((m: { id: string }) => m.id === g.id)).code;
}, 180_000);
afterAll(() => t?.close());

/** A valid 身份证 number per i: a birthday i days after 1980-01-01. */
const idOf = (i: number) => {
  const day = new Date(Date.UTC(1980, 0, 1) + i * 86_400_000).toISOString().slice(0, 10).replaceAll("-", "");
  return idNumber(`360731${day}123`);
};

describe("what may be imported", () => {
  it("lists the kinds each role may import", async () => {
    const kinds = async (who: RoleName) =>
      (await t.as(who).get("/api/v1/imports/kinds")).json().map((k: { kind: string }) => k.kind);
    expect(await kinds("communityStaff")).toEqual(
      expect.arrayContaining(["residents", "partyMembers", "staff", "grids", "gridPolygons"]),
    );
    const worker = await kinds("gridWorker");
    expect(worker).toEqual(expect.arrayContaining(["residents", "partyMembers", "staff"]));
    expect(worker).not.toContain("grids");
    expect(await kinds("resident")).toEqual([]);
  });

  it("serves each sheet kind's template, and the importer reads it back", async () => {
    for (const kind of ["residents", "partyMembers", "staff", "grids"]) {
      const res = await t.as("communityStaff").get(`/api/v1/imports/templates/${kind}.xlsx`);
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-type"]).toContain("spreadsheetml.sheet");
      const importer = importerOf(IMPORTERS, kind);
      if (importer?.source !== "sheet") throw new Error(`${kind} is not a sheet importer`);
      const bytes = res.rawPayload;
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
      const [data, help] = wb.worksheets as [ExcelJS.Worksheet, ExcelJS.Worksheet];
      const header = (data.getRow(1).values as unknown[]).slice(1);
      expect(header).toEqual(importer.columns.map((c) => `${c.required ? "*" : ""}${c.header}`));
      importer.columns.forEach((c, i) => {
        if (c.list) expect(data.getRow(3).getCell(i + 1).dataValidation).toMatchObject({ type: "list" });
      });
      expect(help.name).toBe("填写说明");
      // The example row comes back as written.
      const sheet = await openSheet(bytes, "xlsx", sheetSpecOf(importer));
      const rows = [];
      for await (const r of sheet.rows) rows.push(r);
      expect(rows).toHaveLength(1);
      for (const c of importer.columns) if (c.example) expect(rows[0]?.record[c.field]).toBe(c.example);
      expect(rows[0]?.issues).toBeUndefined();
    }
    expect((await t.as("communityStaff").get("/api/v1/imports/templates/gridPolygons.xlsx")).statusCode).toBe(
      404,
    );
    expect((await t.as("communityStaff").get("/api/v1/imports/templates/nothing.xlsx")).statusCode).toBe(404);
    expect((await t.as("gridWorker").get("/api/v1/imports/templates/grids.xlsx")).statusCode).toBe(403);
  });

  it("imports rows typed into the template below its example row", async () => {
    const template = (await t.as("communityStaff").get("/api/v1/imports/templates/residents.xlsx"))
      .rawPayload;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0] as ExcelJS.Worksheet;
    sheet.addRow(["模板用户", idOf(1), "13911110000", "户主", "常住人口", grid, "", "21", "1", "101"]);
    const job = await checked(t, s.communityStaff, "residents", Buffer.from(await wb.xlsx.writeBuffer()));
    expect(job).toMatchObject({ status: "checked", rowsTotal: 1 });
  });

  it("keeps uploaded sheets, which hold ID numbers, off the public file route", async () => {
    const bytes = await workbook([
      ["姓名", "身份证号", "所属网格", "楼栋", "门牌号"],
      ["不外泄", idOf(4242), grid, "1", "1"],
    ]);
    const job = await checked(t, s.communityStaff, "residents", bytes);
    const plainId = createHash("sha256").update(bytes).digest("hex");
    const { fileId } = await jobFiles(t, job.id);
    for (const id of [plainId, fileId])
      expect((await t.as("communityStaff").get(`/api/v1/files/${id}`)).statusCode).toBe(404);
  });

  it("refuses an upload without a kind, of an unknown kind, or of the wrong type", async () => {
    const bytes = await workbook([["姓名", "身份证号", "所属网格"]]);
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(bytes)]), "x.xlsx");
    const none = await t.as("communityStaff").post("/api/v1/imports", form);
    expect(none.statusCode).toBe(400);
    expect(none.json().error.code).toBe("IMPORT_KIND_REQUIRED");
    expect((await uploadImport(t, s.communityStaff, "aliens", bytes)).statusCode).toBe(404);
    const text = await uploadImport(
      t,
      s.communityStaff,
      "residents",
      Buffer.from("hello"),
      "notes.txt",
      "text/plain",
    );
    expect(text.statusCode).toBe(415);
    expect(text.json().error.code).toBe("UNSUPPORTED_SPREADSHEET");
    expect((await uploadImport(t, s.communityStaff, "gridPolygons", bytes, "x.xlsx")).statusCode).toBe(415);
  });
});

describe("a large file as a job", () => {
  it("checks and writes a CSV of 2,500 residents, its counters ending at the total", async () => {
    const before = await residentsTotal();
    const lines = ["姓名,身份证号,手机号,所属网格,楼栋,单元,门牌号"];
    for (let i = 0; i < 2500; i++)
      lines.push(`批量${i},${idOf(1000 + i)},,${grid},批量楼${i % 25},1,${100 + Math.floor(i / 25)}`);
    const res = await uploadImport(
      t,
      s.communityStaff,
      "residents",
      Buffer.from(`\uFEFF${lines.join("\r\n")}`),
      "批量.csv",
      "text/csv",
    );
    expect(res.statusCode).toBe(202);
    expect(res.json()).toMatchObject({ status: "checking", kind: "residents", filename: "批量.csv" });
    const job = await settle(t, s.communityStaff, res.json().id);
    expect(job).toMatchObject({ status: "checked", rowsTotal: 2500, rowsChecked: 2500, errorCount: 0 });
    const done = await confirmed(t, s.communityStaff, job.id);
    expect(done).toMatchObject({
      status: "done",
      rowsWritten: 2500,
      summary: { created: 2500, updated: 0, unchanged: 0 },
    });
    expect(await residentsTotal()).toBe(before + 2500);

    // Confirmed once: a second confirmation is a conflict naming the status.
    const twice = await t.as("communityStaff").post(`/api/v1/imports/${job.id}/confirm`);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error).toMatchObject({ code: "ILLEGAL_TRANSITION", details: { status: "done" } });
  });

  it("writes nothing when the data changed between check and confirmation", async () => {
    const before = await residentsTotal();
    const rows = [
      ["姓名", "身份证号", "所属网格", "楼栋", "门牌号"],
      ["先查后变", idOf(9001), grid, "变化楼", "1"],
      ["同批无辜", idOf(9002), grid, "变化楼", "2"],
    ];
    const job = await checked(t, s.communityStaff, "residents", await workbook(rows));
    expect(job.status).toBe("checked");
    // Meanwhile the district registers the first of them in another community.
    const elsewhere = await checked(
      t,
      s.districtAdmin,
      "residents",
      await workbook([rows[0] as unknown[], ["先查后变", idOf(9001), foreignGrid, "他处楼", "1"]]),
    );
    expect((await confirmed(t, s.districtAdmin, elsewhere.id)).status).toBe("done");
    const after = await confirmed(t, s.communityStaff, job.id);
    expect(after).toMatchObject({ status: "failed", rowsWritten: 0 });
    expect(after.message).toContain("检查之后数据已有变化");
    expect(onDisk(t, (await jobFiles(t, job.id)).fileId)).toBe(false);
    expect(await residentsTotal()).toBe(before + 1);
    const innocent = (await t.as("districtAdmin").get(`/api/v1/people/residents?q=${idOf(9002)}`)).json();
    expect(innocent.total).toBe(0);
  });
});

describe("personal data at rest", () => {
  const HEADER = ["姓名", "身份证号", "手机号", "所属网格", "楼栋", "门牌号"];
  /** A CSV, so that an ID number stored in clear would be plain to see in the bytes. */
  const upload = async (rows: string[][]) => {
    const csv = Buffer.from(`\uFEFF${[HEADER, ...rows].map((r) => r.join(",")).join("\r\n")}`);
    const res = await uploadImport(t, s.communityStaff, "residents", csv, "名单.csv", "text/csv");
    expect(res.statusCode).toBe(202);
    return settle(t, s.communityStaff, res.json().id);
  };
  const DAY_AND_HOUR = 25 * 3600_000;
  const backdate = (id: string) => {
    const at = new Date(Date.now() - DAY_AND_HOUR);
    return t.database.db
      .update(importJobs)
      .set({ createdAt: at, updatedAt: at })
      .where(eq(importJobs.id, id));
  };
  const sweep = () =>
    sweepImports({ db: t.database.db, vault: t.pii, dataDir: t.dataDir, importers: IMPORTERS });

  it("stores the upload sealed, imports it all the same, and deletes it once written", async () => {
    const id = idOf(7001);
    const job = await upload([["封存", id, "", grid, "封存楼", "1"]]);
    expect(job.status).toBe("checked");
    const { fileId } = await jobFiles(t, job.id);
    expect(onDisk(t, fileId)).toBe(true);
    expect(await filesShowing(t, id)).toEqual([]);
    expect(await confirmed(t, s.communityStaff, job.id)).toMatchObject({
      status: "done",
      summary: { created: 1 },
    });
    expect((await t.as("districtAdmin").get(`/api/v1/people/residents?q=${id}`)).json().total).toBe(1);
    expect(onDisk(t, fileId)).toBe(false);
  });

  it("drops a rejected upload at once; its sealed report is for the uploader alone, for a day", async () => {
    const id = idOf(7002);
    const job = await upload([["报告", id, "12345", grid, "报告楼", "1"]]);
    expect(job).toMatchObject({ status: "rejected", hasReport: true });
    const { fileId, reportFileId } = await jobFiles(t, job.id);
    expect(onDisk(t, fileId)).toBe(false);
    expect(onDisk(t, reportFileId)).toBe(true);
    expect(await filesShowing(t, id)).toEqual([]);

    const report = await t.as("communityStaff").get(`/api/v1/imports/${job.id}/report.xlsx`);
    expect(report.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(report.rawPayload as unknown as ArrayBuffer);
    const cells: string[] = [];
    wb.worksheets[0]?.eachRow((row) => row.eachCell((cell) => cells.push(cell.text)));
    expect(cells).toContain(id);
    expect(cells.some((c) => c.includes("手机号码无效"))).toBe(true);
    // Staff above him see the job, not the numbers he sent.
    expect((await t.as("streetStaff").get(`/api/v1/imports/${job.id}`)).statusCode).toBe(200);
    const theirs = await t.as("streetStaff").get(`/api/v1/imports/${job.id}/report.xlsx`);
    expect(theirs.statusCode).toBe(403);

    await backdate(job.id);
    await sweep();
    expect(onDisk(t, reportFileId)).toBe(false);
    expect((await t.as("communityStaff").get(`/api/v1/imports/${job.id}`)).json()).toMatchObject({
      status: "rejected",
      hasReport: false,
      errorCount: 1,
    });
    expect((await t.as("communityStaff").get(`/api/v1/imports/${job.id}/report.xlsx`)).statusCode).toBe(404);
  });

  it("expires a file left unconfirmed for a day and clears temporary files a crash left", async () => {
    const old = await upload([["过期", idOf(7003), "", grid, "过期楼", "1"]]);
    const fresh = await upload([["新近", idOf(7004), "", grid, "过期楼", "2"]]);
    expect([old.status, fresh.status]).toEqual(["checked", "checked"]);
    const [oldFile, freshFile] = [(await jobFiles(t, old.id)).fileId, (await jobFiles(t, fresh.id)).fileId];
    const tmp = join(t.dataDir, "files", ".tmp");
    mkdirSync(tmp, { recursive: true });
    const [crashed, arriving] = [join(tmp, "crashed-upload"), join(tmp, "arriving-upload")];
    writeFileSync(crashed, `${idOf(7005)}\n`);
    writeFileSync(arriving, "still arriving");
    const dayAgo = new Date(Date.now() - DAY_AND_HOUR);
    utimesSync(crashed, dayAgo, dayAgo);
    await backdate(old.id);

    await sweep();
    expect((await t.as("communityStaff").get(`/api/v1/imports/${old.id}`)).json()).toMatchObject({
      status: "expired",
      canConfirm: false,
      message: expect.stringContaining("24 小时"),
    });
    expect(onDisk(t, oldFile)).toBe(false);
    const late = await t.as("communityStaff").post(`/api/v1/imports/${old.id}/confirm`);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.details.status).toBe("expired");
    expect([existsSync(crashed), existsSync(arriving)]).toEqual([false, true]);
    // What is not a day old stays, and imports.
    expect(onDisk(t, freshFile)).toBe(true);
    expect((await confirmed(t, s.communityStaff, fresh.id)).status).toBe("done");
    expect(onDisk(t, freshFile)).toBe(false);
  });
});
