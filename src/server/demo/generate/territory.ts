import type { Polygon } from "geojson";
import { type Rect, rectOf, rectPolygon, splitRect } from "./geometry.ts";
import type { Rng } from "./random.ts";
import type { DemoSize } from "./size.ts";
import type { DemoNode, DemoResident, GridType } from "./types.ts";
import { DISTRICT, ROADS, STREETS } from "./vocabulary.ts";

/** The generator's own view of the territory: nodes plus the links that are handy while generating. */
export interface Street {
  node: DemoNode;
  communities: Community[];
}
export interface Community {
  node: DemoNode;
  street: Street;
  rect: Rect;
  /** "江西省赣州市兴安区潋江街道红旗社区", the start of every address inside. */
  address: string;
  grids: Grid[];
}
export interface Grid {
  node: DemoNode;
  gridType: GridType;
  community: Community;
  rect: Rect;
  /** The road that addresses the grid's old buildings, shops and posts. */
  road: string;
  compounds: Compound[];
  buildings: Building[];
  households: Household[];
}
export interface Compound {
  node: DemoNode;
  grid: Grid;
  buildings: Building[];
  households: Household[];
}
export interface Building {
  node: DemoNode;
  grid: Grid;
  compound?: Compound;
  /** "锦绣花园3栋" / "建设路3栋", for names of things in the building. */
  label: string;
  entrances: Entrance[];
}
export interface Entrance {
  node: DemoNode;
  building: Building;
  households: Household[];
}
export interface Household {
  node: DemoNode;
  grid: Grid;
  compound?: Compound;
  building: Building;
  entrance: Entrance;
  residents: DemoResident[];
}

export interface Territory {
  size: DemoSize;
  nodes: DemoNode[];
  district: DemoNode;
  streets: Street[];
  communities: Community[];
  grids: Grid[];
}

// About 8 km × 6.7 km around (115.35, 26.33).
const DISTRICT_RECT: Rect = { west: 115.31, south: 26.3, east: 115.39, north: 26.36 };

const GRID_TYPES: Record<GridType, number> = { compound: 50, area: 30, courtyard: 12, unit: 8 };

const pad = (n: number, width: number) => String(n).padStart(width, "0");

function nth<T>(items: readonly T[], i: number): T {
  const item = items[i];
  if (item === undefined) throw new Error(`no item ${i}`);
  return item;
}

/** District, streets, communities and grids: rectangles that tile their parent exactly. */
export function buildTerritory(rng: Rng, size: DemoSize): Territory {
  const district: DemoNode = {
    key: DISTRICT.code,
    level: "district",
    code: DISTRICT.code,
    name: DISTRICT.name,
    geometry: rectPolygon(DISTRICT_RECT),
  };
  const territory: Territory = {
    size,
    nodes: [district],
    district,
    streets: [],
    communities: [],
    grids: [],
  };
  const streetShapes = splitRect(DISTRICT_RECT, STREETS.length, 1);
  STREETS.forEach((spec, si) => {
    const code = DISTRICT.code + pad(si + 1, 3);
    const geometry = nth(streetShapes, si);
    const node: DemoNode = {
      key: code,
      parentKey: district.key,
      level: "street",
      code,
      name: spec.name,
      geometry,
    };
    const street: Street = { node, communities: [] };
    territory.nodes.push(node);
    territory.streets.push(street);
    const communityShapes = splitRect(rectOf(geometry), 1, spec.communities.length);
    spec.communities.forEach((name, ci) => {
      const community = addCommunity(territory, street, name, ci, nth(communityShapes, ci));
      addGrids(rng, territory, community, spec.initials);
    });
  });
  return territory;
}

function addCommunity(territory: Territory, street: Street, name: string, index: number, geometry: Polygon) {
  const code = street.node.code + pad(index + 1, 3);
  const node: DemoNode = { key: code, parentKey: street.node.key, level: "community", code, name, geometry };
  const community: Community = {
    node,
    street,
    rect: rectOf(geometry),
    address: DISTRICT.address + street.node.name + name,
    grids: [],
  };
  street.communities.push(community);
  territory.communities.push(community);
  territory.nodes.push(node);
  return community;
}

/** 8 or 9 grids laid out 4 × 2 or 3 × 3 over the community (a small district: 2 × 2), numbered on within the street. */
function addGrids(rng: Rng, territory: Territory, community: Community, initials: string) {
  const count = rng.int(...territory.size.grids);
  const shapes =
    count === 9
      ? splitRect(community.rect, 3, 3)
      : count === 8
        ? splitRect(community.rect, 4, 2)
        : splitRect(community.rect, 2, 2);
  const roads = rng.sample(ROADS, count);
  const inStreet = community.street.communities.reduce((n, c) => n + c.grids.length, 0);
  shapes.forEach((geometry, i) => {
    const code = `XG-${initials}-${pad(inStreet + i + 1, 3)}`;
    // The demo accounts need a compound in the very first grid.
    const gridType = territory.grids.length === 0 ? "compound" : rng.weightedKey(GRID_TYPES);
    const grid: Grid = {
      node: {
        key: code,
        parentKey: community.node.key,
        level: "grid",
        code,
        name: `${community.node.name}第${i + 1}网格`,
        gridType,
        unitCode: community.node.code + pad(i + 1, 3),
        geometry,
      },
      gridType,
      community,
      rect: rectOf(geometry),
      road: nth(roads, i),
      compounds: [],
      buildings: [],
      households: [],
    };
    community.grids.push(grid);
    territory.grids.push(grid);
    territory.nodes.push(grid.node);
  });
}
