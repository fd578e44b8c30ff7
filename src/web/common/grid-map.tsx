import { MapChart, type MapSeriesOption } from "echarts/charts";
import { TooltipComponent, type TooltipComponentOption } from "echarts/components";
import { type ComposeOption, type ECharts, format, init, registerMap, use } from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import type { Position } from "geojson";
import type { TFunction } from "i18next";
import { type CSSProperties, useEffect, useId, useMemo, useRef } from "react";
import { useTranslation } from "react-i18next";
import { gridTypeLabel } from "./labels.ts";
import type { GridCollection, GridProperties } from "./territory.ts";

// Only the map series, its tooltip and the canvas renderer: no tiles, no other chart types.
use([MapChart, TooltipComponent, CanvasRenderer]);
type Option = ComposeOption<MapSeriesOption | TooltipComponentOption>;

/** Soft fills, one per community; the party red is kept for the selected grid. */
const PALETTE = [
  "#9ec5fe",
  "#a3e4c1",
  "#ffd8a8",
  "#d0bfff",
  "#99e9f2",
  "#fcc2d7",
  "#c0eb75",
  "#ffe066",
  "#b2c7da",
  "#e9b8a0",
  "#96f2d7",
  "#eebefa",
  "#bac8ff",
  "#dee2e6",
  "#d9d29b",
];
const SELECTED_FILL = "#f3a6a9";
const SELECTED_BORDER = "#c8161d";
/** More entries than this and the legend would be a wall of names. */
const MAX_LEGEND = 16;
/** Grid names are drawn on the map when there are at most this many grids. */
const MAX_LABELS = 12;

export interface GridMapProps {
  data: GridCollection | undefined;
  /** The code of the grid to highlight. */
  selectedCode?: string;
  onSelect?: (grid: GridProperties) => void;
  height?: CSSProperties["height"];
  /** Grid names on the map; by default only when there are few grids. */
  labels?: boolean;
  /** Wheel/pinch zoom and drag; off on phones, where it would trap the page's scrolling. */
  roam?: boolean;
  loading?: boolean;
  /** Bigger names and borders (phones). */
  large?: boolean;
}

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

interface Colouring {
  /** The legend entry of a grid. */
  keyOf: (grid: GridProperties) => string;
  entries: Map<string, { name: string; colour: string }>;
}

/**
 * Grids of several communities are coloured by community; those of one community by grid type
 * (片区/小区/楼院/单位). Entries are in code order, so a community keeps its colour between views.
 */
function colouring(data: GridCollection, t: TFunction): Colouring {
  const communities = new Set(data.features.map((f) => f.properties.communityCode ?? ""));
  const keyOf =
    communities.size > 1 ? (g: GridProperties) => g.communityCode ?? "" : (g: GridProperties) => g.type ?? "";
  const nameOf =
    communities.size > 1
      ? (g: GridProperties) => g.community ?? ""
      : (g: GridProperties) => gridTypeLabel(t, g.type) ?? "";
  const names = new Map<string, string>();
  for (const f of data.features) {
    const key = keyOf(f.properties);
    if (!names.has(key)) names.set(key, nameOf(f.properties));
  }
  const sorted = [...names].sort(([a], [b]) => a.localeCompare(b));
  return {
    keyOf,
    entries: new Map(
      sorted.map(([key, name], i) => [key, { name, colour: PALETTE[i % PALETTE.length] ?? "#ddd" }]),
    ),
  };
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
    const showLabels = labels ?? data.features.length <= MAX_LABELS;
    const fontSize = large ? 16 : 12;
    const line = (label: string, value: string) => format.encodeHTML(t("common.labelled", { label, value }));
    const option: Option = {
      tooltip: {
        trigger: "item",
        confine: true,
        formatter: (params) => {
          const p = Array.isArray(params) ? params[0] : params;
          const grid = p ? byCode.get(p.name) : undefined;
          if (!grid) return "";
          const lines = [
            `<b>${format.encodeHTML(grid.name)}</b>`,
            line(t("map.code"), grid.code),
            grid.unitCode ? line(t("map.unitCode"), grid.unitCode) : "",
            grid.community ? line(t("map.community"), grid.community) : "",
          ];
          return lines.filter(Boolean).join("<br/>");
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
            itemStyle: { areaColor: "#ffe7ba", borderColor: "#595959", borderWidth: 2 },
          },
          data: data.features.map((f) => {
            const selected = f.properties.code === selectedCode;
            const fill = colours?.entries.get(colours.keyOf(f.properties))?.colour ?? PALETTE[0];
            return {
              name: f.properties.code,
              itemStyle: selected
                ? { areaColor: SELECTED_FILL, borderColor: SELECTED_BORDER, borderWidth: 3 }
                : { areaColor: fill },
              label: selected ? { show: true, fontWeight: "bold" as const, color: "#8c0d12" } : undefined,
              z: selected ? 2 : 1,
            };
          }),
        },
      ],
    };
    instance.setOption(option, { notMerge: true });
  }, [data, selectedCode, labels, roam, large, mapName, byCode, colours, clickable, t]);

  const empty = !loading && data && data.features.length === 0;
  const entries = colours?.entries;
  const legend = entries && entries.size > 1 && entries.size <= MAX_LEGEND ? [...entries.values()] : [];
  return (
    <div>
      <div style={{ position: "relative", height }}>
        <div
          ref={box}
          role="img"
          aria-label={t("map.label")}
          data-testid="grid-map"
          style={{ position: "absolute", inset: 0, background: "#f7f9fb", borderRadius: 8 }}
        />
        {empty && (
          <div
            style={{
              position: "absolute",
              inset: 0,
              display: "flex",
              alignItems: "center",
              justifyContent: "center",
              color: "#595959",
            }}
          >
            {t("map.empty")}
          </div>
        )}
      </div>
      {legend.length > 0 && (
        <ul
          aria-label={t("map.legend")}
          style={{
            display: "flex",
            flexWrap: "wrap",
            gap: "4px 16px",
            listStyle: "none",
            margin: "8px 0 0",
            padding: 0,
          }}
        >
          {legend.map((c) => (
            <li
              key={c.name}
              style={{ display: "flex", alignItems: "center", gap: 6, fontSize: 13, color: "#434343" }}
            >
              <span
                aria-hidden
                style={{
                  width: 12,
                  height: 12,
                  borderRadius: 3,
                  background: c.colour,
                  display: "inline-block",
                }}
              />
              {c.name}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
