import type { EChartsCoreOption } from "echarts/core";
import { type CSSProperties, lazy, Suspense } from "react";

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

let canvas: Promise<typeof import("./echart-canvas.tsx")> | undefined;

/**
 * ECharts, the largest library of the pages, fetched once, when a chart is first drawn or ahead of
 * that by a page that will draw some: beside the page and its data rather than before them. The
 * charts fill their boxes when it arrives.
 */
export const loadCharts = () => {
  canvas ??= import("./echart-canvas.tsx");
  return canvas;
};

const Canvas = lazy(() => loadCharts().then((m) => ({ default: m.EChartCanvas })));

/** A chart: ECharts in a box of the given height, whose width follows the container. */
export function EChart({ height = 320, ...props }: EChartProps) {
  return (
    <Suspense fallback={<div style={{ width: "100%", height, ...props.style }} />}>
      <Canvas height={height} {...props} />
    </Suspense>
  );
}
