import type { MultiPolygon, Polygon } from "geojson";
import { describe, expect, it } from "vitest";
import { AppError } from "../errors.ts";
import { rectPolygon } from "./tiles.ts";
import {
  assertValidArea,
  checkInside,
  checkOverlaps,
  checkShape,
  type PolygonProblem,
  validateArea,
} from "./validate.ts";

// A neighbourhood in 兴国 (Xingguo); shapes are given in metres east/north of this point.
const LNG = 115.35;
const LAT = 26.33;
const DEG_PER_M = 180 / (Math.PI * 6371008.8); // turf's earth radius, so areas come out in the same metres
const at = (eastM: number, northM: number): [number, number] => [
  LNG + (eastM * DEG_PER_M) / Math.cos((LAT * Math.PI) / 180),
  LAT + northM * DEG_PER_M,
];
/** A rectangle given by its south-west and north-east corners in metres. */
const box = (w: number, s: number, e: number, n: number): Polygon => {
  const [west, south] = at(w, s);
  const [east, north] = at(e, n);
  return rectPolygon({ west, south, east, north });
};
const rules = (problems: PolygonProblem[]) => problems.map((p) => p.rule);

describe("checkShape", () => {
  const square = box(0, 0, 200, 200);

  it("accepts a closed square and a MultiPolygon of two adjacent parts", () => {
    expect(checkShape(square)).toEqual([]);
    const twoParts: MultiPolygon = {
      type: "MultiPolygon",
      coordinates: [box(0, 0, 100, 100).coordinates, box(100, 0, 200, 100).coordinates],
    };
    expect(checkShape(twoParts)).toEqual([]);
  });

  it("tolerates repeated consecutive vertices, common in GIS exports", () => {
    const ring = square.coordinates[0] ?? [];
    const repeated = [ring[0], ring[1], ring[1], ring[2], ring[3], ring[4]];
    expect(checkShape({ type: "Polygon", coordinates: [repeated] })).toEqual([]);
  });

  it("finds a ring that is not closed", () => {
    const open = { type: "Polygon", coordinates: [(square.coordinates[0] ?? []).slice(0, 4)] };
    const problems = checkShape(open);
    expect(rules(problems)).toEqual(["closed"]);
    expect(problems[0]?.message).toMatch(
      /^多边形未闭合：第 1 个环（外环）的首尾坐标不同.*\(ring 1 \(outer\) is not closed/,
    );
    expect(problems[0]?.at).toEqual({ ring: 1 });
  });

  it("finds a ring of three positions", () => {
    const problems = checkShape({ type: "Polygon", coordinates: [[at(0, 0), at(100, 0), at(0, 0)]] });
    expect(rules(problems)).toEqual(["ring_size"]);
    expect(problems[0]?.message).toContain("只有 3 个坐标点");
  });

  it("finds a bow-tie's crossing point", () => {
    const bowTie = {
      type: "Polygon",
      coordinates: [[at(0, 0), at(100, 100), at(100, 0), at(0, 100), at(0, 0)]],
    };
    const [problem, ...rest] = checkShape(bowTie);
    expect(rest).toEqual([]);
    expect(problem?.rule).toBe("self_intersection");
    const [cx, cy] = at(50, 50);
    expect(problem?.at).toEqual([expect.closeTo(cx, 6), expect.closeTo(cy, 6)]);
  });

  it("finds a hole crossing its outer ring", () => {
    const crossing = {
      type: "Polygon",
      coordinates: [box(0, 0, 200, 200).coordinates[0], box(150, 50, 250, 100).coordinates[0]],
    };
    expect(rules(checkShape(crossing))).toEqual(["self_intersection"]);
  });

  it("finds overlapping parts of a MultiPolygon", () => {
    const overlapping = {
      type: "MultiPolygon",
      coordinates: [box(0, 0, 100, 100).coordinates, box(50, 50, 150, 150).coordinates],
    };
    const problems = checkShape(overlapping);
    expect(rules(problems)).toEqual(["self_intersection"]);
    expect(problems[0]?.message).toMatch(/第 1 个和第 2 个多边形相互重叠约 25\d\d 平方米/);
  });

  it("finds a latitude out of range and points at it", () => {
    const ring = [
      [115.35, 26.33],
      [115.36, 26.33],
      [115.36, 95],
      [115.35, 26.33],
    ];
    const problems = checkShape({ type: "Polygon", coordinates: [ring] });
    expect(rules(problems)).toEqual(["coordinates"]);
    expect(problems[0]?.at).toEqual([115.36, 95]);
    expect(problems[0]?.message).toContain("第 3 个坐标 [115.36, 95] 超出范围");
  });

  it("suggests the usual causes of bad coordinates", () => {
    const swapped = [
      [26.33, 115.35],
      [26.33, 115.36],
      [26.34, 115.36],
      [26.33, 115.35],
    ];
    const [swap] = checkShape({ type: "Polygon", coordinates: [swapped] });
    expect(swap?.message).toContain("经纬度顺序颠倒");
    expect(swap?.message).toContain("4 个坐标有问题");
    const projected = [
      [535000, 2913000],
      [536000, 2913000],
      [536000, 2914000],
      [535000, 2913000],
    ];
    expect(checkShape({ type: "Polygon", coordinates: [projected] })[0]?.message).toContain("投影坐标");
    const text = [
      ["115.35", "26.33"],
      [115.36, 26.33],
      [115.36, 26.34],
      ["115.35", "26.33"],
    ];
    const [notNumber] = checkShape({ type: "Polygon", coordinates: [text] });
    expect(notNumber).toMatchObject({ rule: "coordinates", at: { ring: 1, position: 1 } });
  });

  it("rejects what is not a Polygon or MultiPolygon", () => {
    expect(rules(checkShape({ type: "Point", coordinates: [115.35, 26.33] }))).toEqual(["type"]);
    expect(checkShape({ type: "Feature", geometry: square, properties: {} })[0]?.message).toContain(
      "geometry",
    );
    expect(rules(checkShape({ type: "Polygon", coordinates: [at(0, 0), at(1, 1)] }))).toEqual(["type"]);
    expect(rules(checkShape({ type: "Polygon", coordinates: [square.coordinates] }))).toEqual(["type"]);
    expect(rules(checkShape({ type: "MultiPolygon", coordinates: square.coordinates }))).toEqual(["type"]);
    expect(rules(checkShape(null))).toEqual(["type"]);
    expect(rules(checkShape("POLYGON((0 0, 1 0, 1 1, 0 0))"))).toEqual(["type"]);
  });
});

describe("checkInside", () => {
  const parent = box(0, 0, 1000, 1000);

  it("reports a child sticking 100 m out of its parent, with a vertex outside", () => {
    const child = box(900, 500, 1100, 540);
    const [problem, ...rest] = checkInside(child, parent);
    expect(rest).toEqual([]);
    expect(problem?.rule).toBe("outside_parent");
    expect(problem?.message).toMatch(/^约 4\d{3} 平方米（占本区域 50\.0%）超出上级区域/);
    const [x] = (problem?.at ?? []) as number[];
    expect(x).toBeGreaterThan(at(1000, 0)[0]);
  });

  it("lets 1 m of digitising error pass under the tolerance", () => {
    expect(checkInside(box(801, 500, 1001, 540), parent)).toEqual([]); // 40 m² outside
    expect(checkInside(box(0, 0, 1000, 1000), parent)).toEqual([]);
  });
});

describe("checkOverlaps", () => {
  const grid = box(0, 0, 200, 200);

  it("names the sibling overlapped by a 50 × 50 m square", () => {
    const siblings = [
      { code: "XG-LJ-001", area: box(200, 0, 400, 200) },
      { code: "XG-LJ-002", area: box(150, 150, 350, 350) },
      { code: "XG-LJ-009", area: box(5000, 5000, 5200, 5200) },
    ];
    const problems = checkOverlaps(grid, siblings);
    expect(rules(problems)).toEqual(["overlap"]);
    expect(problems[0]?.message).toContain("XG-LJ-002");
    expect(problems[0]?.at).toMatchObject({ code: "XG-LJ-002", m2: expect.closeTo(2500, -2) });
  });

  it("accepts neighbours that only share an edge", () => {
    expect(
      checkOverlaps(grid, [
        { code: "east", area: box(200, 0, 400, 200) },
        { code: "north", area: box(0, 200, 200, 400) },
      ]),
    ).toEqual([]);
  });
});

describe("validateArea", () => {
  const parent = box(0, 0, 1000, 1000);
  const siblings = [{ code: "XG-LJ-002", area: box(0, 500, 500, 1000) }];

  it("returns the area when every check passes", () => {
    const grid = box(0, 0, 500, 500);
    expect(validateArea(grid, { parent, siblings })).toEqual({ area: grid });
  });

  it("stops at shape problems before clipping anything", () => {
    const result = validateArea(
      { type: "Polygon", coordinates: [[at(0, 0), at(1, 0), at(0, 0)]] },
      { parent, siblings },
    );
    expect(result).toMatchObject({ problems: [{ rule: "ring_size" }] });
  });

  it("reports containment and overlap together", () => {
    const result = validateArea(box(400, 400, 1100, 600), { parent, siblings });
    expect("problems" in result && rules(result.problems)).toEqual(["outside_parent", "overlap"]);
  });

  it("throws a 422 with every problem for routes", () => {
    const call = () => assertValidArea(box(400, 400, 1100, 600), { parent, siblings });
    expect(call).toThrow(AppError);
    try {
      call();
    } catch (err) {
      expect(err).toMatchObject({ status: 422, code: "INVALID_GEOMETRY", details: { problems: [{}, {}] } });
    }
  });
});
