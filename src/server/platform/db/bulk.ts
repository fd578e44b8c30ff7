import { getTableColumns, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Executor } from "./connect.ts";

const CHUNK = 5000;

/**
 * Inserts many rows with one JSON parameter per chunk (`json_populate_recordset`): binding
 * thousands of parameters is what makes multi-row INSERTs slow, most of all on PGlite.
 * Columns missing from the rows keep their defaults.
 */
export async function bulkInsert<T extends PgTable>(
  executor: Executor,
  table: T,
  rows: Array<T["$inferInsert"]>,
): Promise<void> {
  if (rows.length === 0) return;
  const columns = getTableColumns(table);
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))].filter((k) => k in columns);
  const names = keys.map((k) => (columns[k] as { name: string }).name);
  const list = sql.join(
    names.map((n) => sql.identifier(n)),
    sql`, `,
  );
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK).map((r) => {
      const row = r as Record<string, unknown>;
      return Object.fromEntries(keys.map((k, j) => [names[j], row[k] ?? null]));
    });
    await executor.execute(
      sql`insert into ${table} (${list}) select ${list} from json_populate_recordset(null::${table}, ${JSON.stringify(chunk)}::json)`,
    );
  }
}
