import type { EChartsCoreOption } from "echarts/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { EChart } from "../common/echart.tsx";
import type { Overview } from "./data.ts";
import { Fill, Panel } from "./panel.tsx";
import { AXIS, BLUE, CYAN, FONT, TEXT, TOOLTIP } from "./theme.ts";

/** The most frequent categories; the rest would be bars too thin to read from the back of the room. */
const TOP = 8;

/** What residents ask about most: one horizontal bar per category, the biggest on top. */
export function CategoryBars({ overview }: { overview: Overview }) {
  const { t } = useTranslation();
  const top = overview.cases.byCategory.slice(0, TOP);
  const option = useMemo<EChartsCoreOption>(
    () => ({
      textStyle: { fontFamily: FONT },
      tooltip: { ...TOOLTIP, trigger: "axis", axisPointer: { type: "shadow" } },
      grid: { left: 8, right: 48, top: 4, bottom: 4, containLabel: true },
      xAxis: { type: "value", ...AXIS, axisLabel: { show: false }, splitLine: { show: false } },
      yAxis: {
        type: "category",
        inverse: true,
        data: top.map((c) => c.name),
        ...AXIS,
        axisLabel: { ...AXIS.axisLabel, color: TEXT, fontSize: 15 },
      },
      series: [
        {
          type: "bar",
          name: t("screen.figures.received"),
          data: top.map((c) => c.n),
          barWidth: 12,
          showBackground: true,
          backgroundStyle: { color: "rgba(86, 160, 255, 0.08)", borderRadius: 6 },
          itemStyle: {
            borderRadius: 6,
            color: {
              type: "linear",
              x: 0,
              y: 0,
              x2: 1,
              y2: 0,
              colorStops: [
                { offset: 0, color: BLUE },
                { offset: 1, color: CYAN },
              ],
            },
          },
          label: { show: true, position: "right", color: CYAN, fontSize: 15, fontWeight: "bold" },
        },
      ],
    }),
    [top, t],
  );
  return (
    <Panel title={t("screen.categories.title", { count: TOP })} className="categories-panel">
      <Fill>
        <EChart option={option} height="100%" label={t("screen.categories.title", { count: TOP })} />
      </Fill>
    </Panel>
  );
}
