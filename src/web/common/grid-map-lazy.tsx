import { lazy, Suspense } from "react";
import { useClientConfig } from "./client-config.ts";
import type { GridMapProps } from "./grid-map.tsx";

// The map libraries are the biggest things in the bundle: each loads when its first map is shown,
// not with the app. ECharts draws the grids on their own; Leaflet, when the deployment has map
// tiles (MAP_TILE_URL), draws them over the tiles.
const GridMap = lazy(() => import("./grid-map.tsx").then((m) => ({ default: m.GridMap })));
const GridMapTiles = lazy(() => import("./grid-map-tiles.tsx").then((m) => ({ default: m.GridMapTiles })));

/** GridMap, fetched on first use; the space it will take is kept meanwhile. */
export function LazyGridMap(props: GridMapProps) {
  const config = useClientConfig();
  const placeholder = <div style={{ height: props.height ?? 420, background: "#f7f9fb", borderRadius: 8 }} />;
  // Until the deployment's settings are known, which map to fetch is not; if they cannot be read, no tiles.
  if (config.isPending) return placeholder;
  const tiles = config.data?.map;
  return (
    <Suspense fallback={placeholder}>
      {tiles?.tileUrl ? (
        <GridMapTiles {...props} tileUrl={tiles.tileUrl} attribution={tiles.attribution} />
      ) : (
        <GridMap {...props} />
      )}
    </Suspense>
  );
}
