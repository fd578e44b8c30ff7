import { lazy, Suspense } from "react";
import type { GridMapProps } from "./grid-map.tsx";

// ECharts is the biggest thing in the bundle: it loads when the first map is shown, not with the app.
const GridMap = lazy(() => import("./grid-map.tsx").then((m) => ({ default: m.GridMap })));

/** GridMap, fetched on first use; the space it will take is kept meanwhile. */
export function LazyGridMap(props: GridMapProps) {
  const placeholder = <div style={{ height: props.height ?? 420, background: "#f7f9fb", borderRadius: 8 }} />;
  return (
    <Suspense fallback={placeholder}>
      <GridMap {...props} />
    </Suspense>
  );
}
