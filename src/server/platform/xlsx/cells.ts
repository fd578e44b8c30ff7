/**
 * Cell values as people type them into Excel or WPS, turned into plain text per kind of column.
 * A value that cannot be trusted (an ID number Excel rounded, a date nobody can read) comes back
 * with the reason, so the row can be reported instead of imported wrong.
 */

/** text: words and codes; idNumber: 身份证 numbers; date: YYYY-MM-DD; dateTime: wall-clock text, parsed by the caller. */
export type CellKind = "text" | "idNumber" | "date" | "dateTime";

export type CellResult = { text: string; issue?: undefined } | { text: string; issue: string };

export const ID_DIGITS_LOST = "身份证号被存成了数字，末几位已丢失，请将该列设为文本格式后重新填写";

/** Full-width digits and Latin letters (０-９, Ａ-Ｚ, ａ-ｚ) as ASCII; Chinese punctuation stays as written. */
export const foldWidth = (s: string): string =>
  s.replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) =>
    String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );

/** Folded and trimmed (String.prototype.trim also removes the ideographic space U+3000). */
export const cleanText = (s: string): string => foldWidth(s).trim();

const pad = (n: number) => String(n).padStart(2, "0");
const ymd = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
/** Excel keeps wall-clock time: a cell's Date carries it in its UTC fields. */
const dayOf = (d: Date) => ymd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
const wallClock = (d: Date) =>
  `${dayOf(d)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
const hasTime = (d: Date) => d.getUTCHours() + d.getUTCMinutes() + d.getUTCSeconds() > 0;
/** Days since 1899-12-30 (Excel's serial dates), for date cells saved without a date format. */
const fromSerial = (serial: number) => new Date(Math.round((serial - 25_569) * 86_400) * 1000);
/** Serials of 1954-10-03 … 2119-01-01: what a date column plausibly holds, not a phone number. */
const isSerial = (n: number) => n > 20_000 && n < 80_000;

/** The value of an exceljs cell (or a CSV string) without its wrapping: text, number, Date, boolean. */
export function plainValue(value: unknown): string | number | boolean | Date | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
  if (typeof value === "object") {
    const v = value as { richText?: Array<{ text: string }>; text?: unknown; result?: unknown };
    if (v.richText) return v.richText.map((r) => r.text).join("");
    if (v.text !== undefined) return plainValue(v.text);
    if (v.result !== undefined) return plainValue(v.result);
  }
  return undefined;
}

/** A value as text, the way the sheet shows it (used for headers and for the report's copy of a row). */
export function displayText(value: unknown): string {
  const v = plainValue(value);
  if (v === undefined) return "";
  if (v instanceof Date) return hasTime(v) ? wallClock(v) : dayOf(v);
  if (typeof v === "number") return Number.isInteger(v) ? v.toFixed(0) : String(v);
  if (typeof v === "boolean") return v ? "是" : "否";
  return v;
}

export function readCell(value: unknown, kind: CellKind = "text"): CellResult {
  const v = plainValue(value);
  if (v === undefined) return { text: "" };
  switch (kind) {
    case "idNumber":
      return idNumberCell(v);
    case "date":
      return dateCell(v);
    case "dateTime":
      if (v instanceof Date) return { text: wallClock(v) };
      if (typeof v === "number" && isSerial(v)) return { text: wallClock(fromSerial(v)) };
      return { text: cleanText(displayText(v)) };
    default:
      return { text: cleanText(displayText(v)) };
  }
}

const SCIENTIFIC = /^(\d)(?:\.(\d+))?E\+?(\d+)$/i;

/**
 * Excel keeps 15 significant digits: an 18-digit number typed into a General cell comes back with
 * its last digits replaced (shown as 3.60702E+17). 15-digit numbers (old IDs) survive intact.
 */
function idNumberCell(v: string | number | boolean | Date): CellResult {
  if (typeof v === "number") {
    if (Number.isInteger(v) && v >= 0 && v < 1e15) return { text: v.toFixed(0) };
    return { text: String(v), issue: ID_DIGITS_LOST };
  }
  const text = cleanText(displayText(v)).replace(/\s+/g, "");
  const sci = SCIENTIFIC.exec(text);
  if (!sci) return { text };
  const digits = `${sci[1]}${sci[2] ?? ""}`;
  const exponent = Number(sci[3]);
  // 3.60702199001011E+14 spells out all 15 digits; 3.60702E+17 has lost 12 of 18.
  if (digits.length < exponent + 1) return { text, issue: ID_DIGITS_LOST };
  return { text: digits.length === exponent + 1 ? digits : text };
}

/** Year, month and (optionally) day, with - / . or 年月日, and an ignored time of day. */
const DATE_TEXT =
  /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*(?:[-/.月]\s*(\d{1,2})\s*日?|月)?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/;

function realDate(y: number, m: number, d: number): string | undefined {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return undefined;
  return ymd(y, m, d);
}

/** 2023-01-05, 2023/1/5, 2023.1.5, 2023年1月5日, 20230105, an Excel serial or date cell; 2023年1月 is the 1st. */
function dateCell(v: string | number | boolean | Date): CellResult {
  if (v instanceof Date) return { text: dayOf(v) };
  if (typeof v === "number" && isSerial(v)) return { text: dayOf(fromSerial(v)) };
  const text = cleanText(displayText(v));
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  const parts = compact ?? DATE_TEXT.exec(text);
  const found = parts && realDate(Number(parts[1]), Number(parts[2]), Number(parts[3] ?? 1));
  if (found) return { text: found };
  if (/^\d{5}(\.\d+)?$/.test(text) && isSerial(Number(text)))
    return { text: dayOf(fromSerial(Number(text))) };
  return { text, issue: `无法识别的日期“${text}”，请写成 2023-01-05 或 2023年1月5日` };
}
