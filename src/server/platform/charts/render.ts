import { Resvg } from "@resvg/resvg-js";
import * as echarts from "echarts";
import { FONT_FAMILY, fontPaths } from "../pdf/index.ts";

export type ChartOption = echarts.EChartsOption;

export interface ChartSize {
  /** In CSS pixels: the size the option is laid out for. */
  width: number;
  height: number;
}

/** Pixels per CSS pixel in the PNG: twice the layout size stays sharp when printed. */
const ZOOM = 2;

/**
 * An ECharts option as a PNG, for reports (PDF, .xlsx) where no browser draws it: ECharts lays it
 * out as SVG on the server, resvg paints that with the same Chinese font the PDFs embed (no system
 * fonts, so the picture is the same on every machine). Animation is off, or the SVG would hold the
 * first frame of it. Tens of milliseconds of CPU a chart: call it in a worker thread
 * (platform/workers). It paints on that thread, not on libuv's pool, which the event loop needs
 * for files and passwords.
 */
export function renderChartPng(option: ChartOption, size: ChartSize): Buffer {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, ...size });
  let svg: string;
  try {
    chart.setOption({ ...option, animation: false });
    svg = chart.renderToSVGString();
  } finally {
    // A chart left alive keeps a timer running and the process from exiting.
    chart.dispose();
  }
  const fonts = fontPaths();
  const resvg = new Resvg(svg, {
    font: {
      loadSystemFonts: false,
      fontFiles: [fonts.regular, fonts.bold],
      defaultFontFamily: FONT_FAMILY,
      sansSerifFamily: FONT_FAMILY,
    },
    fitTo: { mode: "zoom", value: ZOOM },
    background: "#ffffff",
  });
  return resvg.render().asPng();
}
