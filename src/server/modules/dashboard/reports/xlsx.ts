import ExcelJS from "exceljs";
import { renderChartPng } from "../../../platform/charts/index.ts";
import { type Cell, cellOf, XLSX_FORMATS } from "../../../platform/xlsx/index.ts";
import { receivedCount, trendChart } from "./charts.ts";
import type { NamedCount, ReportData } from "./data.ts";
import { areaNoun, periodRange, reportTitle } from "./format.ts";

/** A column of one of the report's tables. */
interface Column<R> {
  header: string;
  /** In Excel's character widths; a Chinese character takes about two. */
  width: number;
  value: (row: R) => Cell;
  /** A day as an Excel date (house rule: see platform/xlsx). */
  format?: "date";
  numFmt?: string;
}

const PERCENT = "0.0%";
const COUNT = "#,##0";
const HEAD_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF0F0F0" } };
const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FFBFBFBF" } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, bottom: THIN, left: THIN, right: THIN };

const shareOf = (n: number, total: number) => (total > 0 ? n / total : null);
const sum = <R>(rows: readonly R[], n: (row: R) => number) => rows.reduce((s, r) => s + n(r), 0);
/** A figure written as "128" is a number to Excel; "92.3%" and "3.5 天" stay as written. */
const figure = (text: string): string | number => (/^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text);

/**
 * The report as a workbook for whoever analyses it further: 概况 (title, period, the key figures
 * and the trend chart), 趋势, 分类, 状态与渠道, the areas (网格 of a community, 社区 of a
 * department) and 部门. Numbers are numbers, shares are percentage cells, days are Excel dates.
 */
export async function reportXlsx(data: ReportData): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = data.subjectName;
  wb.created = data.generatedAt;
  wb.title = reportTitle(data);
  overview(wb, data);
  trendSheet(wb, data);
  categorySheet(wb, data);
  statusAndChannelSheet(wb, data);
  areasSheet(wb, data);
  departmentsSheet(wb, data);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A header row (bold, grey, bordered) and the rows under it, from `row`, `col` on. Returns the next free row. */
function table<R>(
  sheet: ExcelJS.Worksheet,
  columns: readonly Column<R>[],
  rows: readonly R[],
  at: { row: number; col?: number; total?: R },
): number {
  const left = at.col ?? 1;
  columns.forEach((c, i) => {
    const column = sheet.getColumn(left + i);
    column.width = Math.max(column.width ?? 0, c.width);
    const cell = sheet.getCell(at.row, left + i);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.fill = HEAD_FILL;
    cell.border = BORDER;
    cell.alignment = { horizontal: "center", vertical: "middle" };
  });
  const body = at.total ? [...rows, at.total] : rows;
  body.forEach((r, n) => {
    columns.forEach((c, i) => {
      const cell = sheet.getCell(at.row + 1 + n, left + i);
      cell.value = cellOf(c.value(r), c.format);
      cell.border = BORDER;
      if (c.numFmt) cell.numFmt = c.numFmt;
      if (at.total && n === rows.length) cell.font = { bold: true };
    });
  });
  return at.row + 1 + body.length;
}

/** Tables whose header is the first row keep it in view while scrolling. */
const tableSheet = (wb: ExcelJS.Workbook, name: string) =>
  wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });

function overview(wb: ExcelJS.Workbook, data: ReportData): void {
  const sheet = wb.addWorksheet("概况", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.mergeCells(1, 1, 1, 4);
  const title = sheet.getCell(1, 1);
  title.value = reportTitle(data);
  title.font = { bold: true, size: 16, color: { argb: "FFC8161D" } };
  title.alignment = { vertical: "middle" };
  sheet.getRow(1).height = 30;
  sheet.addRow(["统计周期", periodRange(data)]);
  const generated = sheet.addRow(["生成时间", cellOf(data.generatedAt, "datetime")]).getCell(2);
  generated.numFmt = XLSX_FORMATS.datetime;
  generated.alignment = { horizontal: "left" };
  for (const r of [2, 3]) sheet.getCell(r, 1).font = { bold: true };

  const summary: Column<ReportData["summary"][number]>[] = [
    { header: "指标", width: 24, value: (s) => s.label },
    { header: "数值", width: 18, value: (s) => figure(s.value) },
  ];
  let next = table(sheet, summary, data.summary, { row: 5 });

  next += 1;
  if (receivedCount(data) === 0) {
    sheet.getCell(next, 1).value = "本期无诉求";
    sheet.getCell(next, 1).font = { bold: true };
    return;
  }
  const chart = trendChart(data);
  const png = renderChartPng(chart.option, chart.size);
  const image = wb.addImage({
    // exceljs types its Buffer as an ArrayBuffer; a Node Buffer is what it reads.
    buffer: png as unknown as ExcelJS.Buffer,
    extension: "png",
  });
  // Anchored at the cell, shown at the size it was laid out for (the PNG holds twice the pixels).
  sheet.addImage(image, { tl: { col: 0, row: next - 1 }, ext: chart.size, editAs: "oneCell" });
}

function trendSheet(wb: ExcelJS.Workbook, data: ReportData): void {
  const sheet = tableSheet(wb, "趋势");
  type Row = ReportData["trend"][number];
  const monthly = data.kind === "quarterly";
  const columns: Column<Row>[] = [
    {
      header: monthly ? "月份" : "日期",
      width: 14,
      // A day is an Excel date; a month (2026-11-01 or 2026-11) its first day shown as 2026年11月.
      value: (t) => (monthly && /^\d{4}-\d{2}$/.test(t.period) ? `${t.period}-01` : t.period),
      format: "date",
      numFmt: monthly ? 'yyyy"年"m"月"' : XLSX_FORMATS.date,
    },
    { header: "受理", width: 10, value: (t) => t.cases, numFmt: COUNT },
    { header: "办结", width: 10, value: (t) => t.closed, numFmt: COUNT },
    { header: "评价", width: 10, value: (t) => t.rated, numFmt: COUNT },
    { header: "满意", width: 10, value: (t) => t.satisfied, numFmt: COUNT },
    { header: "满意率", width: 10, value: (t) => shareOf(t.satisfied, t.rated), numFmt: PERCENT },
  ];
  const total: Row = {
    period: "合计",
    cases: sum(data.trend, (t) => t.cases),
    closed: sum(data.trend, (t) => t.closed),
    rated: sum(data.trend, (t) => t.rated),
    satisfied: sum(data.trend, (t) => t.satisfied),
  };
  table(sheet, columns, data.trend, { row: 1, total });
}

/** 类别/件数/占比 for one breakdown, with its 合计 row. */
function countColumns(noun: string, rows: readonly NamedCount[]): Column<NamedCount>[] {
  const total = sum(rows, (c) => c.n);
  return [
    { header: noun, width: Math.max(12, ...rows.map((c) => c.name.length * 2 + 2)), value: (c) => c.name },
    { header: "件数", width: 10, value: (c) => c.n, numFmt: COUNT },
    { header: "占比", width: 10, value: (c) => shareOf(c.n, total), numFmt: PERCENT },
  ];
}
const totalOf = (rows: readonly NamedCount[]): NamedCount => ({ name: "合计", n: sum(rows, (c) => c.n) });

function categorySheet(wb: ExcelJS.Workbook, data: ReportData): void {
  const sheet = tableSheet(wb, "分类");
  table(sheet, countColumns("类别", data.byCategory), data.byCategory, {
    row: 1,
    total: totalOf(data.byCategory),
  });
}

/** Two small tables side by side, a blank column between them. */
function statusAndChannelSheet(wb: ExcelJS.Workbook, data: ReportData): void {
  const sheet = tableSheet(wb, "状态与渠道");
  table(sheet, countColumns("办理状态", data.byStatus), data.byStatus, {
    row: 1,
    total: totalOf(data.byStatus),
  });
  sheet.getColumn(4).width = 4;
  table(sheet, countColumns("受理渠道", data.byChannel), data.byChannel, {
    row: 1,
    col: 5,
    total: totalOf(data.byChannel),
  });
}

function areasSheet(wb: ExcelJS.Workbook, data: ReportData): void {
  const sheet = tableSheet(wb, areaNoun(data));
  const columns: Column<ReportData["areas"][number]>[] = [
    { header: "编码", width: 18, value: (a) => a.code },
    { header: "名称", width: 22, value: (a) => a.name },
    { header: "受理", width: 10, value: (a) => a.cases, numFmt: COUNT },
    { header: "未办结", width: 10, value: (a) => a.open, numFmt: COUNT },
    { header: "当前超期", width: 10, value: (a) => a.overdue, numFmt: COUNT },
    { header: "超时办理", width: 10, value: (a) => a.late, numFmt: COUNT },
    { header: "满意率", width: 10, value: (a) => a.satisfactionRate, numFmt: PERCENT },
  ];
  const end = table(sheet, columns, data.areas, { row: 1 });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: end - 1, column: columns.length } };
}

function departmentsSheet(wb: ExcelJS.Workbook, data: ReportData): void {
  const sheet = tableSheet(wb, "部门");
  const columns: Column<ReportData["departments"][number]>[] = [
    { header: "部门", width: 22, value: (d) => d.name },
    { header: "吹哨", width: 10, value: (d) => d.whistles, numFmt: COUNT },
    { header: "已报到", width: 10, value: (d) => d.reported, numFmt: COUNT },
    { header: "超期", width: 10, value: (d) => d.overdue, numFmt: COUNT },
    {
      header: "报到用时中位(分钟)",
      width: 20,
      value: (d) => (d.medianMinutes === null ? null : Math.round(d.medianMinutes)),
      numFmt: COUNT,
    },
    { header: "平均评分", width: 10, value: (d) => d.meanScore, numFmt: "0.0" },
  ];
  const end = table(sheet, columns, data.departments, { row: 1 });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: end - 1, column: columns.length } };
}
