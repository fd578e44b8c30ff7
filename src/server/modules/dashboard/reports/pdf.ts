import { renderChartPng } from "../../../platform/charts/index.ts";
import { drawTable, FONT, newPdf, type PdfColumn, pdfBytes } from "../../../platform/pdf/index.ts";
import { categoryChart, channelChart, type ReportChart, receivedCount, trendChart } from "./charts.ts";
import type { NamedCount, ReportData } from "./data.ts";
import { areaNoun, chinaClock, percent, periodRange, reportTitle } from "./format.ts";

/** A4 portrait in points, with the margins of an office document. */
const W = 595.28;
const H = 841.89;
const MARGIN = 50;
const CONTENT = W - 2 * MARGIN;
const FOOTER = 40;
const BOTTOM = H - FOOTER - 8;

const RED = "#c8161d";
const INK = "#1f2329";
const GREY = "#646a73";
const LINE = "#dee0e3";

/** Section numbers as a Chinese report writes them: 一、二、三… */
const NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

type Area = ReportData["areas"][number];
type Department = ReportData["departments"][number];

const count = (n: number) => String(n);
const share = (n: number, total: number) => (total > 0 ? percent(n / total) : "—");

/**
 * The printable report: a red-ruled title with the period and when it was made, the key figures,
 * the trend, category and channel charts (pictures rendered on the server), then the areas and the
 * departments as tables that continue on further pages with their header repeated, and "第 N 页"
 * at the foot of every page. A period without cases says so instead of showing empty charts.
 */
export async function reportPdf(data: ReportData): Promise<Buffer> {
  const title = reportTitle(data);
  const received = receivedCount(data);
  const channels = data.byChannel.some((c) => c.n > 0);
  const charts = received > 0 ? renderCharts(data, channels) : undefined;

  const doc = newPdf({
    size: "A4",
    margin: 0,
    bufferPages: true,
    info: {
      Title: title,
      Author: data.subjectName,
      Subject: periodRange(data),
      CreationDate: data.generatedAt,
    },
  });
  const flow = newFlow(doc, title, masthead(doc, data, title));

  flow.heading("总体情况", 60);
  flow.table(summaryColumns, pairs(data.summary));

  if (!charts) {
    flow.room(60);
    doc.roundedRect(MARGIN, flow.y, CONTENT, 48, 4).fill("#f7f8fa");
    doc
      .font(FONT.bold)
      .fontSize(13)
      .fillColor(INK)
      .text("本期无诉求", MARGIN, flow.y + 9, { width: CONTENT, align: "center" });
    doc
      .font(FONT.regular)
      .fontSize(9.5)
      .fillColor(GREY)
      .text("统计周期内未受理诉求，不绘制趋势与分类图表。", MARGIN, flow.y + 29, {
        width: CONTENT,
        align: "center",
      });
    flow.y += 62;
  } else {
    flow.heading("受理与办结趋势", chartHeight(charts.trend, CONTENT));
    flow.picture(charts.trend);
    flow.heading("诉求分类", chartHeight(charts.category, CONTENT));
    flow.picture(charts.category);
    channelsAndStatus(flow, data, charts.channel);
  }

  flow.heading(`各${areaNoun(data)}办理情况`, 40);
  if (data.areas.length === 0) flow.note(`本期无${areaNoun(data)}数据`);
  else flow.table(areaColumns(data), data.areas);

  flow.heading("吹哨部门报到情况", 40);
  if (data.departments.length === 0) flow.note("本期无吹哨报到");
  else flow.table(departmentColumns, data.departments);

  footers(doc, title);
  return pdfBytes(doc);
}

/** Where the next block goes, and the blocks that move it down (to a new page when one does not fit). */
interface Flow {
  doc: PDFKit.PDFDocument;
  y: number;
  newPage(): number;
  /** Starts a new page unless `height` more fits on this one. */
  room(height: number): void;
  /** A numbered section heading, kept on one page with the first `keepWith` points of what follows. */
  heading(text: string, keepWith: number): void;
  table<R>(columns: PdfColumn<R>[], rows: R[]): void;
  picture(chart: RenderedChart): void;
  note(text: string): void;
}

function newFlow(doc: PDFKit.PDFDocument, title: string, top: number): Flow {
  let section = 0;
  const flow: Flow = {
    doc,
    y: top,
    newPage() {
      doc.addPage({ size: "A4", margin: 0 });
      flow.y = runningHead(doc, title);
      return flow.y;
    },
    room(height) {
      if (flow.y + height > BOTTOM) flow.newPage();
    },
    heading(text, keepWith) {
      flow.room(30 + keepWith);
      flow.y = sectionHeading(doc, `${NUMERALS[section] ?? section + 1}、${text}`, flow.y);
      section++;
    },
    table(columns, rows) {
      const box = { x: MARGIN, width: CONTENT, bottom: BOTTOM, newPage: flow.newPage };
      flow.y = drawTable(doc, columns, rows, flow.y, box) + 16;
    },
    picture(chart) {
      const height = chartHeight(chart, CONTENT);
      flow.room(height);
      doc.image(chart.png, MARGIN, flow.y, { width: CONTENT, height });
      flow.y += height + 10;
    },
    note(text) {
      doc
        .font(FONT.regular)
        .fontSize(10)
        .fillColor(GREY)
        .text(text, MARGIN + 10, flow.y, { lineBreak: false });
      flow.y += 28;
    },
  };
  return flow;
}

interface RenderedChart extends ReportChart {
  png: Buffer;
}

function renderCharts(data: ReportData, channels: boolean) {
  const render = (chart: ReportChart): RenderedChart => ({
    ...chart,
    png: renderChartPng(chart.option, chart.size),
  });
  return {
    trend: render(trendChart(data)),
    category: render(categoryChart(data)),
    channel: channels ? render(channelChart(data)) : undefined,
  };
}

const chartHeight = (chart: ReportChart, width: number) => (width * chart.size.height) / chart.size.width;

/** Channels as a ring on the left, the cases by status as a small table beside it. */
function channelsAndStatus(flow: Flow, data: ReportData, channel: RenderedChart | undefined): void {
  const status = data.byStatus.filter((s) => s.n > 0);
  if (!channel && status.length === 0) return;
  const half = (CONTENT - 16) / 2;
  const ringHeight = channel ? chartHeight(channel, half) : 0;
  const tableHeight = 20 * (status.length + 1) + 12;
  flow.heading("受理渠道与办理状态", Math.max(ringHeight, tableHeight));
  const top = flow.y;
  if (channel) flow.doc.image(channel.png, MARGIN, top, { width: half, height: ringHeight });
  const total = status.reduce((sum, s) => sum + s.n, 0);
  const columns: PdfColumn<NamedCount>[] = [
    { header: "办理状态", width: 2, value: (s) => s.name },
    { header: "件数", width: 1, align: "right", value: (s) => count(s.n) },
    { header: "占比", width: 1, align: "right", value: (s) => share(s.n, total) },
  ];
  const x = channel ? MARGIN + half + 16 : MARGIN;
  const box = { x, width: channel ? half : CONTENT, bottom: BOTTOM, newPage: flow.newPage };
  const end = drawTable(flow.doc, columns, status, top + 12, box);
  flow.y = Math.max(top + ringHeight, end) + 16;
}

/** Key figures two to a row: a short report's first page holds them and the trend. */
function pairs(summary: ReportData["summary"]) {
  const rows: Array<[ReportData["summary"][number], ReportData["summary"][number] | undefined]> = [];
  for (let i = 0; i < summary.length; i += 2) {
    const first = summary[i];
    if (first) rows.push([first, summary[i + 1]]);
  }
  return rows;
}
type Pair = ReturnType<typeof pairs>[number];

const summaryColumns: PdfColumn<Pair>[] = [
  { header: "指标", width: 1.6, value: ([a]) => a.label },
  { header: "数值", width: 1, align: "right", value: ([a]) => a.value },
  { header: "指标", width: 1.6, value: ([, b]) => b?.label ?? "" },
  { header: "数值", width: 1, align: "right", value: ([, b]) => b?.value ?? "" },
];

const areaColumns = (data: ReportData): PdfColumn<Area>[] => [
  { header: `${areaNoun(data)}编码`, width: 1.5, value: (a) => a.code },
  { header: `${areaNoun(data)}名称`, width: 2, value: (a) => a.name },
  { header: "受理", width: 0.8, align: "right", value: (a) => count(a.cases) },
  { header: "未办结", width: 0.8, align: "right", value: (a) => count(a.open) },
  { header: "当前超期", width: 0.9, align: "right", value: (a) => count(a.overdue) },
  { header: "超时办理", width: 0.9, align: "right", value: (a) => count(a.late) },
  { header: "满意率", width: 0.9, align: "right", value: (a) => percent(a.satisfactionRate) },
];

const departmentColumns: PdfColumn<Department>[] = [
  { header: "部门", width: 2.2, value: (d) => d.name },
  { header: "吹哨", width: 0.8, align: "right", value: (d) => count(d.whistles) },
  { header: "已报到", width: 0.8, align: "right", value: (d) => count(d.reported) },
  { header: "超期", width: 0.8, align: "right", value: (d) => count(d.overdue) },
  {
    header: "报到用时中位(分钟)",
    width: 1.6,
    align: "right",
    value: (d) => (d.medianMinutes === null ? "—" : String(Math.round(d.medianMinutes))),
  },
  {
    header: "平均评分",
    width: 1,
    align: "right",
    value: (d) => (d.meanScore === null ? "—" : d.meanScore.toFixed(1)),
  },
];

/** The title in red over a double red rule, as office documents head their first page. */
function masthead(doc: PDFKit.PDFDocument, data: ReportData, title: string): number {
  doc
    .font(FONT.bold)
    .fontSize(20)
    .fillColor(RED)
    .text(title, MARGIN, 52, { width: CONTENT, align: "center" });
  let y = doc.y + 8;
  doc
    .moveTo(MARGIN, y)
    .lineTo(W - MARGIN, y)
    .lineWidth(2)
    .stroke(RED);
  doc
    .moveTo(MARGIN, y + 3.5)
    .lineTo(W - MARGIN, y + 3.5)
    .lineWidth(0.6)
    .stroke(RED);
  y += 12;
  doc
    .font(FONT.regular)
    .fontSize(9.5)
    .fillColor(GREY)
    .text(`统计周期：${periodRange(data)}　　生成时间：${chinaClock(data.generatedAt)}`, MARGIN, y, {
      width: CONTENT,
      align: "center",
    });
  return doc.y + 14;
}

/** The report's name, small, over a rule on every page after the first. */
function runningHead(doc: PDFKit.PDFDocument, title: string): number {
  doc
    .font(FONT.regular)
    .fontSize(8.5)
    .fillColor(GREY)
    .text(title, MARGIN, 30, { width: CONTENT, align: "right", lineBreak: false });
  doc
    .moveTo(MARGIN, 44)
    .lineTo(W - MARGIN, 44)
    .lineWidth(0.6)
    .stroke(RED);
  return 58;
}

function sectionHeading(doc: PDFKit.PDFDocument, text: string, y: number): number {
  doc.rect(MARGIN, y + 3, 3.5, 13).fill(RED);
  doc
    .font(FONT.bold)
    .fontSize(12.5)
    .fillColor(INK)
    .text(text, MARGIN + 10, y, { lineBreak: false });
  return y + 26;
}

/** "第 N 页　共 M 页" under a hairline, once every page is laid out. */
function footers(doc: PDFKit.PDFDocument, title: string): void {
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    doc
      .moveTo(MARGIN, H - FOOTER)
      .lineTo(W - MARGIN, H - FOOTER)
      .lineWidth(0.5)
      .stroke(LINE);
    doc.font(FONT.regular).fontSize(8.5).fillColor(GREY);
    doc.text(title, MARGIN, H - FOOTER + 8, { width: CONTENT, lineBreak: false });
    doc.text(`第 ${i + 1} 页　共 ${range.count} 页`, MARGIN, H - FOOTER + 8, {
      width: CONTENT,
      align: "right",
      lineBreak: false,
    });
  }
}
