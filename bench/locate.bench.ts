import { bbox } from "@turf/bbox";
import {
  type IndexedArea,
  linearLocate,
  pointsIn,
  type Rect,
  SpatialIndex,
  splitRect,
} from "../src/server/platform/geo/index.ts";
import { writeResult } from "./lib.ts";

const GOAL_MICROS = 20; // per lookup at 10,000 grids (ARCHITECTURE.md: "10,000 grids in microseconds")
const INDEX_LOOKUPS = 200_000;
const DEG_PER_M = 180 / (Math.PI * 6371008.8);

interface Rate {
  lookups: number;
  perSecond: number;
  microsPerLookup: number;
}

/** Point → grid lookups per second, through the index and through the naive scan, on the same points. */
export async function benchLocate(): Promise<void> {
  const district = { west: 115.31, south: 26.31, east: 115.39, north: 26.35 };
  const side = 20_000 * DEG_PER_M; // a 20 km square around the same point
  const stretch = 1 / Math.cos((26.33 * Math.PI) / 180);
  const city = {
    west: 115.35 - (side * stretch) / 2,
    east: 115.35 + (side * stretch) / 2,
    south: 26.33 - side / 2,
    north: 26.33 + side / 2,
  };
  const cases = [
    measure("demo district", demoDistrict(district), district, 20_000),
    measure("city 100 × 100", grids(splitRect(city, 100, 100)), city, 2_000),
  ];

  console.log("point → grid lookups, in process (linear = turf booleanPointInPolygon over every grid)");
  console.log(
    "  case             grids   build ms   index µs   index lookups/s   linear µs   linear lookups/s   speed-up",
  );
  for (const c of cases) {
    console.log(
      `  ${c.name.padEnd(15)} ${String(c.grids).padStart(6)} ${c.buildMs.toFixed(1).padStart(10)} ${c.index.microsPerLookup.toFixed(2).padStart(10)} ${String(c.index.perSecond).padStart(17)} ${c.linear.microsPerLookup.toFixed(1).padStart(11)} ${String(c.linear.perSecond).padStart(18)} ${`${c.speedUp}×`.padStart(10)}`,
    );
  }
  const big = cases[1];
  const goalMet = big !== undefined && big.index.microsPerLookup <= GOAL_MICROS;
  console.log(
    `  goal ≤ ${GOAL_MICROS} µs per lookup at 10,000 grids: ${goalMet ? "met" : "NOT met"} (${big?.index.microsPerLookup.toFixed(2)} µs)`,
  );
  writeResult("locate", { goal: { microsPerLookup: GOAL_MICROS, grids: 10_000, met: goalMet }, cases });
}

/** 14 communities (7 × 2) of 9 or 8 grids each: 120 grids, as the demo data has. */
function demoDistrict(district: Rect): IndexedArea<string>[] {
  const communities = splitRect(district, 7, 2);
  return communities.flatMap((community, c) => {
    const [west, south, east, north] = bbox(community);
    const [cols, rows] = c % 7 < 4 ? [3, 3] : [4, 2];
    return grids(splitRect({ west, south, east, north }, cols, rows), `C${c + 1}-`);
  });
}

function grids(areas: IndexedArea<string>["area"][], prefix = "G-"): IndexedArea<string>[] {
  return areas.map((area, i) => ({ area, value: `${prefix}${i + 1}` }));
}

function measure(name: string, items: IndexedArea<string>[], extent: Rect, linearLookups: number) {
  const points = pointsIn(extent, INDEX_LOOKUPS, 2024);
  const started = performance.now();
  const index = new SpatialIndex(items);
  const buildMs = performance.now() - started;
  rate(points.slice(0, 20_000), (lng, lat) => index.locate(lng, lat)); // warm-up, so the JIT has compiled it
  const fast = rate(points, (lng, lat) => index.locate(lng, lat));
  const sample = points.slice(0, linearLookups);
  const linear = rate(sample, (lng, lat) => linearLocate(items, lng, lat));
  // Same answers on the shared points, or the figures compare different work.
  const disagree = sample.filter(
    ([lng, lat]) => index.locate(lng, lat) !== linearLocate(items, lng, lat),
  ).length;
  if (disagree > 0) throw new Error(`${name}: index and linear scan disagree on ${disagree} points`);
  return {
    name,
    grids: items.length,
    buildMs: Number(buildMs.toFixed(1)),
    index: fast,
    linear,
    speedUp: Math.round(linear.microsPerLookup / fast.microsPerLookup),
  };
}

function rate(
  points: Array<[number, number]>,
  locate: (lng: number, lat: number) => string | undefined,
): Rate {
  let found = 0; // used below, so the lookups cannot be optimised away
  const started = process.hrtime.bigint();
  for (const [lng, lat] of points) if (locate(lng, lat) !== undefined) found++;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (found !== points.length) throw new Error(`${points.length - found} points fell outside every grid`);
  return {
    lookups: points.length,
    perSecond: Math.round(points.length / seconds),
    microsPerLookup: Number(((seconds * 1e6) / points.length).toFixed(3)),
  };
}
