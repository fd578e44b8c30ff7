import { MapChart, type MapSeriesOption } from "echarts/charts";
import { TooltipComponent, type TooltipComponentOption } from "echarts/components";
import { type ComposeOption, type ECharts, format, init, registerMap, use } from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import type { Position } from "geojson";
import { useEffect, useId, useMemo, useRef } from "react";
import { useTranslation } from "react-i18next";
import {
  colouring,
  fillOf,
  GridMapFrame,
  type GridMapProps,
  HOVER_BORDER,
  HOVER_FILL,
  MAP_BACKGROUND,
  SELECTED_BORDER,
  SELECTED_FILL,
  SELECTED_LABEL,
  showLabelsFor,
  tooltipOf,
} from "./grid-map-style.tsx";
import type { GridCollection } from "./territory.ts";

// Only the map series, its tooltip and the canvas renderer: no tiles, no other chart types.
use([MapChart, TooltipComponent, CanvasRenderer]);
type Option = ComposeOption<MapSeriesOption | TooltipComponentOption>;

export type { GridMapProps } from "./grid-map-style.tsx";

/** Every [lng, lat] of the collection's polygons. */
function* positions(data: GridCollection): Generator<Position> {
  for (const f of data.features) {
    const polygons = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const polygon of polygons) for (const ring of polygon) yield* ring;
  }
}

/** East–west degrees are shorter than north–south ones by cos(latitude). */
function aspectOf(data: GridCollection): number {
  let min = 90;
  let max = -90;
  for (const [, lat] of positions(data)) {
    if (lat === undefined) continue;
    min = Math.min(min, lat);
    max = Math.max(max, lat);
  }
  return min > max ? 0.9 : Math.cos((((min + max) / 2) * Math.PI) / 180);
}

/** Grid polygons drawn by ECharts from GeoJSON, coloured by community; hover for the name, click to pick. */
export function GridMap({
  data,
  selectedCode,
  onSelect,
  height = 420,
  labels,
  roam = true,
  loading,
  large,
}: GridMapProps) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const select = useRef(onSelect);
  select.current = onSelect;
  const mapName = `grids${useId().replace(/[^\w]/g, "")}`;

  const byCode = useMemo(() => new Map(data?.features.map((f) => [f.properties.code, f.properties])), [data]);
  const colours = useMemo(() => (data ? colouring(data, t) : undefined), [data, t]);
  const byCodeRef = useRef(byCode);
  byCodeRef.current = byCode;
  const clickable = !!onSelect;

  // One chart per mounted map, resized with its box.
  useEffect(() => {
    if (!box.current) return;
    const instance = init(box.current, undefined, { renderer: "canvas" });
    chart.current = instance;
    instance.on("click", (params) => {
      const grid = byCodeRef.current.get(params.name);
      if (grid) select.current?.(grid);
    });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(box.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    const instance = chart.current;
    if (!instance) return;
    if (loading && !data) instance.showLoading({ text: t("map.loading"), color: SELECTED_BORDER });
    else instance.hideLoading();
  }, [loading, data, t]);

  useEffect(() => {
    const instance = chart.current;
    if (!instance || !data || data.features.length === 0) {
      instance?.clear();
      return;
    }
    registerMap(mapName, data as Parameters<typeof registerMap>[1]);
    const showLabels = showLabelsFor(data, labels);
    const fontSize = large ? 16 : 12;
    const option: Option = {
      tooltip: {
        trigger: "item",
        confine: true,
        formatter: (params) => {
          const p = Array.isArray(params) ? params[0] : params;
          const grid = p ? byCode.get(p.name) : undefined;
          if (!grid) return "";
          const { title, lines } = tooltipOf(grid, t);
          return [`<b>${format.encodeHTML(title)}</b>`, ...lines.map((l) => format.encodeHTML(l))].join(
            "<br/>",
          );
        },
      },
      series: [
        {
          type: "map",
          map: mapName,
          nameProperty: "code",
          aspectScale: aspectOf(data),
          roam,
          scaleLimit: { min: 0.8, max: 12 },
          top: 12,
          bottom: 12,
          left: 12,
          right: 12,
          selectedMode: false,
          cursor: clickable ? "pointer" : "default",
          label: {
            show: showLabels,
            fontSize,
            color: "#1f1f1f",
            formatter: (p) => byCode.get(p.name)?.name ?? "",
          },
          itemStyle: { borderColor: "#ffffff", borderWidth: large ? 2 : 1 },
          emphasis: {
            label: { show: true, fontSize, fontWeight: "bold", color: "#1f1f1f" },
            itemStyle: { areaColor: HOVER_FILL, borderColor: HOVER_BORDER, borderWidth: 2 },
          },
          data: data.features.map((f) => {
            const selected = f.properties.code === selectedCode;
            const fill = fillOf(colours, f.properties);
            return {
              name: f.properties.code,
              itemStyle: selected
                ? { areaColor: SELECTED_FILL, borderColor: SELECTED_BORDER, borderWidth: 3 }
                : { areaColor: fill },
              label: selected
                ? { show: true, fontWeight: "bold" as const, color: SELECTED_LABEL }
                : undefined,
              z: selected ? 2 : 1,
            };
          }),
        },
      ],
    };
    instance.setOption(option, { notMerge: true });
  }, [data, selectedCode, labels, roam, large, mapName, byCode, colours, clickable, t]);

  const empty = !!(!loading && data && data.features.length === 0);
  return (
    <GridMapFrame height={height} empty={empty} colours={colours}>
      <div
        ref={box}
        role="img"
        aria-label={t("map.label")}
        data-testid="grid-map"
        style={{ position: "absolute", inset: 0, background: MAP_BACKGROUND, borderRadius: 8 }}
      />
    </GridMapFrame>
  );
}
