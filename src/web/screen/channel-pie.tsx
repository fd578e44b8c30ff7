import { type EChartsCoreOption, format } from "echarts/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { casesZhCN } from "../../shared/locales/cases.zh-CN.ts";
import { EChart } from "../common/echart.tsx";
import type { Overview } from "./data.ts";
import { Fill, Panel } from "./panel.tsx";
import { FONT, MUTED, SERIES, TEXT, TOOLTIP } from "./theme.ts";

type Channel = keyof typeof casesZhCN.channel;
/** Pixels of the legend a channel's name may take, its share to the right of it. */
const NAME_WIDTH = 136;
const isChannel = (key: string): key is Channel => Object.hasOwn(casesZhCN.channel, key);

/** Where requests come in (self-service, patrol, hotline…): a ring with its legend beside it. */
export function ChannelPie({ overview }: { overview: Overview }) {
  const { t } = useTranslation();
  const rows = overview.cases.byChannel;
  const total = rows.reduce((sum, r) => sum + r.n, 0);
  const option = useMemo<EChartsCoreOption>(() => {
    const data = rows.map((r) => ({
      name: isChannel(r.key) ? t(`cases.channel.${r.key}`) : r.name,
      value: r.n,
    }));
    const share = (name: string) => {
      const n = data.find((d) => d.name === name)?.value ?? 0;
      return total ? Math.round((n / total) * 100) : 0;
    };
    return {
      color: SERIES,
      textStyle: { fontFamily: FONT },
      tooltip: { ...TOOLTIP, trigger: "item", formatter: "{b}<br/>{c}（{d}%）" },
      legend: {
        orient: "vertical",
        left: "52%",
        top: "middle",
        itemWidth: 12,
        itemHeight: 12,
        itemGap: 10,
        icon: "roundRect",
        textStyle: {
          color: TEXT,
          fontSize: 14,
          fontFamily: FONT,
          rich: {
            name: { color: TEXT, fontSize: 14, fontFamily: FONT, width: NAME_WIDTH },
            pct: { color: MUTED, fontSize: 14, fontFamily: FONT, width: 40, align: "right" },
          },
        },
        // A long channel name ("兼职网格员（快递员）") is cut, never its share.
        formatter: (name: string) =>
          `{name|${format.truncateText(name, NAME_WIDTH, `14px ${FONT}`, "…")}}{pct|${share(name)}%}`,
      },
      series: [
        {
          type: "pie",
          radius: ["48%", "78%"],
          center: ["25%", "50%"],
          padAngle: 2,
          itemStyle: { borderRadius: 4 },
          label: {
            show: true,
            position: "center",
            formatter: () => `{n|${total}}\n{l|${t("screen.figures.received")}}`,
            rich: {
              n: { color: TEXT, fontSize: 26, fontWeight: "bold", fontFamily: FONT },
              l: { color: MUTED, fontSize: 14, padding: [4, 0, 0, 0], fontFamily: FONT },
            },
          },
          labelLine: { show: false },
          emphasis: { scale: true, scaleSize: 6, label: { show: true } },
          data,
        },
      ],
    };
  }, [rows, total, t]);
  return (
    <Panel title={t("screen.channels.title")} className="channels-panel">
      <Fill>
        <EChart option={option} height="100%" label={t("screen.channels.title")} />
      </Fill>
    </Panel>
  );
}
