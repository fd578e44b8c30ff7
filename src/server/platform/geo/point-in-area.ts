import type { Position } from "geojson";
import type { Area } from "./types.ts";

/**
 * One polygon with its rings laid end to end as [x0, y0, x1, y1, …]: a lookup then walks
 * one typed array instead of chasing a nested array per vertex.
 */
export interface FlatPolygon {
  xy: Float64Array;
  /** Where each ring ends in `xy` (exclusive, in array slots). */
  ringEnds: Uint32Array;
  box: [minX: number, minY: number, maxX: number, maxY: number];
}

export function flatten(area: Area): FlatPolygon[] {
  return (area.type === "Polygon" ? [area.coordinates] : area.coordinates).map(flattenPolygon);
}

function flattenPolygon(rings: Position[][]): FlatPolygon {
  const xy: number[] = [];
  const ringEnds: number[] = [];
  const box: FlatPolygon["box"] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const ring of rings) {
    for (const [x = Number.NaN, y = Number.NaN] of ring) {
      xy.push(x, y);
      box[0] = Math.min(box[0], x);
      box[1] = Math.min(box[1], y);
      box[2] = Math.max(box[2], x);
      box[3] = Math.max(box[3], y);
    }
    // Every edge is then a pair of consecutive points, even for a ring stored unclosed.
    const [first, last] = [ring[0], ring.at(-1)];
    if (first && last && (first[0] !== last[0] || first[1] !== last[1]))
      xy.push(first[0] ?? 0, first[1] ?? 0);
    ringEnds.push(xy.length);
  }
  return { xy: Float64Array.from(xy), ringEnds: Uint32Array.from(ringEnds), box };
}

/**
 * Even-odd ray casting over all rings (so holes subtract). Points on an edge or vertex count as
 * inside, as in turf's booleanPointInPolygon; exact for axis-parallel edges, within rounding otherwise.
 */
export function containsPoint({ xy, ringEnds }: FlatPolygon, x: number, y: number): boolean {
  let inside = false;
  let start = 0;
  for (let r = 0; r < ringEnds.length; r++) {
    const end = ringEnds[r] as number;
    for (let i = start + 2; i < end; i += 2) {
      const x1 = xy[i - 2] as number;
      const y1 = xy[i - 1] as number;
      const x2 = xy[i] as number;
      const y2 = xy[i + 1] as number;
      if (y1 > y !== y2 > y) {
        // The edge spans the ray's height; the sign of the cross product says which side the point is on.
        const cross = (x2 - x1) * (y - y1) - (x - x1) * (y2 - y1);
        if (cross === 0) return true;
        if (cross > 0 === y2 > y1) inside = !inside;
      } else if (
        (y1 === y || y2 === y) &&
        (x2 - x1) * (y - y1) === (x - x1) * (y2 - y1) &&
        x >= Math.min(x1, x2) &&
        x <= Math.max(x1, x2)
      ) {
        // A horizontal edge or a vertex at the ray's height, which the half-open test above skips.
        return true;
      }
    }
    start = end;
  }
  return inside;
}
