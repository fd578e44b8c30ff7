import { or, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { type Principal, roleGrants, scopePaths } from "../../platform/auth/index.ts";
import type { Executor } from "../../platform/db/index.ts";
import { lineageOf } from "../territory/index.ts";

/**
 * Where a caller's volunteering happens: the communities he lives or works in (teams and
 * activities anywhere in them), whatever is published above his own nodes (street- and
 * district-wide activities), and for staff everything they manage.
 */
export interface Area {
  /** Subtree roots: everything below them is in the area. */
  below: string[];
  /** His own nodes: an activity on one of their ancestors is in the area too. */
  homes: string[];
}

export async function areaOf(executor: Executor, principal: Principal): Promise<Area> {
  // Department staff are bound to the district only to name it: they serve a department, and
  // live and work in no community of it (roles.ts); what they manage, if anything, still counts.
  const homes = principal.roles.filter((r) => r.role !== "departmentStaff").map((r) => r.nodePath);
  const communities = await Promise.all(
    homes.map(async (path) => (await lineageOf(executor, path)).community?.path ?? path),
  );
  const below = [...new Set([...communities, ...scopePaths(principal, "volunteering.manage")])];
  return { below, homes };
}

/** SQL: the path column lies in the area. Paths are uuids and slashes, so LIKE needs no escaping. */
export function inArea(area: Area, column: AnyPgColumn): SQL {
  const clauses = [
    ...area.below.map((p) => sql`${column} like ${`${p}%`}`),
    ...area.homes.map((h) => sql`${h} like ${column} || '%'`),
  ];
  return clauses.length > 0 ? (or(...clauses) as SQL) : sql`false`;
}

export function isInArea(area: Area, path: string): boolean {
  return area.below.some((p) => path.startsWith(p)) || area.homes.some((h) => h.startsWith(path));
}

/** The node a volunteer serves from: the deepest node of a role that may volunteer (his household, his community). */
export function homeNodeOf(principal: Principal): { nodeId: string; nodePath: string } | null {
  const own = principal.roles
    .filter((r) => roleGrants(r.role, "volunteering.join"))
    .sort((a, b) => b.nodePath.length - a.nodePath.length)[0];
  return own ? { nodeId: own.nodeId, nodePath: own.nodePath } : null;
}
