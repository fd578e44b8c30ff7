// The big screen's colours and fonts, shared by its CSS-drawn parts and its ECharts options.

/** Chinese first (as a Windows or Mac wall PC has them), then whatever sans the machine has. */
export const FONT =
  '"PingFang SC", "Microsoft YaHei", "Noto Sans SC", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif';

export const TEXT = "#e6f4ff";
export const MUTED = "#8fb3d9";
export const LINE = "rgba(86, 160, 255, 0.18)";

export const CYAN = "#22d3ee";
export const BLUE = "#3b8cff";
export const GREEN = "#4ade80";
export const GOLD = "#fbbf24";
export const ORANGE = "#fb923c";
export const RED = "#ff4d4f";

/** The series colours of the pie and the bars, bright on navy. */
export const SERIES = [CYAN, BLUE, GOLD, GREEN, "#a78bfa", ORANGE, "#f472b6", "#94a3b8"];

/** What every chart's tooltip looks like on the screen. */
export const TOOLTIP = {
  backgroundColor: "rgba(4, 22, 54, 0.94)",
  borderColor: CYAN,
  borderWidth: 1,
  padding: [10, 14],
  textStyle: { color: TEXT, fontSize: 16, fontFamily: FONT },
  confine: true,
};

/** Axis lines, ticks and labels muted, so the data is what shines. */
export const AXIS = {
  axisLine: { lineStyle: { color: "rgba(143, 179, 217, 0.35)" } },
  axisTick: { show: false },
  axisLabel: { color: MUTED, fontSize: 14, fontFamily: FONT },
  splitLine: { lineStyle: { color: LINE, type: "dashed" as const } },
};
