import { and, asc, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import { anyText, type Executor } from "../../platform/db/index.ts";
import { presentNode, type TerritoryNode } from "./service.ts";
import { type TerritoryLevel, territoryNodes } from "./tables.ts";

/**
 * Batch lookups for imports: a sheet names its grids, communities and buildings by code or name,
 * thousands of rows at a time, so each is one query per chunk rather than one per row.
 */

/** Nodes of a level whose code, 15-digit unit code or name is one of `refs` (no scope: callers check). */
export async function nodesByRefs(
  executor: Executor,
  level: TerritoryLevel,
  refs: string[],
): Promise<TerritoryNode[]> {
  if (refs.length === 0) return [];
  const rows = await executor
    .select()
    .from(territoryNodes)
    .where(
      and(
        eq(territoryNodes.level, level),
        or(
          anyText(territoryNodes.code, refs),
          anyText(territoryNodes.unitCode, refs),
          anyText(territoryNodes.name, refs),
        ),
      ),
    );
  return rows.map(presentNode);
}

/** Nodes by code, whatever their level (is a code free?). */
export async function nodesByCodes(executor: Executor, codes: string[]): Promise<TerritoryNode[]> {
  if (codes.length === 0) return [];
  return (await executor.select().from(territoryNodes).where(anyText(territoryNodes.code, codes))).map(
    presentNode,
  );
}

/** Nodes holding one of these 15-digit unit-grid codes. */
export async function nodesByUnitCodes(executor: Executor, unitCodes: string[]): Promise<TerritoryNode[]> {
  if (unitCodes.length === 0) return [];
  return (
    await executor.select().from(territoryNodes).where(anyText(territoryNodes.unitCode, unitCodes))
  ).map(presentNode);
}

/** A node without its polygon, point and address: what a subtree listing needs. */
export type NodeOutline = Pick<TerritoryNode, "id" | "parentId" | "level" | "code" | "name" | "path">;

/**
 * Every node of these levels below the given nodes (a grid's compounds, buildings, entrances,
 * households), only the columns that place a node: a district's subtree is tens of thousands.
 */
export async function nodesBelow(
  executor: Executor,
  paths: string[],
  levels: readonly TerritoryLevel[],
): Promise<NodeOutline[]> {
  if (paths.length === 0) return [];
  const under: SQL[] = paths.map((p) => sql`${territoryNodes.path} like ${`${p}%`}`);
  return executor
    .select({
      id: territoryNodes.id,
      parentId: territoryNodes.parentId,
      level: territoryNodes.level,
      code: territoryNodes.code,
      name: territoryNodes.name,
      path: territoryNodes.path,
    })
    .from(territoryNodes)
    .where(and(inArray(territoryNodes.level, [...levels]), or(...under)));
}

/** The district of a path: its first id (a district is its own district). */
export const districtOf = (path: string): string => path.split("/")[1] ?? "";

/** The nodes of one level under a path with their polygons, in code order: the areas of a map. */
export async function areasBelow(executor: Executor, path: string, level: TerritoryLevel) {
  return executor
    .select({
      id: territoryNodes.id,
      level: territoryNodes.level,
      code: territoryNodes.code,
      name: territoryNodes.name,
      path: territoryNodes.path,
      geometry: territoryNodes.geometry,
    })
    .from(territoryNodes)
    .where(and(eq(territoryNodes.level, level), sql`${territoryNodes.path} like ${`${path}%`}`))
    .orderBy(asc(territoryNodes.code));
}

/**
 * The ids of the nodes under any of these paths, as a subquery: other modules' scope conditions
 * (accounts by their roles' nodes) without naming this module's table.
 */
export const nodeIdsUnder = (paths: string[]): SQL =>
  sql`(select ${territoryNodes.id} from ${territoryNodes} where ${sql.join(
    paths.map((p) => sql`${territoryNodes.path} like ${`${p}%`}`),
    sql` or `,
  )})`;
