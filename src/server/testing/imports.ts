import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { importJobs } from "../platform/imports/index.ts";
import { idNumberCheckChar } from "../platform/pii/index.ts";
import type { TestApp, Who } from "./harness.ts";

/** Helpers for the import tests: upload a file, follow its job, build sheets with exceljs. */

export interface JobView {
  id: string;
  kind: string;
  status: string;
  rowsTotal: number;
  rowsChecked: number;
  rowsWritten: number;
  errorCount: number;
  problems: Array<{ row: number; column?: string; reason: string }>;
  hasReport: boolean;
  summary: Record<string, number>;
  message: string | null;
  canConfirm: boolean;
}

export function uploadImport(
  t: TestApp,
  who: Who,
  kind: string,
  bytes: Buffer,
  filename = "import.xlsx",
  type = "application/octet-stream",
) {
  const form = new FormData();
  form.append("kind", kind);
  form.append("file", new Blob([new Uint8Array(bytes)], { type }), filename);
  return t.as(who).post("/api/v1/imports", form);
}

const SETTLED = new Set(["checked", "rejected", "done", "failed", "expired"]);

/** Polls the job as the page does until it settles (checked, rejected, done or failed). */
export async function settle(t: TestApp, who: Who, id: string): Promise<JobView> {
  for (let waited = 0; waited < 120_000; waited += 200) {
    const res = await t.as(who).get(`/api/v1/imports/${id}`);
    if (res.statusCode !== 200) throw new Error(`GET import ${id}: ${res.statusCode} ${res.body}`);
    const job = res.json() as JobView;
    if (SETTLED.has(job.status)) return job;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`import ${id} did not settle`);
}

/** Uploads and waits for the check. */
export async function checked(
  t: TestApp,
  who: Who,
  kind: string,
  bytes: Buffer,
  filename?: string,
): Promise<JobView> {
  const res = await uploadImport(t, who, kind, bytes, filename);
  if (res.statusCode !== 202) throw new Error(`upload ${kind}: ${res.statusCode} ${res.body}`);
  return settle(t, who, res.json().id);
}

/** Confirms a checked job and waits for the write. */
export async function confirmed(t: TestApp, who: Who, id: string): Promise<JobView> {
  const res = await t.as(who).post(`/api/v1/imports/${id}/confirm`);
  if (res.statusCode !== 202) throw new Error(`confirm ${id}: ${res.statusCode} ${res.body}`);
  return settle(t, who, id);
}

/** A one-sheet workbook from rows of cells (a row may be empty), with the sheet handed to `shape` first. */
export async function workbook(
  rows: unknown[][],
  shape?: (sheet: ExcelJS.Worksheet) => void,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet("Sheet1");
  for (const r of rows) sheet.addRow(r);
  shape?.(sheet);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A valid 身份证 number from its first 17 digits (the check character computed). */
export const idNumber = (first17: string): string => `${first17}${idNumberCheckChar(first17)}`;

/** The ids of a job's stored files, as its row names them. */
export async function jobFiles(t: TestApp, id: string) {
  const [row] = await t.database.db
    .select({ fileId: importJobs.fileId, reportFileId: importJobs.reportFileId })
    .from(importJobs)
    .where(eq(importJobs.id, id));
  if (!row) throw new Error(`no import job ${id}`);
  return row;
}

/** Whether a stored file's bytes are on disk under DATA_DIR/files. */
export const onDisk = (t: TestApp, fileId: string | null) =>
  fileId !== null && existsSync(join(t.dataDir, "files", fileId.slice(0, 2), fileId));

/**
 * The files anywhere under DATA_DIR/files (temporary ones too) that show `text` to whoever reads
 * the disk: in their bytes, or in a cell once unzipped as a workbook.
 */
export async function filesShowing(t: TestApp, text: string): Promise<string[]> {
  const root = join(t.dataDir, "files");
  if (!existsSync(root)) return [];
  const paths = readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
  const found: string[] = [];
  for (const path of paths) {
    const bytes = readFileSync(path);
    if (
      bytes.includes(text) ||
      (bytes.subarray(0, 2).toString() === "PK" && (await cellsOf(bytes)).includes(text))
    )
      found.push(path);
  }
  return found;
}

/** Every cell's text in every sheet of an .xlsx. */
export async function xlsxCellSet(bytes: Buffer): Promise<Set<string>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const cells = new Set<string>();
  for (const sheet of wb.worksheets)
    sheet.eachRow((row) => row.eachCell((cell) => void cells.add(cell.text)));
  return cells;
}

const cellsOf = async (bytes: Buffer) => [...(await xlsxCellSet(bytes))].join("\n");
