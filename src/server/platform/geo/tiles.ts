import { centroid } from "@turf/centroid";
import type { Polygon } from "geojson";
import type { Area } from "./types.ts";

export interface Rect {
  west: number;
  south: number;
  east: number;
  north: number;
}

/** A closed, counter-clockwise (RFC 7946) rectangle. */
export function rectPolygon({ west, south, east, north }: Rect): Polygon {
  return {
    type: "Polygon",
    coordinates: [
      [
        [west, south],
        [east, south],
        [east, north],
        [west, north],
        [west, south],
      ],
    ],
  };
}

/**
 * Splits a lng/lat rectangle into cols × rows adjacent rectangles, row-major from the north-west
 * corner (reading order on a map). Neighbours share edges exactly: every cut is computed once.
 */
export function splitRect(rect: Rect, cols: number, rows: number): Polygon[] {
  const cut = (from: number, to: number, n: number) =>
    Array.from({ length: n + 1 }, (_, i) => (i === n ? to : from + ((to - from) * i) / n));
  const xs = cut(rect.west, rect.east, cols);
  const ys = cut(rect.north, rect.south, rows);
  const cells: Polygon[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      cells.push(
        rectPolygon({
          west: xs[c] as number,
          east: xs[c + 1] as number,
          north: ys[r] as number,
          south: ys[r + 1] as number,
        }),
      );
    }
  }
  return cells;
}

/** [lng, lat]: the mean of the vertices, which for a rectangle is its centre. */
export function centroidOf(area: Area): [number, number] {
  const [lng = Number.NaN, lat = Number.NaN] = centroid(area).geometry.coordinates;
  return [lng, lat];
}
