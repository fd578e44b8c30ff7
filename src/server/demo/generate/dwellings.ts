import { pointIn, type Rect, rectOf, splitRect } from "./geometry.ts";
import type { Rng } from "./random.ts";
import { scaled } from "./size.ts";
import type { Building, Compound, Entrance, Grid, Household, Territory } from "./territory.ts";
import type { DemoNode, GridType } from "./types.ts";
import { COMPOUND_PREFIXES, COMPOUND_SUFFIXES, COURTYARDS } from "./vocabulary.ts";

const FULL_HOUSEHOLDS = 20_000;
/** How many households a grid of each type holds, relative to the others. */
const GRID_WEIGHT: Record<GridType, number> = { compound: 1.2, courtyard: 0.8, area: 0.9, unit: 0.5 };

/** Estates have taller blocks; old streets and courtyards walk-ups; unit grids staff dormitories. */
type Style = "estate" | "old" | "dorm";
const FLOORS: Record<Style, Record<number, number>> = {
  estate: { 5: 10, 6: 50, 7: 10, 11: 18, 18: 12 },
  old: { 3: 15, 4: 30, 5: 35, 6: 20 },
  dorm: { 5: 40, 6: 60 },
};
const ENTRANCES: Record<Style, Record<number, number>> = {
  estate: { 1: 25, 2: 45, 3: 30 },
  old: { 1: 45, 2: 40, 3: 15 },
  dorm: { 2: 50, 3: 50 },
};
const PER_FLOOR = 2;

const pad2 = (n: number) => String(n).padStart(2, "0");

/** Compounds, buildings, entrances and households for every grid, about 20,000 households in all. */
export function buildDwellings(rng: Rng, territory: Territory): void {
  const households = scaled(territory.size, FULL_HOUSEHOLDS);
  const weights = territory.grids.map((g) => GRID_WEIGHT[g.gridType] * (0.75 + 0.5 * rng.next()));
  const total = weights.reduce((a, b) => a + b, 0);
  const names = compoundNames(rng);
  territory.grids.forEach((grid, i) => {
    const budget = (households * (weights[i] ?? 0)) / total;
    if (grid.gridType === "compound") {
      // 1–3 estates side by side, each on its own strip of the grid.
      const count = rng.weightedNumber({ 1: 45, 2: 35, 3: 20 });
      const shares = Array.from({ length: count }, () => 0.5 + rng.next());
      const sum = shares.reduce((a, b) => a + b, 0);
      splitRect(grid.rect, count, 1).forEach((strip, k) => {
        const compound = addCompound(territory, grid, names.estate());
        fill(rng, territory, grid, compound, rectOf(strip), (budget * (shares[k] ?? 0)) / sum, "estate");
      });
    } else if (grid.gridType === "courtyard") {
      fill(rng, territory, grid, addCompound(territory, grid, names.courtyard()), grid.rect, budget, "old");
    } else {
      // 片区型 old streets and 单位型 grids: buildings stand directly in the grid.
      fill(rng, territory, grid, undefined, grid.rect, budget, grid.gridType === "unit" ? "dorm" : "old");
    }
  });
}

/** Unique estate names (锦绣花园, 阳光小区 …) and old courtyard names while they last. */
function compoundNames(rng: Rng) {
  const used = new Set<string>();
  const courtyards = rng.shuffle(COURTYARDS.slice());
  const estate = (): string => {
    for (;;) {
      const name = rng.pick(COMPOUND_PREFIXES) + rng.pick(COMPOUND_SUFFIXES);
      if (!used.has(name)) {
        used.add(name);
        return name;
      }
    }
  };
  return { estate, courtyard: () => courtyards.pop() ?? estate() };
}

function addCompound(territory: Territory, grid: Grid, name: string): Compound {
  const code = `${grid.node.code}-C${pad2(grid.compounds.length + 1)}`;
  const node: DemoNode = { key: code, parentKey: grid.node.key, level: "compound", code, name };
  const compound: Compound = { node, grid, buildings: [], households: [] };
  grid.compounds.push(compound);
  territory.nodes.push(node);
  return compound;
}

/** Adds buildings until the household budget is met as closely as whole buildings allow. */
function fill(
  rng: Rng,
  territory: Territory,
  grid: Grid,
  compound: Compound | undefined,
  rect: Rect,
  budget: number,
  style: Style,
): void {
  let remaining = budget;
  for (let n = 1; remaining > 0; n++) {
    const floors = rng.weightedNumber(FLOORS[style]);
    const entrances = rng.weightedNumber(ENTRANCES[style]);
    const size = floors * entrances * PER_FLOOR;
    if (n > 1 && remaining < size / 2) break;
    remaining -= size;
    addBuilding(territory, grid, compound, n, floors, entrances, pointIn(rng, rect));
  }
}

function addBuilding(
  territory: Territory,
  grid: Grid,
  compound: Compound | undefined,
  n: number,
  floors: number,
  entrances: number,
  at: { lat: number; lng: number },
): void {
  const parent = compound?.node ?? grid.node;
  const place = compound?.node.name ?? grid.road;
  const code = `${parent.code}-B${pad2(n)}`;
  const address = `${grid.community.address}${place}${n}栋`;
  const node: DemoNode = {
    key: code,
    parentKey: parent.key,
    level: "building",
    code,
    name: `${n}栋`,
    ...at,
    address,
  };
  const building: Building = { node, grid, compound, label: `${place}${n}栋`, entrances: [] };
  territory.nodes.push(node);
  grid.buildings.push(building);
  compound?.buildings.push(building);
  for (let u = 1; u <= entrances; u++) {
    const entranceCode = `${code}-U${u}`;
    const entranceNode: DemoNode = {
      key: entranceCode,
      parentKey: code,
      level: "entrance",
      code: entranceCode,
      name: `${u}单元`,
    };
    const entrance: Entrance = { node: entranceNode, building, households: [] };
    building.entrances.push(entrance);
    territory.nodes.push(entranceNode);
    for (let floor = 1; floor <= floors; floor++) {
      for (let k = 1; k <= PER_FLOOR; k++) {
        const room = floor * 100 + k;
        const householdCode = `${entranceCode}-${room}`;
        const householdNode: DemoNode = {
          key: householdCode,
          parentKey: entranceCode,
          level: "household",
          code: householdCode,
          name: `${n}栋${u}单元${room}室`,
          ...at,
          address: `${address}${u}单元${room}室`,
        };
        const household: Household = {
          node: householdNode,
          grid,
          compound,
          building,
          entrance,
          residents: [],
        };
        territory.nodes.push(householdNode);
        entrance.households.push(household);
        grid.households.push(household);
        compound?.households.push(household);
      }
    }
  }
}
