import { Readable } from "node:stream";
import { parse as parseCsv } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { AppError, unprocessable } from "../../platform/errors.ts";
import type { HotlineField, HotlineRecord, NumberedRecord } from "./hotline.ts";

/** One import is one request: beyond this a file is split (each row is its own transaction). */
export const MAX_IMPORT_ROWS = 1000;
/** The title rows a centre's export may have above its header row. */
const HEADER_SEARCH_ROWS = 10;

/** The headers as 12345 centres write them, first the one the template uses. */
const HEADERS: Record<HotlineField, string[]> = {
  recordId: ["工单编号", "工单号", "工单编码", "工单流水号", "受理编号", "受理单号", "编号", "流水号"],
  calledAt: ["来电时间", "来电日期", "受理时间", "登记时间", "创建时间"],
  callerName: ["来电人", "来电人姓名", "诉求人", "反映人", "联系人", "姓名", "来电者"],
  callerPhone: [
    "联系电话",
    "来电号码",
    "来电电话",
    "联系号码",
    "联系方式",
    "电话",
    "手机",
    "手机号",
    "手机号码",
  ],
  requestType: ["诉求类型", "工单类型", "来电类型", "业务类型", "类型"],
  category: ["诉求分类", "诉求类别", "问题分类", "问题类型", "事项分类", "分类"],
  content: ["诉求内容", "来电内容", "反映内容", "工单内容", "问题描述", "诉求描述", "内容"],
  address: ["事发地址", "事发地点", "发生地址", "问题地址", "诉求地址", "地址"],
  handlingUnit: ["承办单位", "办理单位", "责任单位", "承办部门", "处置单位"],
  deadline: ["办理时限", "办结时限", "处理时限", "时限", "截止时间"],
  urgency: ["紧急程度", "紧急度", "缓急程度", "是否紧急"],
  followUp: ["是否回访", "需要回访", "回访"],
};
const FIELDS = Object.keys(HEADERS) as HotlineField[];

/** Full-width letters and spaces folded, spaces, "*" required-marks and "(必填)" hints dropped. */
const headerKey = (text: string) =>
  text
    .normalize("NFKC")
    .replace(/\(.*?\)|\[.*?\]/g, "")
    .replace(/[\s*:：]/g, "")
    .toLowerCase();

const FIELD_BY_HEADER = new Map<string, HotlineField>();
for (const field of FIELDS) {
  FIELD_BY_HEADER.set(field.toLowerCase(), field);
  for (const h of HEADERS[field]) FIELD_BY_HEADER.set(headerKey(h), field);
}

export type SheetKind = "xlsx" | "csv";

/** xlsx by its ZIP signature; csv by name or declared type, and only if it looks like text. */
export function sheetKind(bytes: Buffer, filename: string, mimetype: string): SheetKind | null {
  if (bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return "xlsx";
  const named = /\.csv$/i.test(filename) || /^text\/(csv|comma-separated-values)/i.test(mimetype);
  return named && !bytes.subarray(0, 8192).includes(0) ? "csv" : null;
}

export async function readSheet(bytes: Buffer, kind: SheetKind): Promise<NumberedRecord[]> {
  const rows = kind === "xlsx" ? await xlsxRows(bytes) : csvRows(bytes);
  return toRecords(rows);
}

interface RawRow {
  /** The row number as a spreadsheet program shows it. */
  n: number;
  cells: unknown[];
}

/** Streamed, and stopped once enough rows are read: a 10 MB workbook in memory would take gigabytes. */
async function xlsxRows(bytes: Buffer): Promise<RawRow[]> {
  const out: RawRow[] = [];
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(bytes), {
      sharedStrings: "cache",
      styles: "cache",
      hyperlinks: "ignore",
      worksheets: "emit",
      entries: "ignore",
    });
    for await (const sheet of reader) {
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        if (!row.hasValues) continue;
        out.push({ n: row.number, cells: (row.values as unknown[]).slice(1) });
        // Enough to tell "too many rows" from the rest; the remainder is never read.
        if (out.length > HEADER_SEARCH_ROWS + MAX_IMPORT_ROWS) break;
      }
      break; // the first worksheet only
    }
  } catch (err) {
    throw unprocessable("UNREADABLE_SPREADSHEET", "无法读取该 .xlsx 文件，请用 Excel 或 WPS 重新另存后上传", {
      reason: (err as Error).message,
    });
  }
  return out;
}

/** UTF-8 (with or without BOM), else GB18030: what Excel on a Chinese Windows saves as CSV. */
function csvRows(bytes: Buffer): RawRow[] {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder("gb18030").decode(bytes);
  }
  try {
    const records: string[][] = parseCsv(text, {
      bom: true,
      delimiter: [",", "\t"],
      relax_column_count: true,
      relax_quotes: true,
    });
    return records.map((cells, i) => ({ n: i + 1, cells }));
  } catch (err) {
    throw unprocessable("MALFORMED_CSV", `CSV 文件格式有误：${(err as Error).message}`);
  }
}

/** The header row is the first of the top rows naming at least three known columns. */
function toRecords(rows: RawRow[]): NumberedRecord[] {
  const known = (r: RawRow) => new Set(r.cells.map((c) => FIELD_BY_HEADER.get(headerKey(cellText(c)))));
  const headerAt = rows
    .slice(0, HEADER_SEARCH_ROWS)
    .findIndex((r) => [...known(r)].filter(Boolean).length >= 3);
  if (headerAt < 0)
    throw unprocessable("HEADER_NOT_FOUND", "找不到表头行：前 10 行中没有“工单编号、诉求内容”等列名", {
      expected: FIELDS.map((f) => HEADERS[f][0]),
    });
  const columns = new Map<number, HotlineField>();
  (rows[headerAt]?.cells ?? []).forEach((c, i) => {
    const field = FIELD_BY_HEADER.get(headerKey(cellText(c)));
    // The first column of a field wins: "电话" after "联系电话" is a second number, not a replacement.
    if (field && ![...columns.values()].includes(field)) columns.set(i, field);
  });
  const missing = (["recordId", "content"] as const).filter((f) => ![...columns.values()].includes(f));
  if (missing.length > 0)
    throw unprocessable("MISSING_COLUMNS", `缺少必需的列：${missing.map((f) => HEADERS[f][0]).join("、")}`, {
      missing: missing.map((f) => HEADERS[f][0]),
    });
  const out: NumberedRecord[] = [];
  for (const raw of rows.slice(headerAt + 1)) {
    const record: HotlineRecord = {};
    for (const [i, field] of columns) {
      const text = cellText(raw.cells[i], field === "calledAt" || field === "deadline").trim();
      if (text) record[field] = text;
    }
    if (Object.keys(record).length === 0) continue;
    if (out.length === MAX_IMPORT_ROWS)
      throw unprocessable("TOO_MANY_ROWS", `一次最多导入 ${MAX_IMPORT_ROWS} 条工单，请拆分文件`, {
        max: MAX_IMPORT_ROWS,
      });
    out.push({ row: raw.n, record });
  }
  return out;
}

const pad = (n: number) => String(n).padStart(2, "0");
/** Excel keeps wall-clock time: a cell's Date carries it in its UTC fields. */
const wallClock = (d: Date) =>
  `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
/** Days since 1899-12-30 (Excel's serial dates), for date cells saved without a date format. */
const fromSerial = (serial: number) => new Date(Math.round((serial - 25_569) * 86_400) * 1000);

function cellText(value: unknown, dateColumn = false): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : wallClock(value);
  if (typeof value === "number") {
    if (dateColumn && value > 20_000 && value < 80_000) return wallClock(fromSerial(value));
    return Number.isInteger(value) ? value.toFixed(0) : String(value);
  }
  if (typeof value === "boolean") return value ? "是" : "否";
  if (typeof value === "string") return value;
  if (typeof value === "object") {
    const v = value as { richText?: Array<{ text: string }>; text?: unknown; result?: unknown };
    if (v.richText) return v.richText.map((r) => r.text).join("");
    if (v.text !== undefined) return cellText(v.text, dateColumn);
    if (v.result !== undefined) return cellText(v.result, dateColumn);
  }
  return "";
}

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const EXAMPLE: Record<HotlineField, string> = {
  recordId: "示例-0001",
  calledAt: "2026-11-20 09:30",
  callerName: "王先生",
  callerPhone: "13900000000",
  requestType: "投诉",
  category: "城市管理",
  content: "小区门口有流动摊贩占道经营，影响通行",
  address: "某某街道某某社区幸福路12号",
  handlingUnit: "某某社区居委会",
  deadline: "3个工作日",
  urgency: "一般",
  followUp: "是",
};

const NOTES: Array<[HotlineField, string]> = [
  ["recordId", "必填。热线中心的工单编号；同一编号再次导入不会重复登记"],
  ["calledAt", "如 2026-11-20 09:30，或 Excel 日期"],
  ["callerPhone", "手机或固定电话；不填视为匿名来电"],
  ["requestType", "咨询 / 求助 / 投诉 / 举报 / 建议"],
  ["content", "必填"],
  ["address", "能对应到住户或社区的地址，用于分派到网格"],
  ["handlingUnit", "写明社区或街道名称时，按其分派"],
  ["urgency", "一般 / 紧急"],
  ["followUp", "是 / 否"],
];

/** The import template: the Chinese headers, one example row, and a sheet explaining the values. */
export async function templateWorkbook(categoryNames: string[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet("工单");
  sheet.columns = FIELDS.map((f) => ({ header: HEADERS[f][0], key: f, width: f === "content" ? 40 : 16 }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRow(EXAMPLE);
  const help = wb.addWorksheet("填写说明");
  help.columns = [
    { header: "列名", width: 14 },
    { header: "说明", width: 70 },
  ];
  help.getRow(1).font = { bold: true };
  for (const [field, note] of NOTES) help.addRow([HEADERS[field][0], note]);
  help.addRow([HEADERS.category[0], `可填：${categoryNames.join(" / ")}`]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A request that is not a spreadsheet: 415 with its own code (UNSUPPORTED_FILE_TYPE names photos). */
export const notASpreadsheet = (filename: string) =>
  new AppError(
    "UNSUPPORTED_SPREADSHEET",
    415,
    "请上传 .xlsx 或 .csv 格式的工单表格（旧版 .xls 请另存为 .xlsx）",
    {
      filename,
      accepted: [".xlsx", ".csv"],
    },
  );
