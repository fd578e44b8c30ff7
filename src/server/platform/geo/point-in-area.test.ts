import { bbox } from "@turf/bbox";
import { booleanPointInPolygon } from "@turf/boolean-point-in-polygon";
import type { Polygon } from "geojson";
import { describe, expect, it } from "vitest";
import { containsPoint, flatten } from "./point-in-area.ts";
import { pointsIn } from "./sample.ts";
import { splitRect } from "./tiles.ts";

// A concave outline (a "C" with a notch) with a hole, in the shape of real hand-drawn grids.
const irregular: Polygon = {
  type: "Polygon",
  coordinates: [
    [
      [115.3, 26.3],
      [115.34, 26.31],
      [115.35, 26.33],
      [115.32, 26.335],
      [115.345, 26.35],
      [115.31, 26.36],
      [115.29, 26.34],
      [115.3, 26.3],
    ],
    [
      [115.305, 26.34],
      [115.315, 26.345],
      [115.31, 26.35],
      [115.305, 26.34],
    ],
  ],
};
const extent = { west: 115.28, south: 26.29, east: 115.36, north: 26.37 };

describe("containsPoint", () => {
  it("agrees with turf on 10,000 random points around a concave polygon with a hole", () => {
    const [flat] = flatten(irregular);
    if (!flat) throw new Error("no polygon");
    let inside = 0;
    for (const [x, y] of pointsIn(extent, 10_000, 7)) {
      const expected = booleanPointInPolygon([x, y], irregular);
      expect(containsPoint(flat, x, y), `[${x}, ${y}]`).toBe(expected);
      if (expected) inside++;
    }
    expect(inside).toBeGreaterThan(1000); // both outcomes were exercised
    expect(inside).toBeLessThan(9000);
  });

  it("counts vertices and axis-parallel edges as inside, as turf does", () => {
    const [flat] = flatten(irregular);
    if (!flat) throw new Error("no polygon");
    for (const ring of irregular.coordinates) {
      for (const [x = 0, y = 0] of ring) expect(containsPoint(flat, x, y)).toBe(true);
    }
    for (const cell of splitRect(extent, 3, 3)) {
      const [square] = flatten(cell);
      const [w, s, e, n] = bbox(cell);
      if (!square) throw new Error("no polygon");
      for (const [x, y] of [
        [(w + e) / 2, s],
        [e, (s + n) / 2],
        [(w + e) / 2, n],
        [w, (s + n) / 2],
      ] as const) {
        expect(containsPoint(square, x, y)).toBe(true);
        expect(booleanPointInPolygon([x, y], cell)).toBe(true);
      }
    }
  });

  it("closes a ring stored without its closing position", () => {
    const open: Polygon = {
      type: "Polygon",
      coordinates: [
        [
          [0, 0],
          [2, 0],
          [2, 2],
          [0, 2],
        ],
      ],
    };
    const [flat] = flatten(open);
    if (!flat) throw new Error("no polygon");
    expect(containsPoint(flat, 1, 1)).toBe(true);
    expect(containsPoint(flat, 3, 1)).toBe(false);
    expect(flat.box).toEqual([0, 0, 2, 2]);
  });
});
