import { randomUUID } from "node:crypto";
import { and, asc, count, eq, ilike, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import type { Actor } from "../../platform/audit/audit.ts";
import { audited } from "../../platform/audit/audit.ts";
import { inScope, type Permission, type Principal, scopePaths } from "../../platform/auth/index.ts";
import type { Db, Executor } from "../../platform/db/index.ts";
import { likePattern } from "../../platform/db/index.ts";
import { conflict, notFound, unprocessable } from "../../platform/errors.ts";
import { type Paging, pageWindow } from "../../platform/http/paging.ts";
import { pinyinSortKey } from "../../platform/i18n/pinyin.ts";
import { activeGridType } from "./grid-types.ts";
import { type TerritoryLevel, type TerritoryNodeRow, territoryNodes, territoryState } from "./tables.ts";

/** Which levels may sit directly under which: the shape of the tree. */
const CHILD_LEVELS: Record<TerritoryLevel, readonly TerritoryLevel[]> = {
  district: ["street"],
  street: ["community"],
  community: ["grid", "compound"],
  grid: ["microgrid", "compound", "building"],
  compound: ["grid", "building"],
  microgrid: ["building"],
  building: ["entrance", "household"],
  entrance: ["household"],
  household: [],
};

export interface TerritoryNode {
  id: string;
  parentId: string | null;
  level: TerritoryLevel;
  code: string;
  name: string;
  path: string;
  /** A grid_types code. */
  gridType: string | null;
  unitCode: string | null;
  lat: number | null;
  lng: number | null;
  address: string | null;
}

/** A node as other modules and the API see it. */
export const presentNode = (r: TerritoryNodeRow): TerritoryNode => ({
  id: r.id,
  parentId: r.parentId,
  level: r.level,
  code: r.code,
  name: r.name,
  path: r.path,
  gridType: r.gridType,
  unitCode: r.unitCode,
  lat: r.lat,
  lng: r.lng,
  address: r.address,
});

/** A node with its polygon and its ancestors (for breadcrumbs), or 404 outside the scope. */
export async function getNodeDetail(db: Db, principal: Principal, id: string) {
  const node = await getNode(db, principal, id);
  const ancestorIds = node.path.split("/").filter((x) => x && x !== id);
  const [geo] = await db
    .select({ geometry: territoryNodes.geometry })
    .from(territoryNodes)
    .where(eq(territoryNodes.id, id));
  const ancestors = await nodesByIds(db, ancestorIds);
  ancestors.sort((a, b) => a.path.length - b.path.length);
  return {
    ...node,
    geometry: geo?.geometry ?? null,
    ancestors: ancestors.map(({ id, level, code, name }) => ({ id, level, code, name })),
  };
}

export async function nodesByIds(executor: Executor, ids: string[]): Promise<TerritoryNode[]> {
  if (ids.length === 0) return [];
  const rows = await executor.select().from(territoryNodes).where(inArray(territoryNodes.id, ids));
  return rows.map(presentNode);
}

export async function nodeByCode(executor: Executor, code: string): Promise<TerritoryNode | undefined> {
  const [row] = await executor.select().from(territoryNodes).where(eq(territoryNodes.code, code));
  return row && presentNode(row);
}

/** A grid and its polygon by code, for public pages such as the contact card (no scope: grids are public). */
export async function gridByCode(executor: Executor, code: string) {
  const [row] = await executor
    .select()
    .from(territoryNodes)
    .where(and(eq(territoryNodes.code, code), eq(territoryNodes.level, "grid")));
  return row && { ...presentNode(row), geometry: row.geometry };
}

/** A node the caller may see for `permission`, or 404 (outside the scope looks like absent). */
export async function getNode(
  executor: Executor,
  principal: Principal,
  id: string,
  permission: Permission = "territory.read",
): Promise<TerritoryNode> {
  const [row] = await executor
    .select()
    .from(territoryNodes)
    .where(and(eq(territoryNodes.id, id), inScope(principal, permission, territoryNodes.path)));
  if (!row) throw notFound("territory node", id);
  return presentNode(row);
}

export interface NodeFilter extends Paging {
  parentId?: string;
  level?: TerritoryLevel;
  /** Part of a name or code, searched in the whole scope. */
  q?: string;
}

/** Children of a node in scope; without a parent, the roots of the caller's scope. */
export async function listNodes(db: Db, principal: Principal, f: NodeFilter) {
  const conditions: SQL[] = [inScope(principal, "territory.read", territoryNodes.path)];
  // A parent outside the scope is not found, as by its id; its children are not an empty page.
  if (f.parentId) conditions.push(eq(territoryNodes.parentId, (await getNode(db, principal, f.parentId)).id));
  else if (!f.level && !f.q) {
    const roots = principal.roles.map((r) => r.nodeId);
    const paths = scopePaths(principal, "territory.read");
    const rootIds = roots.filter((id) => paths.some((p) => p.endsWith(`/${id}/`)));
    conditions.push(rootIds.length ? inArray(territoryNodes.id, rootIds) : isNull(territoryNodes.id));
  }
  if (f.level) conditions.push(eq(territoryNodes.level, f.level));
  if (f.q)
    conditions.push(
      or(ilike(territoryNodes.name, likePattern(f.q)), ilike(territoryNodes.code, likePattern(f.q))) as SQL,
    );
  const { limit, offset } = pageWindow(f);
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(territoryNodes)
      .where(where)
      .orderBy(asc(territoryNodes.sortKey), asc(territoryNodes.code))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(territoryNodes).where(where),
  ]);
  return { items: rows.map(presentNode), total: total?.n ?? 0 };
}

export interface NewNode {
  parentId: string | null;
  level: TerritoryLevel;
  code: string;
  name: string;
  /** Grids: an active grid_types code (createNode checks it). */
  gridType?: string | null;
}

/** Inserts a node under a parent (no scope check: callers check, start-up and demo data do not). */
export async function insertNode(executor: Executor, node: NewNode): Promise<TerritoryNode> {
  const id: string = randomUUID();
  let path = `/${id}/`;
  let districtId: string = id;
  if (node.parentId) {
    const [parent] = await executor.select().from(territoryNodes).where(eq(territoryNodes.id, node.parentId));
    if (!parent) throw notFound("territory node", node.parentId);
    if (!CHILD_LEVELS[parent.level].includes(node.level)) {
      throw unprocessable("LEVEL_NOT_ALLOWED", {
        parentLevel: parent.level,
        allowed: CHILD_LEVELS[parent.level],
      });
    }
    path = `${parent.path}${id}/`;
    districtId = parent.districtId;
  } else if (node.level !== "district") {
    throw unprocessable("LEVEL_NOT_ALLOWED");
  }
  const [taken] = await executor
    .select({ id: territoryNodes.id })
    .from(territoryNodes)
    .where(eq(territoryNodes.code, node.code));
  if (taken) throw conflict("CODE_TAKEN", { code: node.code });
  const [row] = await executor
    .insert(territoryNodes)
    .values({
      id,
      parentId: node.parentId,
      districtId,
      level: node.level,
      code: node.code,
      name: node.name,
      sortKey: pinyinSortKey(node.name),
      path,
      gridType: node.gridType ?? null,
    })
    .returning();
  if (!row) throw new Error("insert returned nothing");
  return presentNode(row);
}

export function createNode(db: Db, principal: Principal, actor: Actor, node: NewNode & { parentId: string }) {
  return audited(db, actor, async (tx, audit) => {
    await getNode(tx, principal, node.parentId, "territory.write");
    if (node.gridType) await checkGridType(tx, node.level, node.gridType);
    const created = await insertNode(tx, node);
    await audit({
      action: "territory.create",
      entity: "territory_node",
      entityId: created.id,
      after: created,
    });
    return created;
  });
}

/** Only a grid has a grid type, and only an active one is given to it. */
async function checkGridType(executor: Executor, level: TerritoryLevel, gridType: string) {
  if (level !== "grid") throw unprocessable("GRID_TYPE_NOT_FOR_LEVEL", { field: "gridType" });
  await activeGridType(executor, gridType);
}

/** The levels whose names `locate` answers with, from every process's spatial index (geo.ts). */
const LOCATED_LEVELS: readonly TerritoryLevel[] = ["street", "community", "grid"];

/**
 * Marks every process's spatial index as stale: polygons, or the grid, community and street codes
 * and names it answers with, changed. Each process reads the version every VERSION_CHECK_MS (geo.ts).
 */
export async function bumpGeoVersion(executor: Executor): Promise<void> {
  await executor
    .insert(territoryState)
    .values({ id: 1, geoVersion: 1 })
    .onConflictDoUpdate({
      target: territoryState.id,
      set: { geoVersion: sql`${territoryState.geoVersion} + 1` },
    });
}

export function renameNode(
  db: Db,
  principal: Principal,
  actor: Actor,
  id: string,
  change: { name?: string; gridType?: string },
) {
  return audited(db, actor, async (tx, audit) => {
    const before = await getNode(tx, principal, id, "territory.write");
    const name = change.name && change.name !== before.name ? change.name : undefined;
    const gridType = change.gridType && change.gridType !== before.gridType ? change.gridType : undefined;
    if (!name && !gridType) return before;
    if (gridType) await checkGridType(tx, before.level, gridType);
    const [row] = await tx
      .update(territoryNodes)
      .set({
        ...(name ? { name, sortKey: pinyinSortKey(name) } : {}),
        ...(gridType ? { gridType } : {}),
        updatedAt: new Date(),
      })
      .where(eq(territoryNodes.id, id))
      .returning();
    if (!row) throw notFound("territory node", id);
    if (LOCATED_LEVELS.includes(row.level)) await bumpGeoVersion(tx);
    const after = presentNode(row);
    await audit({ action: "territory.update", entity: "territory_node", entityId: id, before, after });
    return after;
  });
}
