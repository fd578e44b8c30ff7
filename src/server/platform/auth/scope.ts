import { type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Principal } from "./principal.ts";
import { scopePaths } from "./principal.ts";
import type { Permission } from "./roles.ts";

/**
 * SQL condition: `pathColumn` (a territory node's materialised path) lies inside the caller's
 * scope for `permission`. Every list and every lookup of scoped data goes through it, so an
 * object outside the scope is simply not found.
 */
export function inScope(principal: Principal, permission: Permission, pathColumn: AnyPgColumn | SQL): SQL {
  const paths = scopePaths(principal, permission);
  if (paths.length === 0) return sql`false`;
  // Paths are made of uuids and slashes, so LIKE needs no escaping; a text_pattern_ops index serves it.
  const clauses = paths.map((p) => sql`${pathColumn} like ${`${p}%`}`);
  return sql`(${sql.join(clauses, sql` or `)})`;
}
