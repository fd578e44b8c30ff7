import type { Polygon } from "geojson";
import type { Rect } from "../../platform/geo/index.ts";
import type { Rng } from "./random.ts";

export { type Rect, rectPolygon, splitRect } from "../../platform/geo/index.ts";

/** The bounding rectangle of a polygon (for the generator's rectangles: the rectangle itself). */
export function rectOf(polygon: Polygon): Rect {
  const ring = polygon.coordinates[0] ?? [];
  const xs = ring.map((p) => p[0] ?? 0);
  const ys = ring.map((p) => p[1] ?? 0);
  return { west: Math.min(...xs), south: Math.min(...ys), east: Math.max(...xs), north: Math.max(...ys) };
}

// About 0.1 m: enough for a map, and short in the JSON.
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** A random point well inside the rectangle (10 % margin), so rounding never puts it on an edge. */
export function pointIn(rng: Rng, r: Rect): { lat: number; lng: number } {
  const at = (from: number, to: number) => round6(from + (to - from) * (0.1 + 0.8 * rng.next()));
  return { lng: at(r.west, r.east), lat: at(r.south, r.north) };
}
