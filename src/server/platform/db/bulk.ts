import { getTableColumns, type SQL, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Executor } from "./connect.ts";

const CHUNK = 5000;

type Rows<T extends PgTable> = Array<T["$inferInsert"]>;

/**
 * Inserts many rows with one JSON parameter per chunk (`json_populate_recordset`): binding
 * thousands of parameters is what makes multi-row INSERTs slow, most of all on PGlite.
 * Columns missing from the rows keep their defaults.
 */
export async function bulkInsert<T extends PgTable>(
  executor: Executor,
  table: T,
  rows: Rows<T>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK)
    await executor.execute(insertSql(table, rows.slice(i, i + CHUNK)));
}

/**
 * Updates many rows by primary key with one JSON parameter per chunk, like bulkInsert: each row
 * sets the columns it names (besides `key`), all rows the same columns.
 */
export async function bulkUpdate<T extends PgTable>(
  executor: Executor,
  table: T,
  key: keyof T["$inferSelect"] & string,
  rows: Array<Partial<T["$inferInsert"]>>,
): Promise<void> {
  if (rows.length === 0) return;
  const columns = getTableColumns(table);
  const keys = Object.keys(rows[0] as object).filter((k) => k in columns);
  const name = (k: string) => (columns[k] as { name: string }).name;
  const set = sql.join(
    keys.filter((k) => k !== key).map((k) => sql`${sql.identifier(name(k))} = v.${sql.identifier(name(k))}`),
    sql`, `,
  );
  for (let i = 0; i < rows.length; i += CHUNK) {
    const json = rows.slice(i, i + CHUNK).map((r) => {
      const row = r as Record<string, unknown>;
      return Object.fromEntries(keys.map((k) => [name(k), row[k] ?? null]));
    });
    await executor.execute(
      sql`update ${table} t set ${set} from json_populate_recordset(null::${table}, ${JSON.stringify(json)}::json) v where t.${sql.identifier(name(key))} = v.${sql.identifier(name(key))}`,
    );
  }
}

/**
 * A few rows into each of several tables in one statement (data-modifying CTEs): one round trip,
 * and atomic without a transaction. Rows referring to rows of an earlier table are fine: foreign
 * keys are checked at the end of the statement.
 */
export async function insertTogether(executor: Executor, parts: InsertPart[]): Promise<void> {
  const inserts = parts
    .filter(([, rows]) => rows.length > 0)
    .map(([table, rows]) => insertSql(table, rows as Rows<PgTable>));
  const last = inserts.pop();
  if (!last) return;
  const ctes = inserts.map((insert, i) => sql`${sql.raw(`i${i}`)} as (${insert})`);
  await executor.execute(ctes.length > 0 ? sql`with ${sql.join(ctes, sql`, `)} ${last}` : last);
}

/** A table and rows for it, checked against each other where they are put together. */
export type InsertPart = readonly [PgTable, object[]];
export const insertPart = <T extends PgTable>(table: T, rows: Rows<T>): InsertPart => [table, rows];

function insertSql<T extends PgTable>(table: T, rows: Rows<T>): SQL {
  const columns = getTableColumns(table);
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))].filter((k) => k in columns);
  const names = keys.map((k) => (columns[k] as { name: string }).name);
  const list = sql.join(
    names.map((n) => sql.identifier(n)),
    sql`, `,
  );
  const json = rows.map((r) => {
    const row = r as Record<string, unknown>;
    return Object.fromEntries(keys.map((k, j) => [names[j], row[k] ?? null]));
  });
  return sql`insert into ${table} (${list}) select ${list} from json_populate_recordset(null::${table}, ${JSON.stringify(json)}::json)`;
}
