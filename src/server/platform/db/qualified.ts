import { type Column, getTableName, type SQL, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";

/**
 * `"table"."column"`: inside a correlated subquery Drizzle renders a bare column name, which the
 * subquery would take as its own column; this always names the outer table.
 */
export function qualified(column: Column): SQL {
  return sql`${sql.identifier(getTableName(column.table as PgTable))}.${sql.identifier(column.name)}`;
}
