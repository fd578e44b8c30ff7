import { booleanPointInPolygon } from "@turf/boolean-point-in-polygon";
import Flatbush from "flatbush";
import { containsPoint, type FlatPolygon, flatten } from "./point-in-area.ts";
import type { Area } from "./types.ts";

export interface IndexedArea<T> {
  area: Area;
  value: T;
}

/**
 * Point → area lookups over a fixed set of areas (grids): Flatbush narrows to the few polygons
 * whose bounding box holds the point, ray casting decides. Rebuild it when the areas change.
 * Areas are expected not to overlap; a point on a shared border belongs to whichever
 * neighbour is found first.
 */
export class SpatialIndex<T> {
  readonly #count: number;
  readonly #tree: Flatbush | undefined;
  /** Tree item i is polygon #polygons[i] of area #owners[i]: a MultiPolygon's parts get a box each. */
  readonly #polygons: FlatPolygon[];
  readonly #owners: T[];
  // The point being looked up and the polygon found, kept on the instance so the tree's filter
  // callback is created once rather than as a closure per lookup.
  #x = 0;
  #y = 0;
  #hit = -1;
  readonly #test = (i: number): boolean => {
    const found = containsPoint(this.#polygons[i] as FlatPolygon, this.#x, this.#y);
    if (found) this.#hit = i;
    return found;
  };

  constructor(items: IndexedArea<T>[]) {
    this.#count = items.length;
    this.#polygons = [];
    this.#owners = [];
    for (const { area, value } of items) {
      for (const polygon of flatten(area)) {
        this.#polygons.push(polygon);
        this.#owners.push(value);
      }
    }
    if (this.#polygons.length === 0) return; // Flatbush refuses an empty index
    const tree = new Flatbush(this.#polygons.length);
    for (const { box } of this.#polygons) tree.add(...box);
    tree.finish();
    this.#tree = tree;
  }

  get size(): number {
    return this.#count;
  }

  locate(lng: number, lat: number): T | undefined {
    const tree = this.#tree;
    // Outside the whole extent, or NaN (which every box comparison would let through).
    if (!tree || !(lng >= tree.minX && lng <= tree.maxX && lat >= tree.minY && lat <= tree.maxY))
      return undefined;
    this.#x = lng;
    this.#y = lat;
    // `collides` stops at the first box whose filter accepts, unlike `search`, which collects all.
    return tree.collides(lng, lat, lng, lat, this.#test) ? this.#owners[this.#hit] : undefined;
  }
}

/** The naive scan with turf, first match in list order: the benchmark's and the tests' reference. */
export function linearLocate<T>(items: IndexedArea<T>[], lng: number, lat: number): T | undefined {
  const point = [lng, lat];
  return items.find(({ area }) => booleanPointInPolygon(point, area))?.value;
}
