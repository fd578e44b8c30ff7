import { MapChart, type MapSeriesOption } from "echarts/charts";
import { MarkPointComponent, TooltipComponent, type TooltipComponentOption } from "echarts/components";
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
  type MapPoint,
  PIN_COLOUR,
  PIN_SIZE,
  SELECTED_BORDER,
  SELECTED_FILL,
  SELECTED_LABEL,
  showLabelsFor,
  tooltipOf,
} from "./grid-map-style.tsx";
import type { GridCollection } from "./territory.ts";

// Only the map series, its tooltip, the pin and the canvas renderer: no tiles, no other chart types.
use([MapChart, TooltipComponent, MarkPointComponent, CanvasRenderer]);
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

/** The markers over the grids: the points (dots that answer clicks), then the picked place's pin. */
function marksOf(
  points: readonly MapPoint[] | undefined,
  pinLat: number | undefined,
  pinLng: number | undefined,
  large: boolean | undefined,
): MapSeriesOption["markPoint"] {
  const dots = (points ?? []).map((p) => ({
    name: p.id,
    coord: [p.lng, p.lat],
    symbol: "circle",
    symbolSize: large ? 14 : 10,
    itemStyle: { color: p.colour, borderColor: "#fff", borderWidth: 1.5 },
  }));
  const pin =
    pinLat !== undefined && pinLng !== undefined
      ? [
          {
            name: "pin",
            coord: [pinLng, pinLat],
            symbol: "pin",
            symbolSize: PIN_SIZE,
            itemStyle: { color: PIN_COLOUR, borderColor: "#fff", borderWidth: 2 },
          },
        ]
      : [];
  if (dots.length + pin.length === 0) return undefined;
  return {
    // Only dots answer the mouse: a pin under the pointer must not stop the next pick.
    silent: dots.length === 0,
    animation: false,
    label: { show: false },
    data: [...dots, ...pin],
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
  pin,
  onPick,
  points,
  onPointClick,
}: GridMapProps) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const select = useRef(onSelect);
  select.current = onSelect;
  const pick = useRef(onPick);
  pick.current = onPick;
  const pointClick = useRef(onPointClick);
  pointClick.current = onPointClick;
  const mapName = `grids${useId().replace(/[^\w]/g, "")}`;

  const byCode = useMemo(() => new Map(data?.features.map((f) => [f.properties.code, f.properties])), [data]);
  const colours = useMemo(() => (data ? colouring(data, t) : undefined), [data, t]);
  const byCodeRef = useRef(byCode);
  byCodeRef.current = byCode;
  const byPoint = useMemo(() => new Map(points?.map((p) => [p.id, p])), [points]);
  const byPointRef = useRef(byPoint);
  byPointRef.current = byPoint;
  const clickable = !!onSelect || !!onPick;
  // By value: a pin rebuilt on each render of the page must not redraw the map.
  const pinLat = pin?.lat;
  const pinLng = pin?.lng;

  // One chart per mounted map, resized with its box.
  useEffect(() => {
    if (!box.current) return;
    const instance = init(box.current, undefined, { renderer: "canvas" });
    chart.current = instance;
    instance.on("click", (params) => {
      const point = params.componentType === "markPoint" ? byPointRef.current.get(params.name) : undefined;
      if (point) return pointClick.current?.(point);
      const grid = byCodeRef.current.get(params.name);
      if (grid) select.current?.(grid);
    });
    // A tap anywhere (inside a grid or not) picks the point under it, in the map's lng/lat.
    instance.getZr().on("click", (e) => {
      if (!pick.current || !instance.getOption()?.series) return;
      const at = instance.convertFromPixel({ seriesIndex: 0 }, [e.offsetX, e.offsetY]) as
        | number[]
        | undefined;
      const [lng, lat] = at ?? [];
      if (Number.isFinite(lng) && Number.isFinite(lat))
        pick.current({ lat: lat as number, lng: lng as number });
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
          const point = p?.componentType === "markPoint" ? byPoint.get(p.name) : undefined;
          if (point) return format.encodeHTML(point.title);
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
          markPoint: marksOf(points, pinLat, pinLng, large),
        },
      ],
    };
    instance.setOption(option, { notMerge: true });
  }, [
    data,
    selectedCode,
    labels,
    roam,
    large,
    mapName,
    byCode,
    colours,
    clickable,
    pinLat,
    pinLng,
    points,
    byPoint,
    t,
  ]);

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
