import type { ChartOption, ChartSize } from "../../../platform/charts/index.ts";
import type { NamedCount, ReportData } from "./data.ts";

/**
 * The report's charts as ECharts options, laid out for print: the PDF draws them about 500 pt
 * wide, so 12 px text comes out near 10 pt. Party red leads, with colours that stay apart when
 * printed in grey.
 */
export const PALETTE = ["#c8161d", "#2f5d8a", "#d48806", "#5b8c5a", "#8c6bb1", "#e8833a", "#7f7f7f"];
const INK = "#1f2329";
const GREY = "#646a73";
const LINE = "#dee0e3";

/** Horizontal bars past ten names would no longer read; the rest are in the tables. */
export const TOP_CATEGORIES = 10;

export interface ReportChart {
  option: ChartOption;
  size: ChartSize;
}

const base = (title: string): ChartOption => ({
  color: PALETTE,
  textStyle: { color: INK, fontSize: 12 },
  title: { text: title, left: "center", top: 6, textStyle: { fontSize: 15, fontWeight: "bold", color: INK } },
});

const axisLine = { lineStyle: { color: GREY } };
const splitLine = { lineStyle: { color: LINE } };

/**
 * A trend period as an axis label: a day as 11/5, a month as 11月. A quarterly report's periods
 * are months, given as their first day (2026-11-01) or as 2026-11.
 */
export function periodTick(period: string, kind: ReportData["kind"]): string {
  const parts = /^\d{4}-(\d{2})(?:-(\d{2}))?$/.exec(period);
  if (!parts) return period;
  if (kind === "quarterly" || !parts[2]) return `${Number(parts[1])}月`;
  return `${Number(parts[1])}/${Number(parts[2])}`;
}

/** Cases received in the period: what decides whether there is anything to draw. */
export const receivedCount = (data: ReportData): number =>
  data.trend.reduce((sum, t) => sum + t.cases, 0) || data.byCategory.reduce((sum, c) => sum + c.n, 0);

/** Received and closed per period as bars and a line, and the share satisfied on a second axis. */
export function trendChart(data: ReportData): ReportChart {
  const rate = data.trend.map((t) => (t.rated > 0 ? Math.round((t.satisfied / t.rated) * 1000) / 10 : null));
  return {
    size: { width: 640, height: 280 },
    option: {
      ...base(data.kind === "monthly" ? "每日受理与办结" : "每月受理与办结"),
      legend: { bottom: 4, itemGap: 24, textStyle: { fontSize: 12 } },
      grid: { left: 48, right: 52, top: 52, bottom: 56 },
      xAxis: {
        type: "category",
        data: data.trend.map((t) => periodTick(t.period, data.kind)),
        axisLine,
        axisTick: { alignWithLabel: true },
        axisLabel: { color: GREY, fontSize: 11, hideOverlap: true },
      },
      yAxis: [
        {
          type: "value",
          name: "件数",
          minInterval: 1,
          nameTextStyle: { color: GREY },
          axisLabel: { color: GREY },
          splitLine,
        },
        {
          type: "value",
          name: "满意率",
          min: 0,
          max: 100,
          nameTextStyle: { color: GREY },
          axisLabel: { color: GREY, formatter: "{value}%" },
          splitLine: { show: false },
        },
      ],
      series: [
        { name: "受理", type: "bar", data: data.trend.map((t) => t.cases), barMaxWidth: 14 },
        {
          name: "办结",
          type: "line",
          data: data.trend.map((t) => t.closed),
          symbolSize: 5,
          lineStyle: { width: 2 },
        },
        {
          name: "满意率",
          type: "line",
          yAxisIndex: 1,
          data: rate,
          connectNulls: true,
          symbol: "none",
          lineStyle: { width: 1.5, type: "dashed" },
        },
      ],
    },
  };
}

/** The ten largest categories as horizontal bars, largest on top: Chinese names read across. */
export function categoryChart(data: ReportData): ReportChart {
  const top = [...data.byCategory]
    .filter((c) => c.n > 0)
    .sort((a, b) => b.n - a.n)
    .slice(0, TOP_CATEGORIES);
  const rest = data.byCategory.length - top.length;
  return {
    size: { width: 640, height: 64 + 22 * Math.max(top.length, 3) },
    option: {
      ...base(rest > 0 ? `诉求分类（前${TOP_CATEGORIES}类）` : "诉求分类"),
      grid: { left: 16, right: 48, top: 44, bottom: 12, containLabel: true },
      xAxis: { type: "value", minInterval: 1, axisLabel: { color: GREY }, splitLine },
      yAxis: {
        type: "category",
        inverse: true,
        data: top.map((c) => c.name),
        axisLine,
        axisTick: { show: false },
        axisLabel: { color: INK, fontSize: 12 },
      },
      series: [
        {
          type: "bar",
          data: top.map((c) => c.n),
          barMaxWidth: 16,
          itemStyle: { color: PALETTE[0] },
          label: { show: true, position: "right", color: INK, fontSize: 11 },
        },
      ],
    },
  };
}

/** How the cases came in: a ring, and beside it each channel with its count and share. */
export function channelChart(data: ReportData): ReportChart {
  const channels = data.byChannel.filter((c) => c.n > 0);
  const total = channels.reduce((sum, c) => sum + c.n, 0);
  const caption = new Map(
    channels.map((c: NamedCount) => [c.name, `${c.name}  ${c.n}件  ${((c.n / total) * 100).toFixed(1)}%`]),
  );
  return {
    size: { width: 340, height: 220 },
    option: {
      ...base("受理渠道"),
      legend: {
        orient: "vertical",
        left: 168,
        top: "middle",
        itemGap: 10,
        textStyle: { fontSize: 12, color: INK },
        formatter: (name: string) => caption.get(name) ?? name,
      },
      series: [
        {
          type: "pie",
          radius: ["36%", "62%"],
          center: [86, 122],
          data: channels.map((c) => ({ name: c.name, value: c.n })),
          label: { show: false },
          itemStyle: { borderColor: "#ffffff", borderWidth: 1 },
        },
      ],
    },
  };
}
