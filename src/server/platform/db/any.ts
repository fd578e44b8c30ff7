import { type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";

/**
 * `column = any($1)` with the values as ONE array parameter: `in (…)` binds one parameter per
 * value, which is slow for the thousands a chunk of an import looks up (most of all on PGlite).
 */
const anyOf =
  (type: "text" | "uuid") =>
  (column: AnyPgColumn | SQL, values: readonly string[]): SQL =>
    sql`${column} = any(${sql.param([...values])}::${sql.raw(type)}[])`;

export const anyText = anyOf("text");
export const anyUuid = anyOf("uuid");
