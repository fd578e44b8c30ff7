import { entryChunks, type ZipEntry } from "./zip.ts";

/** A merged range, 1-based and inclusive, as `<mergeCell ref="A3:A5"/>` gives it. */
export interface MergedRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetLayout {
  merges: MergedRange[];
  /** `<row>` elements in the sheet: an estimate of its size, known before its rows are parsed. */
  rows: number;
}

const MERGE = /<(?:\w+:)?mergeCell\s[^>]*ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/g;
const ROW = /<(?:\w+:)?row[\s>]/g;
/** More than any `<row …>` or `<mergeCell …>` tag. */
const TAG_TAIL = 4096;

export const columnNumber = (letters: string): number =>
  [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);

/**
 * A worksheet's merged cells and row count. `<mergeCells>` follows the rows in the XML, so the
 * sheet is inflated once before its rows are read, and only these two things are picked out.
 */
export async function sheetLayout(bytes: Buffer, sheet: ZipEntry): Promise<SheetLayout> {
  const merges: MergedRange[] = [];
  let rows = 0;
  let carry = "";
  for await (const chunk of entryChunks(bytes, sheet)) {
    const text = carry + chunk;
    // Only whole tags are searched; the unfinished one waits for the next chunk. A row or merge tag
    // is short: of text without a ">" only the tail is kept, or a sheet of nothing but spaces
    // would pile up here.
    const end = text.lastIndexOf(">") + 1;
    const whole = text.slice(0, end);
    carry = text.slice(Math.max(end, text.length - TAG_TAIL));
    rows += whole.match(ROW)?.length ?? 0;
    for (const m of whole.matchAll(MERGE)) {
      merges.push({
        left: columnNumber(m[1] ?? "A"),
        top: Number(m[2]),
        right: columnNumber(m[3] ?? "A"),
        bottom: Number(m[4]),
      });
    }
  }
  return { merges, rows };
}
