import { inArray, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Executor } from "../db/index.ts";

/**
 * How the audit log names the rows of one entity type for people: a case by its code, an order by
 * its title, a person by his masked name. Each module names its own entities (its module object's
 * `auditNames`); the log asks each type once per page, never once per row.
 */
export type EntityNamer = (executor: Executor, ids: string[]) => Promise<Map<string, string>>;
export type EntityNamers = Readonly<Record<string, EntityNamer>>;

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A namer reading `name` (a column, or an SQL expression such as a sub-select) of the rows of
 * `table` whose uuid `id` is asked for, shown through `present` (e.g. a mask).
 */
export function namedBy(
  table: PgTable,
  id: PgColumn,
  name: PgColumn | SQL<string | null>,
  present: (value: string) => string = (v) => v,
): EntityNamer {
  return async (executor, ids) => {
    const wanted = [...new Set(ids.filter((x) => UUID_RE.test(x)))];
    if (wanted.length === 0) return new Map();
    const rows = (await executor.select({ id, name }).from(table).where(inArray(id, wanted))) as Array<{
      id: string;
      name: string | null;
    }>;
    return new Map(rows.flatMap((r) => (r.name ? [[String(r.id), present(r.name)] as const] : [])));
  };
}

/** The names of the entities of a page of audit rows, by `entity/entityId`: one query per entity type. */
export async function entityNames(
  executor: Executor,
  namers: EntityNamers,
  rows: ReadonlyArray<{ entity: string; entityId: string | null }>,
): Promise<Map<string, string>> {
  const byEntity = new Map<string, string[]>();
  for (const r of rows)
    if (r.entityId && Object.hasOwn(namers, r.entity))
      byEntity.set(r.entity, [...(byEntity.get(r.entity) ?? []), r.entityId]);
  const named = await Promise.all(
    [...byEntity].map(
      async ([entity, ids]) => [entity, await (namers[entity] as EntityNamer)(executor, ids)] as const,
    ),
  );
  const out = new Map<string, string>();
  for (const [entity, names] of named) for (const [id, name] of names) out.set(`${entity}/${id}`, name);
  return out;
}
