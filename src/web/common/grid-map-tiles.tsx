import type { Polygon as GeoPolygon, MultiPolygon } from "geojson";
import {
  circleMarker,
  control,
  divIcon,
  type GeoJSON,
  geoJSON,
  type Map as LeafletMap,
  type LeafletMouseEvent,
  layerGroup,
  map as leafletMap,
  marker,
  type Path,
  type PathOptions,
  type Polygon,
  tileLayer,
} from "leaflet";
import "leaflet/dist/leaflet.css";
import type { TFunction } from "i18next";
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  colouring,
  fillOf,
  GridMapFrame,
  type GridMapProps,
  HOVER_BORDER,
  HOVER_FILL,
  MAP_BACKGROUND,
  PIN_COLOUR,
  PIN_SIZE,
  SELECTED_BORDER,
  SELECTED_FILL,
  SELECTED_LABEL,
  showLabelsFor,
  tooltipOf,
} from "./grid-map-style.tsx";
import type { GridCollection, GridProperties } from "./territory.ts";

export interface GridMapTilesProps extends GridMapProps {
  /** The tile URL template, with {z}, {x} and {y} (MAP_TILE_URL). */
  tileUrl: string;
  /** The tile provider's credit, HTML set by the operator (MAP_TILE_ATTRIBUTION). */
  attribution?: string | null;
}

/** Over a street map the borders must stand out from the tiles, not from a blank background. */
const BORDER = "#3d4f61";

/** The tooltip as DOM nodes: names are text, never HTML. */
function tooltipElement(grid: GridProperties, t: TFunction): HTMLElement {
  const { title, lines } = tooltipOf(grid, t);
  const box = document.createElement("div");
  const bold = document.createElement("b");
  bold.textContent = title;
  box.append(bold);
  for (const line of lines) {
    const div = document.createElement("div");
    div.textContent = line;
    box.append(div);
  }
  return box;
}

function labelElement(name: string, selected: boolean, large: boolean | undefined): HTMLElement {
  const span = document.createElement("span");
  span.textContent = name;
  Object.assign(span.style, {
    position: "absolute",
    transform: "translate(-50%, -50%)",
    whiteSpace: "nowrap",
    fontSize: `${large ? 16 : 12}px`,
    fontWeight: selected ? "bold" : "normal",
    color: selected ? SELECTED_LABEL : "#1f1f1f",
    textShadow: "0 0 3px #fff, 0 0 3px #fff, 0 0 2px #fff",
    pointerEvents: "none",
  });
  return span;
}

/** The pane of GridMapProps.points: above the grids' overlay pane, below markers and tooltips. */
const POINTS_PANE = "gridPoints";

/** A teardrop pin, its point at the bottom centre. */
function pinElement(): HTMLElement {
  const pin = document.createElement("div");
  Object.assign(pin.style, {
    width: `${PIN_SIZE * 0.7}px`,
    height: `${PIN_SIZE * 0.7}px`,
    boxSizing: "border-box",
    background: PIN_COLOUR,
    border: "2px solid #fff",
    borderRadius: "50% 50% 50% 0",
    transform: "rotate(-45deg)",
    boxShadow: "0 1px 4px rgba(0,0,0,0.4)",
  });
  return pin;
}

/**
 * GridMap drawn with Leaflet over the deployment's map tiles: the same grids, colours, legend,
 * tooltips and picking as the ECharts map, which is used when no tile URL is configured.
 */
export function GridMapTiles({
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
  tileUrl,
  attribution,
}: GridMapTilesProps) {
  const { t } = useTranslation();
  const box = useRef<HTMLElement>(null);
  const [map, setMap] = useState<LeafletMap | null>(null);
  const select = useRef(onSelect);
  select.current = onSelect;
  const pick = useRef(onPick);
  pick.current = onPick;
  const pointClick = useRef(onPointClick);
  pointClick.current = onPointClick;
  /** The collection the view was last fitted to: picking a grid keeps the view, new data refits it. */
  const fitted = useRef<GridCollection | undefined>(undefined);
  const colours = useMemo(() => (data ? colouring(data, t) : undefined), [data, t]);
  const clickable = !!onSelect || !!onPick;
  const picking = !!onPick;
  const pinLat = pin?.lat;
  const pinLng = pin?.lng;

  // One map per mounted component, resized with its box.
  useEffect(() => {
    if (!box.current) return;
    // Created still: the roam effect below turns zooming and dragging on where the page allows it.
    const instance = leafletMap(box.current, {
      zoomControl: false,
      zoomSnap: 0.25,
      dragging: false,
      touchZoom: false,
      scrollWheelZoom: false,
      doubleClickZoom: false,
      boxZoom: false,
      keyboard: false,
    });
    instance.attributionControl.setPrefix(
      '<a href="https://leafletjs.com" target="_blank" rel="noopener noreferrer">Leaflet</a>',
    );
    const observer = new ResizeObserver(() => instance.invalidateSize());
    observer.observe(box.current);
    setMap(instance);
    return () => {
      observer.disconnect();
      instance.remove();
      fitted.current = undefined;
      setMap(null);
    };
  }, []);

  useEffect(() => {
    if (!map) return;
    const layer = tileLayer(tileUrl, { attribution: attribution ?? undefined }).addTo(map);
    return () => {
      layer.remove();
    };
  }, [map, tileUrl, attribution]);

  // A tap anywhere (inside a grid or not: grid clicks bubble to the map) picks the point under it.
  useEffect(() => {
    if (!map || !picking) return;
    const onClick = (e: LeafletMouseEvent) => pick.current?.({ lat: e.latlng.lat, lng: e.latlng.lng });
    map.on("click", onClick);
    return () => {
      map.off("click", onClick);
    };
  }, [map, picking]);

  useEffect(() => {
    if (!map || pinLat === undefined || pinLng === undefined) return;
    const size = PIN_SIZE * 0.7;
    const shown = marker([pinLat, pinLng], {
      icon: divIcon({
        className: "",
        html: pinElement(),
        iconSize: [size, size],
        iconAnchor: [size / 2, size * 1.2],
      }),
      interactive: false,
      keyboard: false,
      zIndexOffset: 1000,
    }).addTo(map);
    return () => {
      shown.remove();
    };
  }, [map, pinLat, pinLng]);

  // The points: dots with their title on hover; a click opens the point, not a pick or a grid.
  useEffect(() => {
    if (!map || !points?.length) return;
    // Their own pane, above the grids however often those are redrawn.
    const pane = map.getPane(POINTS_PANE) ?? map.createPane(POINTS_PANE);
    pane.style.zIndex = "450";
    const group = layerGroup().addTo(map);
    for (const p of points) {
      const tip = document.createElement("span");
      tip.textContent = p.title;
      circleMarker([p.lat, p.lng], {
        pane: POINTS_PANE,
        radius: large ? 7 : 5,
        color: "#fff",
        weight: 1.5,
        fillColor: p.colour,
        fillOpacity: 1,
        bubblingMouseEvents: false,
      })
        .bindTooltip(tip, { direction: "top", offset: [0, -6] })
        .on("click", () => pointClick.current?.(p))
        .addTo(group);
    }
    return () => {
      group.remove();
    };
  }, [map, points, large]);

  // Zoom and drag only where the page allows it (see GridMapProps.roam).
  useEffect(() => {
    if (!map || !roam) return;
    const handlers = [
      map.dragging,
      map.touchZoom,
      map.scrollWheelZoom,
      map.doubleClickZoom,
      map.boxZoom,
      map.keyboard,
    ];
    for (const h of handlers) h.enable();
    const zoom = control.zoom().addTo(map);
    return () => {
      zoom.remove();
      for (const h of handlers) h.disable();
    };
  }, [map, roam]);

  useEffect(() => {
    if (!map || !data || data.features.length === 0) return;
    const weight = large ? 2 : 1;
    const styleOf = (grid: GridProperties | undefined): PathOptions =>
      grid?.code === selectedCode
        ? { color: SELECTED_BORDER, weight: 3, opacity: 1, fillColor: SELECTED_FILL, fillOpacity: 0.75 }
        : { color: BORDER, weight, opacity: 0.9, fillColor: grid && fillOf(colours, grid), fillOpacity: 0.6 };
    const group = layerGroup().addTo(map);
    const grids: GeoJSON<GridProperties, GeoPolygon | MultiPolygon> = geoJSON(data, {
      style: (feature) => styleOf(feature?.properties),
      onEachFeature: (feature, layer) => {
        const grid = feature.properties;
        layer.bindTooltip(tooltipElement(grid, t), { sticky: true, direction: "top", offset: [0, -8] });
        if (grid.code === selectedCode) return;
        layer.on({
          mouseover: () =>
            (layer as Path).setStyle({ fillColor: HOVER_FILL, color: HOVER_BORDER, weight: 2 }),
          mouseout: () => grids.resetStyle(layer),
        });
      },
    });
    grids.on("click", (e) => {
      const grid = (e.propagatedFrom as { feature?: { properties: GridProperties } } | undefined)?.feature
        ?.properties;
      if (grid) select.current?.(grid);
    });
    if (fitted.current !== data) {
      map.fitBounds(grids.getBounds(), { padding: [12, 12], animate: false });
      fitted.current = data;
    }
    grids.addTo(group);

    const showLabels = showLabelsFor(data, labels);
    grids.eachLayer((layer) => {
      const grid = (layer as Polygon & { feature: { properties: GridProperties } }).feature.properties;
      const selected = grid.code === selectedCode;
      const path = (layer as Path).getElement() as SVGElement | undefined;
      path?.style.setProperty("cursor", clickable ? "pointer" : roam ? "grab" : "default");
      if (selected) (layer as Path).bringToFront();
      if (!showLabels && !selected) return;
      marker((layer as Polygon).getCenter(), {
        icon: divIcon({ className: "", html: labelElement(grid.name, selected, large), iconSize: [0, 0] }),
        interactive: false,
        keyboard: false,
      }).addTo(group);
    });
    return () => {
      group.remove();
    };
  }, [map, data, selectedCode, labels, large, roam, colours, clickable, t]);

  const empty = !!(!loading && data && data.features.length === 0);
  return (
    <GridMapFrame height={height} empty={empty} colours={colours}>
      <section
        ref={box}
        aria-label={t("map.label")}
        data-testid="grid-map"
        data-map="tiles"
        style={{ position: "absolute", inset: 0, zIndex: 0, background: MAP_BACKGROUND, borderRadius: 8 }}
      ></section>
      {loading && !data && (
        <div
          style={{
            position: "absolute",
            inset: 0,
            zIndex: 1,
            display: "flex",
            alignItems: "center",
            justifyContent: "center",
            color: "#595959",
            pointerEvents: "none",
          }}
        >
          {t("map.loading")}
        </div>
      )}
    </GridMapFrame>
  );
}
