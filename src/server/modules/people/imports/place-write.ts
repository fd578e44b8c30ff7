import { createHash } from "node:crypto";
import type { Executor } from "../../../platform/db/index.ts";
import {
  type BulkNode,
  bulkInsertNodes,
  districtOf,
  lineageOf,
  nodesByCodes,
  type TerritoryLevel,
} from "../../territory/index.ts";
import { bulkInsertHouseholds } from "../bulk.ts";
import type { Place } from "./place.ts";

type NewPlace = Extract<Place, { kind: "new" }>;
interface Planned {
  key: string;
  parentKey?: string;
  parentId?: string;
  parentCode: string;
  level: TerritoryLevel;
  name: string;
  /** The code's own part, after the parent's: B03, U1, 502, C-1a2b3c. */
  part: string;
  address?: string;
}

const short = (name: string) => createHash("sha1").update(name).digest("hex").slice(0, 6);
const digits = (name: string) => /^(\d+)/.exec(name)?.[1];
/** Codes like the demo district's: XG-LJ-001-C01-B03-U1-502; names without a number get a short hash. */
const PART: Partial<Record<TerritoryLevel, (name: string) => string>> = {
  compound: (n) => `C-${short(n)}`,
  building: (n) => (/^\d+栋$/.test(n) ? `B${(digits(n) ?? "").padStart(2, "0")}` : `B-${short(n)}`),
  entrance: (n) => (/^\d+单元$/.test(n) ? `U${digits(n)}` : `U-${short(n)}`),
  household: (n) => (/^\d+室$/.test(n) ? (digits(n) ?? short(n)) : short(n)),
};

/**
 * Creates the households of new places, with the compounds, buildings and entrances they need
 * (each once, however many rows name it), as territory nodes and household rows in bulk.
 * Returns each place key's household id and path.
 */
export async function createPlaces(
  tx: Executor,
  places: NewPlace[],
): Promise<Map<string, { id: string; territoryPath: string }>> {
  const distinct = [...new Map(places.map((p) => [p.key, p])).values()];
  if (distinct.length === 0) return new Map();
  const planned = new Map<string, Planned>();
  const parents = new Map<string, { path: string; districtId: string }>();
  type Parent = { id?: string; key?: string; code: string };
  const known = (node: { id: string; path: string; code: string }): Parent => {
    parents.set(node.id, { path: node.path, districtId: districtOf(node.path) });
    return { id: node.id, code: node.code };
  };
  const plan = (
    key: string,
    parent: Parent,
    level: TerritoryLevel,
    name: string,
    address?: string,
  ): Parent => {
    if (!planned.has(key))
      planned.set(key, {
        key,
        parentKey: parent.key,
        parentId: parent.id,
        parentCode: parent.code,
        level,
        name,
        part: PART[level]?.(name) ?? short(name),
        address,
      });
    return { key, code: "" };
  };
  for (const p of distinct) {
    let parent = known(p.grid);
    let scope = p.grid.id;
    if (p.compound) {
      scope += `|${p.compound.name}`;
      parent = p.compound.node
        ? known(p.compound.node)
        : plan(`c|${scope}`, parent, "compound", p.compound.name);
    }
    scope += `|${p.building.name}`;
    parent = p.building.node
      ? known(p.building.node)
      : plan(`b|${scope}`, parent, "building", p.building.name);
    if (p.entrance) {
      scope += `|${p.entrance.name}`;
      parent = p.entrance.node
        ? known(p.entrance.node)
        : plan(`e|${scope}`, parent, "entrance", p.entrance.name);
    }
    const name = `${p.building.name}${p.entrance?.name ?? ""}${p.room}`;
    plan(`h|${p.key}`, parent, "household", name, p.address ?? (await addressOf(tx, p)));
  }
  const codes = await assignCodes(tx, [...planned.values()]);
  const nodes: BulkNode[] = [...planned.values()].map((n) => ({
    key: n.key,
    ...(n.parentKey ? { parentKey: n.parentKey } : { parentId: n.parentId }),
    level: n.level,
    code: codes.get(n.key) ?? n.key,
    name: n.name,
    ...(n.address ? { address: n.address } : {}),
  }));
  const inserted = await bulkInsertNodes(tx, nodes, parents);
  const householdRows = distinct.map((p) => {
    const node = inserted.get(`h|${p.key}`);
    if (!node) throw new Error(`household node of ${p.key} missing`);
    return {
      key: p.key,
      nodeId: node.id,
      territoryPath: node.path,
      address: planned.get(`h|${p.key}`)?.address ?? "",
    };
  });
  return bulkInsertHouseholds(tx, householdRows);
}

/** 潋江街道红旗社区锦绣花园3栋1单元502室: the street and community, then the place as written. */
async function addressOf(tx: Executor, p: NewPlace): Promise<string> {
  const { street, community } = await lineageOf(tx, p.grid.path);
  return [street?.name, community?.name, p.compound?.name, p.building.name, p.entrance?.name, p.room]
    .filter(Boolean)
    .join("");
}

/**
 * Codes top-down (a child's code starts with its parent's), each checked against the database;
 * one taken by another node gets -2, -3 … Repeats until no new code collides.
 */
async function assignCodes(tx: Executor, nodes: Planned[]): Promise<Map<string, string>> {
  const taken = new Set<string>();
  const checked = new Set<string>();
  for (;;) {
    const codes = new Map<string, string>();
    const used = new Set<string>();
    for (const n of nodes) {
      const base = `${n.parentKey ? codes.get(n.parentKey) : n.parentCode}-${n.part}`;
      let code = base;
      for (let k = 2; taken.has(code) || used.has(code); k++) code = `${base}-${k}`;
      used.add(code);
      codes.set(n.key, code);
    }
    const unchecked = [...used].filter((c) => !checked.has(c));
    if (unchecked.length === 0) return codes;
    for (const c of unchecked) checked.add(c);
    const clashes = await nodesByCodes(tx, unchecked);
    if (clashes.length === 0) return codes;
    for (const c of clashes) taken.add(c.code);
  }
}
