import type { TFunction } from "i18next";
import type { CSSProperties, ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { gridTypeLabel } from "./labels.ts";
import type { GridCollection, GridProperties } from "./territory.ts";

// What both grid maps share (ECharts without tiles, Leaflet over tiles): props, colours, legend.
// Nothing here may import echarts or leaflet, so each map's library stays in its own chunk.

/** Soft fills, one per community; the party red is kept for the selected grid. */
export const PALETTE = [
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
export const SELECTED_FILL = "#f3a6a9";
export const SELECTED_BORDER = "#c8161d";
export const SELECTED_LABEL = "#8c0d12";
export const HOVER_FILL = "#ffe7ba";
export const HOVER_BORDER = "#595959";
export const MAP_BACKGROUND = "#f7f9fb";
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
  /** A point marked with a pin (a place picked for a case). */
  pin?: LatLng | null;
  /** Tap anywhere on the map to pick a point (WGS84). */
  onPick?: (point: LatLng) => void;
  /** Markers over the grids (open cases); keep the array stable between renders, it redraws the map. */
  points?: readonly MapPoint[];
  onPointClick?: (point: MapPoint) => void;
}

/** A marker of GridMapProps.points: a dot of its colour, its title on hover. */
export interface MapPoint extends LatLng {
  id: string;
  colour: string;
  title: string;
}

export interface LatLng {
  lat: number;
  lng: number;
}

/** The pin's colour and size, shared by both maps. */
export const PIN_COLOUR = SELECTED_BORDER;
export const PIN_SIZE = 36;

/** Whether grid names are drawn: as asked, else only when there are few grids. */
export const showLabelsFor = (data: GridCollection, labels: boolean | undefined): boolean =>
  labels ?? data.features.length <= MAX_LABELS;

export interface Colouring {
  /** The legend entry of a grid. */
  keyOf: (grid: GridProperties) => string;
  entries: Map<string, { name: string; colour: string }>;
}

/**
 * Grids of several communities are coloured by community; those of one community by grid type
 * (片区/小区/楼院/单位). Entries are in code order, so a community keeps its colour between views.
 */
export function colouring(data: GridCollection, t: TFunction): Colouring {
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

/** The fill of an unselected grid. */
export const fillOf = (colours: Colouring | undefined, grid: GridProperties): string =>
  colours?.entries.get(colours.keyOf(grid))?.colour ?? PALETTE[0] ?? "#ddd";

/** The tooltip of a grid: its name in bold, then "label: value" lines. */
export function tooltipOf(grid: GridProperties, t: TFunction): { title: string; lines: string[] } {
  const line = (label: string, value: string) => t("common.labelled", { label, value });
  return {
    title: grid.name,
    lines: [
      line(t("map.code"), grid.code),
      grid.unitCode ? line(t("map.unitCode"), grid.unitCode) : "",
      grid.community ? line(t("map.community"), grid.community) : "",
    ].filter(Boolean),
  };
}

/**
 * The map's frame: the drawing (children, which fill the box), the "no grids" note over it, and
 * the legend under it.
 */
export function GridMapFrame({
  height,
  empty,
  colours,
  children,
}: {
  height: CSSProperties["height"];
  empty: boolean;
  colours: Colouring | undefined;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const entries = colours?.entries;
  const legend = entries && entries.size > 1 && entries.size <= MAX_LEGEND ? [...entries.values()] : [];
  return (
    <div>
      <div style={{ position: "relative", height }}>
        {children}
        {empty && (
          <div
            style={{
              position: "absolute",
              inset: 0,
              display: "flex",
              alignItems: "center",
              justifyContent: "center",
              color: "#595959",
              pointerEvents: "none",
              zIndex: 1,
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
