import { randomUUID } from "node:crypto";
import type { MultiPolygon, Polygon } from "geojson";
import { bulkInsert, type Executor } from "../../platform/db/index.ts";
import { pinyinSortKey } from "../../platform/i18n/pinyin.ts";
import { bumpGeoVersion } from "./service.ts";
import { type TerritoryLevel, territoryNodes } from "./tables.ts";

export interface BulkNode {
  /** The caller's key for the node; parents are referred to by it. */
  key: string;
  parentKey?: string;
  /** An existing node as parent (when the parent is not in this batch). */
  parentId?: string;
  level: TerritoryLevel;
  code: string;
  name: string;
  gridType?: string;
  unitCode?: string;
  geometry?: Polygon | MultiPolygon;
  lat?: number;
  lng?: number;
  address?: string;
}

export interface InsertedNode {
  id: string;
  path: string;
  level: TerritoryLevel;
}

/**
 * Inserts many nodes at once (demo data, imports), parents before children: ids and paths are
 * computed here instead of one round trip per node. Returns key → id and path.
 */
export async function bulkInsertNodes(
  executor: Executor,
  nodes: BulkNode[],
  parents: Map<string, { path: string; districtId: string }> = new Map(),
): Promise<Map<string, InsertedNode>> {
  const byKey = new Map<string, InsertedNode & { districtId: string }>();
  const rows: Array<typeof territoryNodes.$inferInsert> = [];
  for (const n of nodes) {
    const id: string = randomUUID();
    const parentId = n.parentKey ? byKey.get(n.parentKey)?.id : n.parentId;
    const parent = n.parentKey ? byKey.get(n.parentKey) : n.parentId ? parents.get(n.parentId) : undefined;
    if ((n.parentKey || n.parentId) && !parent) throw new Error(`parent of ${n.key} must come first`);
    const path = `${parent?.path ?? "/"}${id}/`;
    const districtId = parent?.districtId ?? id;
    byKey.set(n.key, { id, path, level: n.level, districtId });
    rows.push({
      id,
      parentId: parentId ?? null,
      districtId,
      level: n.level,
      code: n.code,
      name: n.name,
      sortKey: pinyinSortKey(n.name),
      path,
      gridType: n.gridType ?? null,
      unitCode: n.unitCode ?? null,
      geometry: n.geometry ?? null,
      lat: n.lat ?? null,
      lng: n.lng ?? null,
      address: n.address ?? null,
    });
  }
  await bulkInsert(executor, territoryNodes, rows);
  if (nodes.some((n) => n.geometry)) await bumpGeoVersion(executor);
  return byKey;
}
