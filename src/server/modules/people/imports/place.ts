import { like, or } from "drizzle-orm";
import type { Executor } from "../../../platform/db/index.ts";
import type { ImportColumn } from "../../../platform/imports/index.ts";
import { type NodeOutline, nodesBelow, nodesByRefs } from "../../territory/index.ts";
import { households } from "../tables.ts";

/**
 * Where a sheet row lives. A household is named by its grid and 小区/楼栋/单元/门牌号 (found, or
 * created with the buildings and entrances it needs), or by the address of a household already
 * registered in that grid.
 */
export type PlaceField = "grid" | "compound" | "building" | "entrance" | "room" | "address";

export const PLACE_COLUMNS: ImportColumn<PlaceField>[] = [
  {
    field: "grid",
    header: "所属网格",
    synonyms: ["网格", "网格编码", "所属网格编码", "网格名称"],
    example: "XG-LJ-001",
    note: "网格编码（如 XG-LJ-001）、15 位单元网格码或网格名称，须在您的管辖范围内",
  },
  { field: "compound", header: "小区", synonyms: ["小区名称", "院落", "小区/院落"], example: "锦绣花园" },
  {
    field: "building",
    header: "楼栋",
    synonyms: ["楼号", "栋", "楼栋号", "幢"],
    example: "3",
    note: "写 3、3栋 或 3号楼均可；与门牌号一起确定住户，没有的楼栋、单元、住户将新建",
  },
  { field: "entrance", header: "单元", synonyms: ["单元号"], example: "1" },
  { field: "room", header: "门牌号", synonyms: ["房号", "室", "门牌", "房间号"], example: "502" },
  {
    field: "address",
    header: "住址",
    synonyms: ["家庭住址", "现住址", "居住地址", "地址"],
    example: "",
    note: "不填楼栋门牌时，按住址找已登记的住户；新建住户时作为其地址",
  },
];

export interface GridRef {
  id: string;
  code: string;
  name: string;
  path: string;
}

/** An existing household, or one to create (with the nodes it needs) under a grid. */
export type Place =
  | { kind: "existing"; householdId: string; path: string }
  | {
      kind: "new";
      /** Rows with the same key are one household. */
      key: string;
      grid: GridRef;
      compound?: { node?: NodeOutline; name: string };
      building: { node?: NodeOutline; name: string };
      entrance?: { node?: NodeOutline; name: string };
      room: string;
      address?: string;
    };

const compact = (s: string) => s.normalize("NFKC").replace(/\s+/g, "");
/** 3, 3栋, 3号楼, 3幢 → 3栋; other names (A座) as written. */
export const buildingLabel = (s: string) => {
  const m = /^0*(\d+)(号楼|号|幢|栋|座|楼)?$/.exec(compact(s));
  return m ? `${m[1]}栋` : compact(s);
};
export const entranceLabel = (s: string) => {
  const m = /^0*(\d+)(单元)?$/.exec(compact(s));
  return m ? `${m[1]}单元` : compact(s);
};
export const roomLabel = (s: string) => {
  const m = /^(\d+)(室|号|户)?$/.exec(compact(s));
  return m ? `${m[1]}室` : compact(s);
};

/** A grid's compounds, buildings, entrances and households by their (normalised) names. */
class GridTree {
  readonly compounds = new Map<string, NodeOutline>();
  readonly buildings = new Map<string, NodeOutline>();
  /** Buildings by name alone, for rows that leave the compound out. */
  private readonly buildingsNamed = new Map<string, NodeOutline[]>();
  readonly entrances = new Map<string, NodeOutline>();
  readonly households = new Map<string, NodeOutline>();
  /** The grid's registered households: by their node, and by address. */
  readonly registered = new Map<string, { id: string; path: string }>();
  readonly byAddress = new Map<string, Array<{ id: string; path: string }>>();

  constructor(
    readonly grid: GridRef,
    nodes: NodeOutline[],
    rows: Array<{ id: string; nodeId: string; path: string; address: string }>,
  ) {
    for (const h of rows) {
      this.registered.set(h.nodeId, h);
      this.byAddress.set(h.address, [...(this.byAddress.get(h.address) ?? []), h]);
    }
    const byId = new Map(nodes.map((n) => [n.id, n]));
    const buildingKey = (b: NodeOutline) => {
      const parent = b.parentId ? byId.get(b.parentId) : undefined;
      return `${parent?.level === "compound" ? compact(parent.name) : ""}|${buildingLabel(b.name)}`;
    };
    for (const n of nodes) {
      if (n.level === "compound" && n.parentId === grid.id) this.compounds.set(compact(n.name), n);
      if (n.level === "building") {
        this.buildings.set(buildingKey(n), n);
        const name = buildingLabel(n.name);
        this.buildingsNamed.set(name, [...(this.buildingsNamed.get(name) ?? []), n]);
      }
      if (n.level === "entrance") {
        const b = n.parentId ? byId.get(n.parentId) : undefined;
        if (b) this.entrances.set(`${buildingKey(b)}|${entranceLabel(n.name)}`, n);
      }
      if (n.level === "household") {
        const parent = n.parentId ? byId.get(n.parentId) : undefined;
        const entrance = parent?.level === "entrance" ? parent : undefined;
        const building = entrance ? (entrance.parentId ? byId.get(entrance.parentId) : undefined) : parent;
        if (!building) continue;
        // "1栋1单元101室" under 1栋 / 1单元 is room 101室.
        let room = compact(n.name);
        for (const prefix of [compact(building.name), entrance ? compact(entrance.name) : ""])
          if (prefix && room.startsWith(prefix)) room = room.slice(prefix.length);
        const key = `${buildingKey(building)}|${entrance ? entranceLabel(entrance.name) : ""}|${roomLabel(room)}`;
        this.households.set(key, n);
      }
    }
  }

  /** The building of that name in the compound, or (no compound given) the only one of that name. */
  building(compound: string, building: string): NodeOutline | "ambiguous" | undefined {
    const exact = this.buildings.get(`${compound}|${building}`);
    if (exact || compound) return exact;
    const named = this.buildingsNamed.get(building) ?? [];
    if (named.length > 1) return "ambiguous";
    return named[0];
  }
}

export interface PlaceInput {
  grid?: string;
  compound?: string;
  building?: string;
  entrance?: string;
  room?: string;
  address?: string;
}

type Problem = (field: PlaceField, reason: string) => void;

function groupBy<T>(items: T[], key: (item: T) => string | undefined): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === undefined) continue;
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/**
 * Finds the place of each row, a chunk at a time: the grids named in the chunk, the trees of
 * grids not seen before and the households named by address are each one query.
 */
export class Places {
  private readonly grids = new Map<string, NodeOutline[]>();
  private readonly trees = new Map<string, GridTree>();

  constructor(
    private readonly executor: Executor,
    private readonly covers: (path: string) => boolean,
  ) {}

  async prepare(rows: PlaceInput[]): Promise<void> {
    const refs = [...new Set(rows.map((r) => r.grid).filter((g): g is string => !!g))];
    const unknown = refs.filter((r) => !this.grids.has(r));
    const found = await nodesByRefs(this.executor, "grid", unknown);
    for (const ref of unknown)
      this.grids.set(
        ref,
        found.filter((g) => g.code === ref || g.unitCode === ref || g.name === ref),
      );
    const grids = refs.flatMap((r) => this.grids.get(r) ?? []).filter((g) => this.covers(g.path));
    const fresh = [...new Map(grids.filter((g) => !this.trees.has(g.id)).map((g) => [g.id, g])).values()];
    const below = await nodesBelow(
      this.executor,
      fresh.map((g) => g.path),
      ["compound", "microgrid", "building", "entrance", "household"],
    );
    const registered =
      fresh.length === 0
        ? []
        : await this.executor
            .select({
              id: households.id,
              nodeId: households.nodeId,
              path: households.territoryPath,
              address: households.address,
            })
            .from(households)
            .where(or(...fresh.map((g) => like(households.territoryPath, `${g.path}%`))));
    // Each node to its grid by the ids on its path: one pass, not one per grid.
    const ids = new Set(fresh.map((g) => g.id));
    const gridOf = (path: string) => path.split("/").find((id) => ids.has(id));
    const nodes = groupBy(below, (n) => (ids.has(n.id) ? undefined : gridOf(n.path)));
    const homes = groupBy(registered, (h) => gridOf(h.path));
    for (const g of fresh)
      this.trees.set(g.id, new GridTree(g, nodes.get(g.id) ?? [], homes.get(g.id) ?? []));
  }

  /** The grid a row names, in scope; reports why not. */
  grid(ref: string | undefined, problem: Problem): GridRef | undefined {
    if (!ref) {
      problem("grid", "必填项为空");
      return undefined;
    }
    const all = this.grids.get(ref) ?? [];
    const mine = all.filter((g) => this.covers(g.path));
    if (mine.length === 1) return mine[0];
    if (mine.length > 1) problem("grid", `网格“${ref}”不唯一，请填写网格编码`);
    else if (all.length > 0) problem("grid", `网格“${ref}”不在您的管辖范围内`);
    else problem("grid", `找不到网格“${ref}”`);
    return undefined;
  }

  /** The household of a row (existing, or to create), or undefined with the problem reported. */
  resolve(input: PlaceInput, problem: Problem): Place | undefined {
    const grid = this.grid(input.grid, problem);
    if (!grid) return undefined;
    const tree = this.trees.get(grid.id);
    if (!tree) return undefined;
    if (input.building && input.room) {
      const compound = input.compound ? compact(input.compound) : "";
      const building = buildingLabel(input.building);
      const entrance = input.entrance ? entranceLabel(input.entrance) : "";
      const room = roomLabel(input.room);
      const buildingNode = tree.building(compound, building);
      if (buildingNode === "ambiguous") {
        problem("compound", `网格内有多个小区都有“${building}”，请填写小区`);
        return undefined;
      }
      const compoundName = buildingNode ? this.compoundOf(tree, buildingNode) : compound;
      const key = `${compoundName}|${building}|${entrance}|${room}`;
      const node = tree.households.get(key);
      const registered = node && tree.registered.get(node.id);
      if (registered) return { kind: "existing", householdId: registered.id, path: registered.path };
      const entranceNode = entrance
        ? tree.entrances.get(`${compoundName}|${building}|${entrance}`)
        : undefined;
      return {
        kind: "new",
        key: `${grid.id}|${key}`,
        grid,
        ...(compoundName ? { compound: { node: tree.compounds.get(compoundName), name: compoundName } } : {}),
        building: { node: buildingNode, name: building },
        ...(entrance ? { entrance: { node: entranceNode, name: entrance } } : {}),
        room,
        ...(input.address ? { address: input.address } : {}),
      };
    }
    if (input.address) {
      const hits = tree.byAddress.get(input.address) ?? [];
      if (hits.length === 1 && hits[0])
        return { kind: "existing", householdId: hits[0].id, path: hits[0].path };
      problem(
        "address",
        hits.length > 1
          ? `该网格内有多户住址为“${input.address}”，请填写楼栋和门牌号`
          : `网格内没有住址为“${input.address}”的住户；新住户请填写楼栋和门牌号`,
      );
      return undefined;
    }
    problem(input.building ? "room" : "building", "请填写楼栋和门牌号，或已登记住户的住址");
    return undefined;
  }

  /** A building (or, with `entrance`, an entrance) already registered in the grid; reports why not. */
  building(
    grid: GridRef,
    input: { compound?: string; building?: string; entrance?: string },
    problem: Problem,
    withEntrance: boolean,
  ): NodeOutline | undefined {
    const tree = this.trees.get(grid.id);
    if (!tree) return undefined;
    if (!input.building) {
      problem("building", "必填项为空");
      return undefined;
    }
    const compound = input.compound ? compact(input.compound) : "";
    const building = buildingLabel(input.building);
    const node = tree.building(compound, building);
    if (node === "ambiguous") {
      problem("compound", `网格内有多个小区都有“${building}”，请填写小区`);
      return undefined;
    }
    if (!node) {
      problem("building", `网格“${grid.code}”内找不到${compound}${building}`);
      return undefined;
    }
    if (!withEntrance) return node;
    if (!input.entrance) {
      problem("entrance", "必填项为空");
      return undefined;
    }
    const entrance = tree.entrances.get(
      `${this.compoundOf(tree, node)}|${building}|${entranceLabel(input.entrance)}`,
    );
    if (!entrance) problem("entrance", `${building}内找不到${entranceLabel(input.entrance)}`);
    return entrance;
  }

  private compoundOf(tree: GridTree, building: NodeOutline): string {
    const parent = [...tree.compounds.values()].find((c) => c.id === building.parentId);
    return parent ? compact(parent.name) : "";
  }
}
