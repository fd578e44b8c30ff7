import type { EChartsCoreOption } from "echarts/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { EChart } from "../../../common/echart.tsx";
import { CHANNELS, type Channel, channelLabel } from "../cases/case-labels.tsx";
import { useCategories } from "../cases/categories.ts";
import { ChartCard, PALETTE } from "./chart-card.tsx";
import type { Overview } from "./data.ts";

type Breakdown = Overview["cases"]["byCategory"];
const HEIGHT = 300;
const isChannel = (key: string): key is Channel => CHANNELS.includes(key as Channel);

/** The cases of the period by category, the largest on top. */
export function CategoryChart({ data }: { data: Overview | undefined }) {
  const { t, i18n } = useTranslation();
  const categories = useCategories();
  const rows = data?.cases.byCategory ?? [];
  const option = useMemo((): EChartsCoreOption => {
    // The server names categories in Chinese; the English names come with the category list.
    const name = (row: Breakdown[number]) =>
      (i18n.language === "en" && categories.data?.find((c) => c.code === row.key)?.nameEn) || row.name;
    const shown = rows.slice(0, 10).reverse();
    return {
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: "value", minInterval: 1, splitLine: { lineStyle: { color: "#f0f0f0" } } },
      yAxis: {
        type: "category",
        data: shown.map(name),
        axisTick: { show: false },
        axisLine: { lineStyle: { color: "#d9d9d9" } },
        axisLabel: { color: "#595959" },
      },
      series: [
        {
          name: t("dashboard.charts.received"),
          type: "bar",
          barMaxWidth: 16,
          data: shown.map((r) => r.n),
          itemStyle: { color: PALETTE[0], borderRadius: [0, 4, 4, 0] },
          label: { show: true, position: "right", color: "#595959" },
        },
      ],
    };
  }, [rows, categories.data, i18n.language, t]);
  return (
    <ChartCard
      title={t("dashboard.charts.byCategory")}
      loading={!data}
      empty={rows.length === 0}
      height={HEIGHT}
    >
      <EChart
        option={option}
        height="100%"
        style={{ minHeight: HEIGHT }}
        label={t("dashboard.charts.byCategory")}
      />
    </ChartCard>
  );
}

/** The cases of the period by the way they came in, as a ring. */
export function ChannelChart({ data }: { data: Overview | undefined }) {
  const { t } = useTranslation();
  const rows = data?.cases.byChannel ?? [];
  const total = rows.reduce((sum, r) => sum + r.n, 0);
  const option = useMemo(
    (): EChartsCoreOption => ({
      color: PALETTE,
      tooltip: { trigger: "item", formatter: "{b}: {c} ({d}%)" },
      legend: { bottom: 0, left: "center", itemWidth: 10, itemHeight: 10, itemGap: 12 },
      title: {
        text: String(total),
        subtext: t("dashboard.charts.received"),
        left: "center",
        top: "30%",
        textStyle: { fontSize: 26, fontWeight: 600, color: "#262626" },
        subtextStyle: { fontSize: 13, color: "#8c8c8c" },
      },
      series: [
        {
          type: "pie",
          radius: ["44%", "64%"],
          center: ["50%", "38%"],
          avoidLabelOverlap: true,
          itemStyle: { borderColor: "#fff", borderWidth: 2 },
          label: { show: false },
          data: rows.map((r) => ({ name: isChannel(r.key) ? channelLabel(t, r.key) : r.name, value: r.n })),
        },
      ],
    }),
    [rows, total, t],
  );
  return (
    <ChartCard title={t("dashboard.charts.byChannel")} loading={!data} empty={total === 0} height={HEIGHT}>
      <EChart option={option} height={HEIGHT} label={t("dashboard.charts.byChannel")} />
    </ChartCard>
  );
}
