import type { Rect } from "./tiles.ts";

/**
 * `count` pseudo-random [lng, lat] points in a rectangle, the same ones for the same seed
 * (a 32-bit LCG, Numerical Recipes constants), so tests and benchmarks repeat exactly.
 */
export function pointsIn(
  { west, south, east, north }: Rect,
  count: number,
  seed = 1,
): Array<[number, number]> {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  return Array.from({ length: count }, () => [
    west + (east - west) * next(),
    south + (north - south) * next(),
  ]);
}
