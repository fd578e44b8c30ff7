import type { EChartsCoreOption } from "echarts/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { EChart } from "../../../common/echart.tsx";
import { ChartCard, PALETTE } from "./chart-card.tsx";
import type { Trend } from "./data.ts";

const HEIGHT = 300;
const AXIS = { lineStyle: { color: "#d9d9d9" } };
const LABEL = { color: "#8c8c8c" };

/** Cases received (bars) and finished (line) per day, per month over long periods. */
export function TrendChart({ data }: { data: Trend | undefined }) {
  const { t } = useTranslation();
  const points = data?.points ?? [];
  const empty = points.every((p) => p.received === 0 && p.finished === 0);
  const option = useMemo((): EChartsCoreOption => {
    // 11-07 by day, 2026-01 by month.
    const label = (period: string) => (data?.interval === "month" ? period.slice(0, 7) : period.slice(5));
    return {
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      legend: { top: 0, right: 0, itemWidth: 14, itemHeight: 8 },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      xAxis: {
        type: "category",
        data: points.map((p) => label(p.period)),
        axisLine: AXIS,
        axisTick: { show: false },
        axisLabel: LABEL,
      },
      yAxis: {
        type: "value",
        minInterval: 1,
        splitLine: { lineStyle: { color: "#f0f0f0" } },
        axisLabel: LABEL,
      },
      series: [
        {
          name: t("dashboard.charts.received"),
          type: "bar",
          barMaxWidth: 14,
          data: points.map((p) => p.received),
          itemStyle: { color: `${PALETTE[0]}cc`, borderRadius: [3, 3, 0, 0] },
        },
        {
          name: t("dashboard.charts.finished"),
          type: "line",
          smooth: 0.3,
          showSymbol: points.length <= 31,
          symbolSize: 5,
          data: points.map((p) => p.finished),
          lineStyle: { width: 2, color: PALETTE[1] },
          itemStyle: { color: PALETTE[1] },
        },
      ],
    };
  }, [data, points, t]);
  return (
    <ChartCard title={t("dashboard.charts.trend")} loading={!data} empty={empty} height={HEIGHT}>
      <EChart option={option} height={HEIGHT} label={t("dashboard.charts.trend")} />
    </ChartCard>
  );
}
