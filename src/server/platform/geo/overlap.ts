import { area as areaM2 } from "@turf/area";
import { bbox } from "@turf/bbox";
import { centroid } from "@turf/centroid";
import { feature, featureCollection } from "@turf/helpers";
import { intersect } from "@turf/intersect";
import type { Area } from "./types.ts";

export interface Overlap {
  m2: number;
  /** Roughly the middle of the common part (the mean of its vertices), to six decimals. */
  near: [number, number];
}

/** The common part of two areas in m², or undefined when they do not share any surface. */
export function overlapOf(a: Area, b: Area): Overlap | undefined {
  // Polygon clipping is the slow part and most siblings are far apart: compare boxes first.
  const [aw, as, ae, an] = bbox(a);
  const [bw, bs, be, bn] = bbox(b);
  if (aw > be || bw > ae || as > bn || bs > an) return undefined;
  const common = intersect(featureCollection([feature(a), feature(b)]));
  if (!common) return undefined;
  const [x = Number.NaN, y = Number.NaN] = centroid(common).geometry.coordinates;
  return { m2: areaM2(common), near: [Number(x.toFixed(6)), Number(y.toFixed(6))] };
}
