import type { Writable } from "node:stream";
import ExcelJS from "exceljs";

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Excel's last row; a sheet cannot hold more (the header takes one). */
export const XLSX_MAX_ROWS = 1_048_575;

export type Cell = string | number | boolean | Date | null | undefined;

export interface Column<R> {
  header: string;
  /** In Excel's character widths; a Chinese character takes about two. */
  width: number;
  value: (row: R) => Cell;
  /**
   * A day ("2026-11-25" or a Date) or a moment (an ISO string or a Date), written as an Excel
   * date so it sorts and filters as one. Moments show China time: Excel dates have no zone.
   */
  format?: "date" | "datetime";
}

export interface Sheet<R> {
  /** The tab's name (Excel allows 31 characters). */
  name: string;
  columns: Column<R>[];
}

const CHINA_OFFSET_MS = 8 * 3_600_000;
/** How day and moment cells show. */
export const XLSX_FORMATS = { date: "yyyy-mm-dd", datetime: "yyyy-mm-dd hh:mm" } as const;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Excel refuses longer text in a cell. */
const MAX_CELL_TEXT = 32_767;

/** A value as exceljs takes it: days and moments as Excel dates (moments in China time), long text cut. */
export function cellOf(value: Cell, format: Column<unknown>["format"]): ExcelJS.CellValue {
  if (value === undefined || value === null || value === "") return null;
  if (format && (typeof value === "string" || value instanceof Date)) {
    const day = typeof value === "string" ? DAY.exec(value) : null;
    if (day) return new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3])));
    const at = value instanceof Date ? value : new Date(value);
    if (Number.isNaN(at.getTime())) return String(value);
    // exceljs writes a Date's UTC fields; shifted, they are the wall clock in China.
    return new Date(at.getTime() + (format === "datetime" ? CHINA_OFFSET_MS : 0));
  }
  if (typeof value === "string" && value.length > MAX_CELL_TEXT) return value.slice(0, MAX_CELL_TEXT);
  return value;
}

/** Resolves when `stream` takes more data again, or when it or `out` is closed (the client went away). */
function drained(stream: Writable, out: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off("drain", done).off("close", done);
      out.off("close", done);
      resolve();
    };
    stream.on("drain", done).on("close", done);
    out.on("close", done);
  });
}

/** A write was refused: Node's writableNeedDrain, which the readable-stream 2 copies inside exceljs lack. */
const full = (stream: Writable) =>
  stream.writableNeedDrain ??
  (stream as unknown as { _writableState?: { needDrain?: boolean } })._writableState?.needDrain ??
  false;

/**
 * The compressor taking the sheet's XML: exceljs (4.x, internals) writes into it without heeding
 * back-pressure, so what it has not compressed yet would pile up in memory; and compression runs
 * on libuv's thread pool, which a row source that never waits on I/O (PGlite answers in-process)
 * would not let run till the end. Waiting for it to drain keeps both in step.
 */
function compressorOf(worksheet: ExcelJS.Worksheet): Writable | undefined {
  return (worksheet as unknown as { _stream?: { pipes?: Writable[] } })._stream?.pipes?.[0];
}

/**
 * Writes one sheet to `out` as rows arrive, so no more than a page of them is ever held: exceljs's
 * streaming writer with inline strings (a shared-strings table would grow with the file). The
 * header row is bold, frozen and filterable. exceljs does not pass back-pressure on, so this waits
 * whenever `out` or the compressor is full. Stops early, without finishing the file, when `out` is
 * destroyed (a download cancelled).
 */
export async function writeXlsx<R>(out: Writable, sheet: Sheet<R>, rows: AsyncIterable<R>): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const worksheet = workbook.addWorksheet(sheet.name.slice(0, 31), {
    views: [{ state: "frozen", ySplit: 1 }],
  });
  worksheet.columns = sheet.columns.map((c, i) => ({
    key: String(i),
    header: c.header,
    width: c.width,
    ...(c.format ? { style: { numFmt: XLSX_FORMATS[c.format] } } : {}),
  }));
  const header = worksheet.getRow(1);
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF0F0F0" } };
  });
  header.commit();
  worksheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
  for await (const row of rows) {
    if (out.destroyed) return;
    worksheet.addRow(sheet.columns.map((c) => cellOf(c.value(row), c.format))).commit();
    const compressor = compressorOf(worksheet);
    if (full(out)) await drained(out, out);
    else if (compressor && full(compressor)) await drained(compressor, out);
  }
  if (out.destroyed) return;
  worksheet.commit();
  await workbook.commit();
}

/**
 * Content-Disposition for a download: an ASCII name for old clients and the real one in UTF-8
 * (RFC 5987/6266), e.g. `attachment; filename="residents-20261125.xlsx"; filename*=UTF-8''%E5%B1%85…`.
 */
export function attachment(name: string, asciiName: string): string {
  const encoded = encodeURIComponent(name).replace(
    /['()*!]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  const ascii = asciiName.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** "20261125": the day in China, for file names. */
export function chinaDay(now = new Date()): string {
  return new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10).replaceAll("-", "");
}
