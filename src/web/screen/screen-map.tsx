import { MapChart } from "echarts/charts";
import { TooltipComponent, VisualMapComponent } from "echarts/components";
import { type ECharts, init, registerMap, use } from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useEffect, useMemo, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { Area, Areas } from "./data.ts";
import { collectionOf, mapOption } from "./map-option.ts";
import type { Measure } from "./use-view.ts";

use([MapChart, TooltipComponent, VisualMapComponent, CanvasRenderer]);

declare global {
  interface Window {
    /** The map's chart, for the browser test to find an area's position on the canvas. */
    __screenChart?: ECharts;
  }
}

interface Props {
  areas: Areas;
  measure: Measure;
  /** An area was clicked; not called on a grid's own map, which is as deep as it goes. */
  onDrill: (area: Area) => void;
}

/** The areas of the current node as a choropleth: click one to drill into it. */
export function ScreenMap({ areas, measure, onDrill }: Props) {
  const { t, i18n } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  // The grid's own map shows the grid itself: nothing below it to open.
  const drillable = !areas.items.some((a) => a.id === areas.node.id);
  const drill = useRef({ onDrill, byCode: new Map<string, Area>(), drillable });
  drill.current = { onDrill, byCode: new Map(areas.items.map((a) => [a.code, a])), drillable };
  const data = useMemo(() => collectionOf(areas.items), [areas.items]);

  useEffect(() => {
    if (!box.current) return;
    const instance = init(box.current, undefined, { renderer: "canvas" });
    chart.current = instance;
    window.__screenChart = instance;
    instance.on("click", (params) => {
      const { onDrill, byCode, drillable } = drill.current;
      const area = byCode.get(params.name);
      if (area && drillable) onDrill(area);
    });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(box.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
      if (window.__screenChart === instance) window.__screenChart = undefined;
    };
  }, []);

  useEffect(() => {
    const instance = chart.current;
    if (!instance) return;
    if (data.features.length === 0) {
      instance.clear();
      return;
    }
    // One registered map per node, so that going back up redraws the outline already known.
    const mapName = `screen-${areas.node.id}`;
    registerMap(mapName, data as unknown as Parameters<typeof registerMap>[1]);
    instance.setOption(
      mapOption({
        mapName,
        data,
        items: areas.items,
        measure,
        parentName: areas.node.name,
        drillable,
        t,
        language: i18n.language,
      }),
      { notMerge: true },
    );
  }, [data, areas.items, areas.node, measure, drillable, t, i18n.language]);

  return (
    <div className="map-box" data-testid="screen-map" data-node={areas.node.id}>
      <div ref={box} className="map-canvas" role="img" aria-label={t("screen.map.label")} />
      {data.features.length === 0 && <div className="empty map-empty">{t("screen.map.empty")}</div>}
    </div>
  );
}
