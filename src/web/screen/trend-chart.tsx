import type { EChartsCoreOption } from "echarts/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { EChart } from "../common/echart.tsx";
import type { Trend } from "./data.ts";
import { Fill, Panel } from "./panel.tsx";
import { AXIS, CYAN, FONT, GREEN, MUTED, TOOLTIP } from "./theme.ts";

/** "12-06" for a day, "3月"/"Mar" for a month. */
function periodLabel(period: string, interval: Trend["interval"], language: string): string {
  if (interval === "day") return period.slice(5);
  return new Date(`${period}T00:00:00Z`).toLocaleDateString(language, { month: "short", timeZone: "UTC" });
}

function area(colour: string) {
  return {
    type: "linear",
    x: 0,
    y: 0,
    x2: 0,
    y2: 1,
    colorStops: [
      { offset: 0, color: `${colour}66` },
      { offset: 1, color: `${colour}00` },
    ],
  };
}

/** Received and finished per day (or month over a year): is the pile growing or shrinking? */
export function TrendChart({ trend }: { trend: Trend | undefined }) {
  const { t, i18n } = useTranslation();
  const option = useMemo<EChartsCoreOption>(() => {
    const points = trend?.points ?? [];
    const line = (name: string, colour: string, data: number[]) => ({
      type: "line",
      name,
      data,
      // Gently: a fully smoothed curve dips below zero between quiet days.
      smooth: 0.3,
      smoothMonotone: "x",
      symbol: "circle",
      symbolSize: 6,
      showSymbol: points.length <= 31,
      lineStyle: { width: 3, color: colour, shadowColor: colour, shadowBlur: 8 },
      itemStyle: { color: colour },
      areaStyle: { color: area(colour) },
    });
    return {
      textStyle: { fontFamily: FONT },
      tooltip: { ...TOOLTIP, trigger: "axis" },
      legend: {
        top: 0,
        right: 0,
        itemWidth: 16,
        itemHeight: 8,
        textStyle: { color: MUTED, fontSize: 14, fontFamily: FONT },
      },
      grid: { left: 4, right: 12, top: 32, bottom: 4, containLabel: true },
      xAxis: {
        type: "category",
        boundaryGap: false,
        data: points.map((p) => periodLabel(p.period, trend?.interval ?? "day", i18n.language)),
        ...AXIS,
        splitLine: { show: false },
      },
      yAxis: { type: "value", minInterval: 1, ...AXIS, axisLine: { show: false } },
      series: [
        line(
          t("screen.trend.received"),
          CYAN,
          points.map((p) => p.received),
        ),
        line(
          t("screen.trend.finished"),
          GREEN,
          points.map((p) => p.finished),
        ),
      ],
    };
  }, [trend, t, i18n.language]);
  return (
    <Panel title={t("screen.trend.title")} className="trend-panel">
      <Fill>
        <EChart option={option} height="100%" label={t("screen.trend.title")} />
      </Fill>
    </Panel>
  );
}
