import { parse as parseCsv } from "csv-parse/sync";
import { AppError, unprocessable } from "../errors.ts";
import { type CellKind, cleanText, displayText, readCell } from "./cells.ts";
import { type MergedRange, type SheetLayout, sheetLayout } from "./layout.ts";
import { openWorkbook, sheetRows, type Workbook } from "./sheet-reader.ts";

export type SheetFormat = "xlsx" | "csv";

/** The title rows an export may have above its header row. */
const HEADER_SEARCH_ROWS = 10;
const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** xlsx by its ZIP signature; csv by name or declared type, and only if it looks like text. */
export function sheetFormat(head: Buffer, filename: string, mimetype: string): SheetFormat | null {
  if (head.subarray(0, 4).equals(ZIP_SIGNATURE)) return "xlsx";
  const named = /\.csv$/i.test(filename) || /^text\/(csv|comma-separated-values)/i.test(mimetype);
  return named && !head.subarray(0, 8192).includes(0) ? "csv" : null;
}

/** A row as the sheet has it: its number as a spreadsheet program shows it, and its cell values. */
export interface RawRow {
  row: number;
  cells: unknown[];
}

/** Every non-empty row of the first worksheet (or the CSV), merged cells filled into each row they cover. */
export async function* rawRows(bytes: Buffer, format: SheetFormat, opened?: Opened): AsyncGenerator<RawRow> {
  if (format === "csv") {
    yield* csvRows(bytes);
    return;
  }
  const { workbook, layout } = opened ?? (await openXlsx(bytes));
  const fill = new MergeFill(layout.merges);
  const rows = sheetRows(workbook);
  for (;;) {
    let next: IteratorResult<RawRow>;
    try {
      next = await rows.next();
    } catch (err) {
      throw unreadable(err);
    }
    if (next.done) return;
    yield { row: next.value.row, cells: fill.apply(next.value.row, next.value.cells) };
  }
}

/** A reader's failure as the uploader's problem; a refusal of our own (too large unpacked) as it is. */
const unreadable = (err: unknown) =>
  err instanceof AppError
    ? err
    : unprocessable("UNREADABLE_SPREADSHEET", {
        reason: (err as Error).message,
      });

interface Opened {
  workbook: Workbook;
  layout: SheetLayout;
}

async function openXlsx(bytes: Buffer): Promise<Opened> {
  try {
    const workbook = await openWorkbook(bytes);
    return { workbook, layout: await sheetLayout(bytes, workbook.sheet) };
  } catch (err) {
    throw unreadable(err);
  }
}

/**
 * Fills a merged range's value (its top-left cell) into every cell of the range, row by row as the
 * rows stream past: a 楼栋 merged down over a household's members belongs to each of them.
 */
class MergeFill {
  private readonly waiting: MergedRange[];
  private active: Array<{ range: MergedRange; value: unknown }> = [];

  constructor(merges: MergedRange[]) {
    this.waiting = merges.filter((m) => m.bottom > m.top || m.right > m.left).sort((a, b) => b.top - a.top);
  }

  apply(rowNumber: number, cells: unknown[]): unknown[] {
    this.active = this.active.filter((a) => a.range.bottom >= rowNumber);
    for (let next = this.waiting.at(-1); next && next.top <= rowNumber; next = this.waiting.at(-1)) {
      this.waiting.pop();
      // A range whose first row was empty (and so never came) has nothing to fill in.
      if (next.top === rowNumber) this.active.push({ range: next, value: cells[next.left - 1] });
    }
    for (const { range, value } of this.active) {
      if (value === undefined || value === null) continue;
      for (let c = range.left; c <= range.right; c++) {
        if (cells[c - 1] === undefined || cells[c - 1] === null || cells[c - 1] === "") cells[c - 1] = value;
      }
    }
    return cells;
  }
}

/** UTF-8 (with or without BOM), else GB18030: what Excel on a Chinese Windows saves as CSV. */
function* csvRows(bytes: Buffer): Generator<RawRow> {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder("gb18030").decode(bytes);
  }
  let records: string[][];
  try {
    records = parseCsv(text, {
      bom: true,
      delimiter: [",", "\t"],
      relax_column_count: true,
      relax_quotes: true,
    });
  } catch (err) {
    throw unprocessable("MALFORMED_CSV", { reason: (err as Error).message });
  }
  for (let i = 0; i < records.length; i++) {
    const cells = records[i] ?? [];
    if (cells.some((c) => c.trim() !== "")) yield { row: i + 1, cells };
  }
}

/** How a field's column is recognised and read: its header (first the template's) and synonyms. */
export interface FieldSpec {
  headers: readonly string[];
  kind?: CellKind;
}

export interface SheetSpec<F extends string> {
  fields: Record<F, FieldSpec>;
  /** Columns the header row must have. */
  required?: readonly F[];
}

/** A data row: its number in the sheet, its values by field, and values that could not be trusted. */
export interface SheetRow<F extends string> {
  row: number;
  record: Partial<Record<F, string>>;
  issues?: Array<{ field: F; reason: string }>;
}

export interface OpenedSheet<F extends string> {
  headerRow: number;
  /** Each field's header as written in this file, for messages that point at a column. */
  titles: Partial<Record<F, string>>;
  /** About how many data rows follow (for progress), known before they are read. */
  estimate: number;
  rows: AsyncGenerator<SheetRow<F>>;
}

/** Full-width letters and spaces folded, spaces, "*" required-marks and "(必填)" hints dropped. */
export const headerKey = (text: string) =>
  text
    .normalize("NFKC")
    .replace(/\(.*?\)|\[.*?\]/g, "")
    .replace(/[\s*:：]/g, "")
    .toLowerCase();

/**
 * Opens a sheet for reading by field: finds the header row among the first ten (title rows above
 * it are skipped), maps its columns in any order by header or synonym, and then streams the data
 * rows, empty ones skipped, each value read as its field's kind.
 */
export async function openSheet<F extends string>(
  bytes: Buffer,
  format: SheetFormat,
  spec: SheetSpec<F>,
): Promise<OpenedSheet<F>> {
  const fields = Object.keys(spec.fields) as F[];
  const byHeader = new Map<string, F>();
  for (const field of fields) {
    byHeader.set(headerKey(field), field);
    for (const h of spec.fields[field].headers) byHeader.set(headerKey(h), field);
  }
  const fieldOf = (cell: unknown) => byHeader.get(headerKey(displayText(cell)));

  const opened = format === "xlsx" ? await openXlsx(bytes) : undefined;
  const estimate = opened ? opened.layout.rows : lineCount(bytes);
  const source = rawRows(bytes, format, opened);
  const top: RawRow[] = [];
  let header: RawRow | undefined;
  // A header names at least three known columns (or all of them, for a sheet of fewer).
  const enough = Math.min(3, fields.length);
  while (!header && top.length < HEADER_SEARCH_ROWS) {
    const next = await source.next();
    if (next.done) break;
    const known = new Set(next.value.cells.map(fieldOf).filter(Boolean));
    if (known.size >= enough) header = next.value;
    else top.push(next.value);
  }
  if (!header) {
    await source.return(undefined);
    const expected = fields.map((f) => spec.fields[f].headers[0] ?? f);
    throw unprocessable("HEADER_NOT_FOUND", { expected, first: expected.slice(0, 3) });
  }
  const columns = new Map<number, F>();
  const titles: Partial<Record<F, string>> = {};
  header.cells.forEach((cell, i) => {
    const field = fieldOf(cell);
    // The first column of a field wins: "电话" after "联系电话" is a second number, not a replacement.
    if (field && titles[field] === undefined) {
      columns.set(i, field);
      // As written, less the required mark: the column a reader looks for in his sheet.
      titles[field] = cleanText(displayText(cell)).replace(/^[*＊]\s*/, "");
    }
  });
  const missing = (spec.required ?? []).filter((f) => titles[f] === undefined);
  if (missing.length > 0) {
    await source.return(undefined);
    const names = missing.map((f) => spec.fields[f].headers[0] ?? f);
    throw unprocessable("MISSING_COLUMNS", { missing: names });
  }
  const headerRow = header.row;
  async function* rows(): AsyncGenerator<SheetRow<F>> {
    for await (const raw of source) {
      const record: Partial<Record<F, string>> = {};
      const issues: NonNullable<SheetRow<F>["issues"]> = [];
      for (const [i, field] of columns) {
        const cell = readCell(raw.cells[i], spec.fields[field].kind);
        if (cell.text) record[field] = cell.text;
        if (cell.issue) issues.push({ field, reason: cell.issue });
      }
      if (Object.keys(record).length === 0) continue;
      yield issues.length > 0 ? { row: raw.row, record, issues } : { row: raw.row, record };
    }
  }
  return { headerRow, titles, estimate: Math.max(0, estimate - headerRow), rows: rows() };
}

function lineCount(bytes: Buffer): number {
  let n = 1;
  for (let i = bytes.indexOf(10); i >= 0; i = bytes.indexOf(10, i + 1)) n++;
  return n;
}

/** A request whose file is not a spreadsheet: 415 with its own code (UNSUPPORTED_FILE_TYPE names photos). */
export const notASpreadsheet = (filename: string) =>
  new AppError("UNSUPPORTED_SPREADSHEET", 415, {
    filename,
    accepted: [".xlsx", ".csv"],
  });
