import { SaxesParser } from "saxes";
import { columnNumber } from "./layout.ts";
import { entryChunks, entryText, type ZipEntry, zipEntries } from "./zip.ts";

/**
 * A streaming reader of an .xlsx file's first worksheet: rows come out as the sheet's XML is
 * inflated and parsed, so memory stays flat however long the sheet is. Written for imports rather
 * than taken from exceljs, whose streaming reader decodes each inflated chunk on its own and so
 * garbles a Chinese character that falls across two chunks (and spends most of its time building
 * a styled object model imports do not need).
 */
export interface Workbook {
  bytes: Buffer;
  sheet: ZipEntry;
  strings: string[];
  /** Cell styles (indexes into cellXfs) whose number format shows a date or time. */
  dateStyles: Set<number>;
  date1904: boolean;
}

/** A value as the sheet holds it: text, number, boolean, or a Date for date-formatted numbers. */
export type CellValue = string | number | boolean | Date | undefined;

const local = (name: string) => name.slice(name.indexOf(":") + 1);

interface Handlers {
  open?(name: string, attributes: Record<string, string>): void;
  text?(text: string): void;
  close?(name: string): void;
}

function parser(handlers: Handlers): SaxesParser {
  const p = new SaxesParser();
  if (handlers.open) {
    const open = handlers.open;
    p.on("opentag", (tag) => open(local(tag.name), tag.attributes as Record<string, string>));
  }
  if (handlers.text) p.on("text", handlers.text);
  if (handlers.close) {
    const close = handlers.close;
    p.on("closetag", (tag) => close(local(tag.name)));
  }
  return p;
}

function parseAll(text: string, handlers: Handlers): void {
  parser(handlers).write(text).close();
}

export async function openWorkbook(bytes: Buffer): Promise<Workbook> {
  const entries = new Map(zipEntries(bytes).map((e) => [e.name, e]));
  const text = (name: string) => {
    const entry = entries.get(name);
    return entry ? entryText(bytes, entry) : undefined;
  };
  const sheets: string[] = [];
  let date1904 = false;
  parseAll(text("xl/workbook.xml") ?? "<workbook/>", {
    open(name, a) {
      if (name === "workbookPr") date1904 = a.date1904 === "1" || a.date1904 === "true";
      if (name === "sheet") sheets.push(a["r:id"] ?? "");
    },
  });
  const targets = new Map<string, string>();
  parseAll(text("xl/_rels/workbook.xml.rels") ?? "<Relationships/>", {
    open(name, a) {
      if (name === "Relationship" && a.Id && a.Target)
        targets.set(a.Id, a.Target.startsWith("/") ? a.Target.slice(1) : `xl/${a.Target}`);
    },
  });
  // The first tab, as Excel shows it; else the first worksheet in the archive.
  const first = targets.get(sheets[0] ?? "");
  const sheet =
    (first && entries.get(first)) ??
    [...entries.values()].find((e) => /^xl\/worksheets\/[^/]+\.xml$/.test(e.name));
  if (!sheet) throw new Error("the workbook has no worksheet");
  const stringsEntry = entries.get("xl/sharedStrings.xml");
  return {
    bytes,
    sheet,
    strings: stringsEntry ? await sharedStrings(bytes, stringsEntry) : [],
    dateStyles: dateStyles(text("xl/styles.xml")),
    date1904,
  };
}

/** The shared-string table: each <si>'s text runs, without phonetic guides (<rPh>). */
async function sharedStrings(bytes: Buffer, entry: ZipEntry): Promise<string[]> {
  const strings: string[] = [];
  let current = "";
  let inText = false;
  let phonetic = 0;
  const p = parser({
    open(name) {
      if (name === "si") current = "";
      else if (name === "t") inText = true;
      else if (name === "rPh") phonetic++;
    },
    text(t) {
      if (inText && phonetic === 0) current += t;
    },
    close(name) {
      if (name === "t") inText = false;
      else if (name === "rPh") phonetic--;
      else if (name === "si") strings.push(current);
    },
  });
  for await (const chunk of entryChunks(bytes, entry)) p.write(chunk);
  p.close();
  return strings;
}

/** Built-in number formats that show dates or times (27–36 and 50–58 are the Chinese ones). */
const DATE_FORMAT_IDS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
]);

/** A custom format is a date's when, outside quoted text and [..] sections, it has y, m, d, h or s. */
const isDateFormat = (code: string) =>
  /[ymdhs]/i.test(
    code
      .replace(/"[^"]*"/g, "")
      .replace(/\[[^\]]*\]/g, "")
      .replace(/\\./g, "")
      .replace(/general/gi, ""),
  );

function dateStyles(styles: string | undefined): Set<number> {
  const out = new Set<number>();
  if (!styles) return out;
  const custom = new Map<number, string>();
  let inCellXfs = false;
  let index = 0;
  parseAll(styles, {
    open(name, a) {
      if (name === "numFmt") custom.set(Number(a.numFmtId), a.formatCode ?? "");
      else if (name === "cellXfs") inCellXfs = true;
      else if (name === "xf" && inCellXfs) {
        const id = Number(a.numFmtId ?? 0);
        const code = custom.get(id);
        if (code !== undefined ? isDateFormat(code) : DATE_FORMAT_IDS.has(id)) out.add(index);
        index++;
      }
    },
    close(name) {
      if (name === "cellXfs") inCellXfs = false;
    },
  });
  return out;
}

/** Excel serial days (1900 or 1904 system) as a Date whose UTC fields are the wall-clock time. */
const fromSerial = (serial: number, date1904: boolean) =>
  new Date(Math.round((serial - 25_569 + (date1904 ? 1462 : 0)) * 86_400_000));

/** The worksheet's rows in order: the row number and its cells by column (index 0 = column A). */
export async function* sheetRows(wb: Workbook): AsyncGenerator<{ row: number; cells: CellValue[] }> {
  const ready: Array<{ row: number; cells: CellValue[] }> = [];
  let row = 0;
  let cells: CellValue[] = [];
  let column = 0;
  let type = "n";
  let style = 0;
  let value = "";
  let inline = "";
  let inValue = false;
  let inText = false;
  let phonetic = 0;
  const cellValue = (): CellValue => {
    switch (type) {
      case "s":
        return wb.strings[Number(value)] ?? "";
      case "inlineStr":
        return inline;
      case "str":
        return value;
      case "b":
        return value === "1" || value === "true";
      case "e":
        return undefined;
      case "d":
        return value ? new Date(value) : undefined;
      default: {
        if (value === "") return undefined;
        const n = Number(value);
        return wb.dateStyles.has(style) ? fromSerial(n, wb.date1904) : n;
      }
    }
  };
  const p = parser({
    open(name, a) {
      switch (name) {
        case "row":
          row = a.r ? Number(a.r) : row + 1;
          cells = [];
          column = 0;
          break;
        case "c": {
          const letters = a.r ? /^[A-Z]+/.exec(a.r)?.[0] : undefined;
          column = letters ? columnNumber(letters) : column + 1;
          type = a.t ?? "n";
          style = Number(a.s ?? 0);
          value = "";
          inline = "";
          break;
        }
        case "v":
          inValue = true;
          break;
        case "t":
          inText = true;
          break;
        case "rPh":
          phonetic++;
          break;
      }
    },
    text(t) {
      if (inValue) value += t;
      else if (inText && phonetic === 0) inline += t;
    },
    close(name) {
      switch (name) {
        case "v":
          inValue = false;
          break;
        case "t":
          inText = false;
          break;
        case "rPh":
          phonetic--;
          break;
        case "c":
          cells[column - 1] = cellValue();
          break;
        case "row":
          if (cells.some((c) => c !== undefined && c !== "")) ready.push({ row, cells });
          break;
      }
    },
  });
  for await (const chunk of entryChunks(wb.bytes, wb.sheet)) {
    p.write(chunk);
    if (ready.length > 0) yield* ready.splice(0);
  }
  p.close();
  yield* ready.splice(0);
}
