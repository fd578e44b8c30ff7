export { metresBetween } from "./distance.ts";
export { pointsIn } from "./sample.ts";
export { type IndexedArea, linearLocate, SpatialIndex } from "./spatial-index.ts";
export { centroidOf, type Rect, rectPolygon, splitRect } from "./tiles.ts";
export {
  type Area,
  assertValidArea,
  checkInside,
  checkOverlaps,
  checkShape,
  DEFAULT_TOLERANCE_M2,
  type PolygonProblem,
  validateArea,
} from "./validate.ts";
