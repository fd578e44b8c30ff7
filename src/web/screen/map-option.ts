import type { EChartsCoreOption } from "echarts/core";
import { format } from "echarts/core";
import type { TFunction } from "i18next";
import type { Area } from "./data.ts";
import { count, percent, shortName } from "./format.ts";
import { CYAN, FONT, MUTED, TEXT, TOOLTIP } from "./theme.ts";
import type { Measure } from "./use-view.ts";

type Ring = [number, number][];
type Geometry = { type: "Polygon"; coordinates: Ring[] } | { type: "MultiPolygon"; coordinates: Ring[][] };

export interface AreaFeature {
  type: "Feature";
  properties: { code: string; name: string };
  geometry: Geometry;
}
export interface AreaCollection {
  type: "FeatureCollection";
  features: AreaFeature[];
}

const isGeometry = (g: unknown): g is Geometry =>
  !!g &&
  typeof g === "object" &&
  ((g as Geometry).type === "Polygon" || (g as Geometry).type === "MultiPolygon") &&
  Array.isArray((g as Geometry).coordinates);

/** The areas that have a boundary, as the FeatureCollection ECharts's registerMap takes. */
export function collectionOf(items: readonly Area[]): AreaCollection {
  return {
    type: "FeatureCollection",
    features: items.flatMap((a) =>
      isGeometry(a.geometry)
        ? [{ type: "Feature" as const, properties: { code: a.code, name: a.name }, geometry: a.geometry }]
        : [],
    ),
  };
}

function outerRings(g: Geometry): Ring[] {
  return g.type === "Polygon" ? g.coordinates.slice(0, 1) : g.coordinates.flatMap((p) => p.slice(0, 1));
}

/** The middle of an area's bounding box, [lng, lat]: where its label sits and a test clicks. */
export function centreOf(g: Geometry): [number, number] {
  let [w, s, e, n] = [180, 90, -180, -90];
  for (const ring of outerRings(g))
    for (const [lng, lat] of ring) {
      w = Math.min(w, lng);
      e = Math.max(e, lng);
      s = Math.min(s, lat);
      n = Math.max(n, lat);
    }
  return [(w + e) / 2, (s + n) / 2];
}

/** East–west degrees are shorter than north–south ones by cos(latitude). */
export function aspectOf(data: AreaCollection): number {
  const lats = data.features.flatMap((f) => outerRings(f.geometry).flatMap((r) => r.map(([, lat]) => lat)));
  if (lats.length === 0) return 0.9;
  return Math.cos((((Math.min(...lats) + Math.max(...lats)) / 2) * Math.PI) / 180);
}

/** Low to high: deep navy to cyan for the requests, navy to amber to red for the overdue. */
const RAMPS: Record<Measure, string[]> = {
  received: ["#123d7a", "#1659b0", "#1a82cf", "#1fb0e6"],
  overdue: ["#123d7a", "#8a5a1c", "#d9621a", "#e8383b"],
};

interface Input {
  mapName: string;
  data: AreaCollection;
  items: readonly Area[];
  measure: Measure;
  /** The node whose map this is: its name is cut from the areas' labels. */
  parentName: string;
  /** Clicking an area opens it (not on a grid's own map). */
  drillable: boolean;
  t: TFunction;
  language: string;
}

/** The map series over the areas, coloured by the measure, with a tooltip of each area's figures. */
export function mapOption({
  mapName,
  data,
  items,
  measure,
  parentName,
  drillable,
  t,
  language,
}: Input): EChartsCoreOption {
  const byCode = new Map(items.map((a) => [a.code, a]));
  const measured = (a: Area) => (measure === "overdue" ? a.overdue : a.received);
  const values = items.map(measured);
  // From the quietest area, not from zero: fourteen busy communities would otherwise all look alike.
  const min = values.length > 1 ? Math.min(...values) : 0;
  const max = Math.max(min + 1, ...values);
  const n = (v: number) => count(v, language);
  return {
    textStyle: { fontFamily: FONT },
    tooltip: {
      ...TOOLTIP,
      trigger: "item",
      formatter: (p: { name: string }) => {
        const a = byCode.get(p.name);
        if (!a) return "";
        const lines = [
          t("screen.map.tooltip.received", { count: n(a.received) }),
          t("screen.map.tooltip.open", { count: n(a.open) }),
          t("screen.map.tooltip.overdue", { count: n(a.overdue) }),
          t("screen.map.tooltip.satisfaction", {
            rate: a.satisfactionRate === null ? "—" : `${percent(a.satisfactionRate)}%`,
          }),
        ];
        return [
          `<b style="font-size:18px;color:${CYAN}">${format.encodeHTML(a.name)}</b>`,
          ...lines.map(format.encodeHTML),
        ].join("<br/>");
      },
    },
    visualMap: {
      type: "continuous",
      min,
      max,
      left: 16,
      bottom: 16,
      itemWidth: 14,
      itemHeight: 120,
      text: [t("screen.map.high"), t("screen.map.low")],
      textStyle: { color: MUTED, fontSize: 14, fontFamily: FONT },
      calculable: false,
      // One area (a grid's own map) has nothing to compare with.
      show: items.length > 1,
      inRange: { color: RAMPS[measure] },
      seriesIndex: 0,
    },
    series: [
      {
        type: "map",
        map: mapName,
        nameProperty: "code",
        aspectScale: aspectOf(data),
        top: 48,
        bottom: 40,
        left: 100,
        right: 100,
        roam: false,
        selectedMode: false,
        cursor: drillable ? "pointer" : "default",
        itemStyle: {
          borderColor: "rgba(120, 220, 255, 0.9)",
          borderWidth: 1.5,
          shadowColor: "rgba(34, 211, 238, 0.45)",
          shadowBlur: 14,
        },
        label: {
          show: true,
          formatter: (p: { name: string }) => {
            const a = byCode.get(p.name);
            return a ? `{name|${shortName(a.name, parentName)}}\n{value|${n(measured(a))}}` : "";
          },
          rich: {
            name: { color: TEXT, fontSize: 15, fontFamily: FONT, textShadowColor: "#000", textShadowBlur: 4 },
            value: {
              color: "#ffe58f",
              fontSize: 18,
              fontWeight: "bold",
              fontFamily: FONT,
              padding: [4, 0, 0, 0],
              textShadowColor: "#000",
              textShadowBlur: 4,
            },
          },
        },
        emphasis: {
          label: { show: true },
          itemStyle: {
            areaColor: "#3d7bff",
            borderColor: "#ffffff",
            borderWidth: 3,
            shadowColor: "rgba(255, 255, 255, 0.6)",
            shadowBlur: 20,
          },
        },
        data: items.map((a) => ({ name: a.code, value: measured(a) })),
      },
    ],
  };
}
