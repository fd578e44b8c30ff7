import { PassThrough } from "node:stream";
import { buffer } from "node:stream/consumers";
import { type Column, displayText, type RawRow, rawRows, writeXlsx } from "../xlsx/index.ts";
import type { Source } from "./source.ts";
import type { RowProblem } from "./tables.ts";

export const ERROR_COLUMN = "错误说明";
const ROW_COLUMN = "原行号";

const problemText = (p: RowProblem) => (p.column ? `${p.column}：${p.reason}` : p.reason);

async function workbook<R>(name: string, columns: Column<R>[], rows: AsyncIterable<R>): Promise<Buffer> {
  const out = new PassThrough();
  const bytes = buffer(out);
  await writeXlsx(out, { name, columns }, rows);
  return bytes;
}

/**
 * The report of a rejected file. A sheet comes back whole from its header row down, each row with
 * its original row number and what is wrong with it, so it can be fixed in place and uploaded again
 * (the two added columns are ignored then). A GeoJSON file's report lists the problems.
 */
export function reportWorkbook(source: Source, headerRow: number | undefined, problems: RowProblem[]) {
  if (source.kind === "geojson" || headerRow === undefined) return problemList(problems);
  return annotatedSheet(source, headerRow, problems);
}

async function annotatedSheet(
  source: Extract<Source, { kind: "sheet" }>,
  headerRow: number,
  problems: RowProblem[],
): Promise<Buffer> {
  const byRow = new Map<number, string[]>();
  for (const p of problems) byRow.set(p.row, [...(byRow.get(p.row) ?? []), problemText(p)]);
  const rows = rawRows(source.bytes, source.format);
  // Not a for-of with break: that would close the rows the report goes on to copy.
  let next = await rows.next();
  while (!next.done && next.value.row < headerRow) next = await rows.next();
  const titles = (next.done ? [] : next.value.cells).map(displayText);
  const columns: Column<RawRow>[] = [
    ...titles.map((title, i) => ({
      header: title,
      width: Math.max(10, Math.min(30, title.length * 2 + 4)),
      value: (r: RawRow) => displayText(r.cells[i]),
    })),
    { header: ROW_COLUMN, width: 8, value: (r) => r.row },
    { header: ERROR_COLUMN, width: 60, value: (r) => byRow.get(r.row)?.join("；") ?? "" },
  ];
  return workbook("导入报告", columns, rows);
}

async function problemList(problems: RowProblem[]): Promise<Buffer> {
  const columns: Column<RowProblem>[] = [
    { header: "序号", width: 8, value: (p) => p.row },
    { header: "位置", width: 16, value: (p) => p.column ?? "" },
    { header: ERROR_COLUMN, width: 90, value: (p) => p.reason },
  ];
  return workbook(
    "导入报告",
    columns,
    (async function* () {
      yield* problems;
    })(),
  );
}
