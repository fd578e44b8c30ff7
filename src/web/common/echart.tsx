import { BarChart, LineChart, MapChart, PieChart } from "echarts/charts";
import {
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
} from "echarts/components";
import { type ECharts, type EChartsCoreOption, init, use } from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { type CSSProperties, useEffect, useRef } from "react";

// The chart types the dashboards draw; each page's bundle takes only these.
use([
  LineChart,
  BarChart,
  PieChart,
  MapChart,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

export interface EChartProps {
  option: EChartsCoreOption;
  /** Height of the box; the width follows the container. */
  height?: number | string;
  style?: CSSProperties;
  /** ECharts's theme name ("dark" on the big screen). */
  theme?: string;
  /** A click on a series item: its name and data. */
  onClick?: (item: { name: string; data: unknown; seriesIndex?: number }) => void;
  /** For tests and screen readers: what the chart shows. */
  label?: string;
}

/** One ECharts instance per mounted box, resized with it; a new option replaces the old one. */
export function EChart({ option, height = 320, style, theme, onClick, label }: EChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const click = useRef(onClick);
  click.current = onClick;

  useEffect(() => {
    if (!box.current) return;
    const instance = init(box.current, theme, { renderer: "canvas" });
    chart.current = instance;
    instance.on("click", (params) =>
      click.current?.({ name: params.name, data: params.data, seriesIndex: params.seriesIndex }),
    );
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(box.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [theme]);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={box} role="img" aria-label={label} style={{ width: "100%", height, ...style }} />;
}
