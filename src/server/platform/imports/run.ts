import { type Permission, type Principal, scopePaths } from "../auth/index.ts";
import type { Executor } from "../db/index.ts";
import { unprocessable } from "../errors.ts";
import type { PiiVault } from "../pii/index.ts";
import { openSheet, readCell } from "../xlsx/index.ts";
import type { AnyGeoJsonImporter, AnySheetImporter, Importer, SheetRecord } from "./registry.ts";
import { parseFeatures, type Source, sheetSpecOf } from "./source.ts";
import type { RowProblem } from "./tables.ts";

/** Rows checked per chunk: the importers' lookups go to the database once per chunk, not per row. */
export const CHUNK_ROWS = 1000;
/** More than this in one file is refused (10 MB of sheet is about 100,000 rows anyway). */
export const MAX_ROWS = 100_000;

export interface PassContext {
  executor: Executor;
  principal: Principal;
  vault: PiiVault;
}

export interface PassOptions {
  /** Keep the rows fit to write (the write pass); the check pass only counts them. */
  keep: boolean;
  /** About how many rows there are, before they are read. */
  onEstimate?: (rows: number) => Promise<void>;
  /** After every chunk: rows checked so far. */
  onProgress?: (checked: number) => Promise<void>;
  /** Keep the records read (pass.read), for a write that follows in this process. */
  keepRecords?: boolean;
  /** Records kept by an earlier pass over the same file, read instead of the file. */
  from?: ReadSheet;
}

/** A sheet's data rows as read, with what is needed to report on them. */
export interface ReadSheet {
  headerRow: number;
  titles: Partial<Record<string, string>>;
  records: SheetRecord<string>[];
}

export interface Pass {
  rows: unknown[];
  total: number;
  problems: RowProblem[];
  /** The sheet's header row (the report copies the rows below it). */
  headerRow?: number;
  read?: ReadSheet;
}

const EMPTY_VALUE = "必填项为空";

function coverage(principal: Principal, permission: Permission) {
  const paths = scopePaths(principal, permission);
  return (path: string) => paths.some((p) => path.startsWith(p));
}

/**
 * One pass of an importer's checker over a file, in chunks and in file order. Values the reader
 * could not trust and empty required values are reported here; the rest is the importer's to check.
 */
export async function runPass(importer: Importer, source: Source, ctx: PassContext, opts: PassOptions) {
  const pass: Pass = { rows: [], total: 0, problems: [] };
  if (importer.source === "sheet" && source.kind === "sheet")
    await sheetPass(importer, source, ctx, opts, pass);
  else if (importer.source === "geojson" && source.kind === "geojson")
    await featurePass(importer, source, ctx, opts, pass);
  else
    throw unprocessable("WRONG_FILE_KIND", {
      label: importer.label,
    });
  pass.problems.sort((a, b) => a.row - b.row);
  return pass;
}

async function sheetPass(
  importer: AnySheetImporter,
  source: Extract<Source, { kind: "sheet" }>,
  ctx: PassContext,
  opts: PassOptions,
  pass: Pass,
) {
  const sheet = opts.from
    ? reread(opts.from)
    : await openSheet(source.bytes, source.format, sheetSpecOf(importer));
  pass.headerRow = sheet.headerRow;
  const kept: SheetRecord<string>[] = [];
  if (opts.keepRecords) pass.read = { headerRow: sheet.headerRow, titles: sheet.titles, records: kept };
  await opts.onEstimate?.(sheet.estimate);
  const headerOf = new Map(importer.columns.map((c) => [c.field, c.header]));
  const problem = (row: number, field: string | undefined, reason: string) => {
    const column = field === undefined ? undefined : (sheet.titles[field] ?? headerOf.get(field) ?? field);
    pass.problems.push(column === undefined ? { row, reason } : { row, column, reason });
  };
  const checker = importer.checker({ ...ctx, problem, covers: coverage(ctx.principal, importer.permission) });
  const example = exampleKey(importer);
  const required = importer.columns.filter((c) => c.required);
  let chunk: SheetRecord<string>[] = [];
  const flush = async () => {
    const fit = await checker.check(chunk);
    if (opts.keep) pass.rows.push(...fit);
    chunk = [];
    await opts.onProgress?.(pass.total);
  };
  for await (const { row, record, issues } of sheet.rows) {
    // The template's example row, left in place, is not data.
    if (recordKey(record) === example) continue;
    if (++pass.total > MAX_ROWS) {
      await sheet.rows.return(undefined);
      throw unprocessable("TOO_MANY_ROWS", { max: MAX_ROWS });
    }
    let fit = true;
    for (const issue of issues ?? []) {
      problem(row, issue.field, issue.reason);
      fit = false;
    }
    for (const c of required) {
      if (record[c.field] || issues?.some((i) => i.field === c.field)) continue;
      problem(row, c.field, EMPTY_VALUE);
      fit = false;
    }
    if (fit) chunk.push({ row, values: record });
    if (opts.keepRecords) kept.push({ row, values: record });
    if (pass.total % CHUNK_ROWS === 0) await flush();
  }
  await flush();
}

/** Kept records in the shape of a sheet being read. */
function reread(read: ReadSheet) {
  return {
    headerRow: read.headerRow,
    titles: read.titles,
    estimate: read.records.length,
    rows: (async function* () {
      for (const { row, values } of read.records) yield { row, record: values, issues: undefined };
    })(),
  };
}

/** A record's values in a fixed order, whatever the order of the sheet's columns. */
const recordKey = (record: Record<string, string | undefined>) =>
  JSON.stringify(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));

/** The example row as the reader would give it back, to recognise it. */
function exampleKey(importer: AnySheetImporter): string {
  const record: Record<string, string> = {};
  for (const c of importer.columns) {
    const { text } = readCell(c.example, c.kind);
    if (text) record[c.field] = text;
  }
  return recordKey(record);
}

const FEATURE_COLUMNS = { code: "编码", geometry: "边界" } as const;

async function featurePass(
  importer: AnyGeoJsonImporter,
  source: Extract<Source, { kind: "geojson" }>,
  ctx: PassContext,
  opts: PassOptions,
  pass: Pass,
) {
  const features = parseFeatures(source.bytes);
  if (features.length > MAX_ROWS) throw unprocessable("TOO_MANY_ROWS", { max: MAX_ROWS });
  await opts.onEstimate?.(features.length);
  const checker = importer.checker({
    ...ctx,
    covers: coverage(ctx.principal, importer.permission),
    problem: (row, field, reason) =>
      pass.problems.push(field ? { row, column: FEATURE_COLUMNS[field], reason } : { row, reason }),
  });
  for (let i = 0; i < features.length; i += CHUNK_ROWS) {
    const chunk = features.slice(i, i + CHUNK_ROWS);
    const fit = await checker.check(chunk);
    if (opts.keep) pass.rows.push(...fit);
    pass.total += chunk.length;
    await opts.onProgress?.(pass.total);
  }
}
