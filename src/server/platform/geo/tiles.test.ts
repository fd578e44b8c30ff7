import { describe, expect, it } from "vitest";
import { checkShape } from "./shape.ts";
import { centroidOf, splitRect } from "./tiles.ts";

describe("splitRect", () => {
  const rect = { west: 115.3, south: 26.3, east: 115.4, north: 26.37 };

  it("cuts row-major from the north-west into valid, exactly adjacent rectangles", () => {
    const cells = splitRect(rect, 3, 7);
    expect(cells).toHaveLength(21);
    for (const cell of cells) expect(checkShape(cell)).toEqual([]);
    const corner = (i: number, k: number) => cells[i]?.coordinates[0]?.[k];
    expect(corner(0, 3)).toEqual([115.3, 26.37]); // the first cell's north-west corner
    expect(corner(20, 1)).toEqual([115.4, 26.3]); // the last cell's south-east corner
    expect(corner(0, 1)).toEqual(corner(1, 0)); // shared with the eastern neighbour…
    expect(corner(0, 0)).toEqual(corner(3, 3)); // …and the southern one, bit for bit
  });

  it("centres centroids", () => {
    const [only] = splitRect(rect, 1, 1);
    if (!only) throw new Error("no cell");
    expect(centroidOf(only)).toEqual([expect.closeTo(115.35, 9), expect.closeTo(26.335, 9)]);
  });
});
