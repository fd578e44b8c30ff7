import type { MultiPolygon, Polygon } from "geojson";
import { describe, expect, it } from "vitest";
import { pointsIn } from "./sample.ts";
import { type IndexedArea, linearLocate, SpatialIndex } from "./spatial-index.ts";
import { centroidOf, rectPolygon, splitRect } from "./tiles.ts";
import type { Area } from "./types.ts";

const city = { west: 115.3, south: 26.3, east: 115.4, north: 26.38 };
const cells = splitRect(city, 10, 10);
const grids = cells.map((area, i) => ({ area, value: `G-${String(i).padStart(3, "0")}` }));

describe("SpatialIndex", () => {
  const index = new SpatialIndex(grids);

  it("locates every cell's centroid to that cell", () => {
    expect(index.size).toBe(100);
    for (const { area, value } of grids) expect(index.locate(...centroidOf(area))).toBe(value);
  });

  it("answers undefined outside every area, for NaN, and when empty", () => {
    expect(index.locate(116, 26.33)).toBeUndefined();
    expect(index.locate(115.35, 27)).toBeUndefined();
    expect(index.locate(Number.NaN, 26.33)).toBeUndefined();
    expect(new SpatialIndex([]).locate(115.35, 26.33)).toBeUndefined();
  });

  it("gives a point on a shared border to one of the two neighbours", () => {
    const [west, east] = grids; // G-000 and G-001 share their edge at x = 115.31
    const [, y] = centroidOf(cells[0] as Polygon);
    expect([west?.value, east?.value]).toContain(index.locate(115.31, y));
  });

  it("agrees with the linear scan on 5,000 random points over MultiPolygons and holes", () => {
    const items = withMultiPolygonsAndHoles();
    const fast = new SpatialIndex(items);
    const hits = new Map<string | undefined, number>();
    // A margin around the city so that some points fall outside every grid.
    for (const [lng, lat] of pointsIn({ west: 115.29, south: 26.29, east: 115.41, north: 26.39 }, 5000, 42)) {
      const found = fast.locate(lng, lat);
      expect(found, `[${lng}, ${lat}]`).toBe(linearLocate(items, lng, lat));
      hits.set(found, (hits.get(found) ?? 0) + 1);
    }
    for (const value of ["corners", "ring", "island", undefined]) expect(hits.get(value)).toBeGreaterThan(0);
  });
});

/**
 * The 10 × 10 cells, except: "corners" is a MultiPolygon of the two opposite corner cells; cell
 * 55 becomes "ring", with a hole; "island" is a MultiPolygon of that hole and cell 44.
 */
function withMultiPolygonsAndHoles(): IndexedArea<string>[] {
  const rings = (i: number) => (cells[i] as Polygon).coordinates;
  const [w = 0, s = 0] = rings(55)[0]?.[0] ?? [];
  const [e = 0, n = 0] = rings(55)[0]?.[2] ?? [];
  const hole = rectPolygon({
    west: w + (e - w) / 4,
    south: s + (n - s) / 4,
    east: e - (e - w) / 4,
    north: n - (n - s) / 4,
  });
  const items: IndexedArea<string>[] = grids.filter((_, i) => ![0, 99, 44, 55].includes(i));
  const corners: MultiPolygon = { type: "MultiPolygon", coordinates: [rings(0), rings(99)] };
  const ring: Area = {
    type: "Polygon",
    coordinates: [...rings(55), [...(hole.coordinates[0] ?? [])].reverse()],
  };
  const island: MultiPolygon = { type: "MultiPolygon", coordinates: [hole.coordinates, rings(44)] };
  items.push(
    { area: corners, value: "corners" },
    { area: ring, value: "ring" },
    { area: island, value: "island" },
  );
  return items;
}
