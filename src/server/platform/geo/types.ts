import type { MultiPolygon, Polygon } from "geojson";

/** A grid's (or any territory node's) boundary: GeoJSON, [lng, lat] in WGS84 degrees. */
export type Area = Polygon | MultiPolygon;

export interface PolygonProblem {
  rule: "type" | "closed" | "ring_size" | "coordinates" | "self_intersection" | "outside_parent" | "overlap";
  /** "中文 (English)", written for the person fixing the GIS file. */
  message: string;
  /**
   * Where: [lng, lat] of the offending point, `{ polygon?, ring, position? }` (1-based, as in the
   * message), or for an overlap `{ code, m2, near }`.
   */
  at?: unknown;
}
