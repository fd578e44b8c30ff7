export { type ChartOption, type ChartSize, renderChartPng } from "./render.ts";
