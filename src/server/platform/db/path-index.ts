import { sql } from "drizzle-orm";
import { type AnyPgColumn, index } from "drizzle-orm/pg-core";

/**
 * Every scoped table carries `territory_path`, a copy of its node's path: scope is one prefix
 * condition (platform/auth/scope.ts), which this index serves.
 */
export const pathIndex = (name: string, column: AnyPgColumn) =>
  index(name).using("btree", sql`${column} text_pattern_ops`);
