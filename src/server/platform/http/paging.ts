import { type TSchema, Type } from "@sinclair/typebox";
import { count, type InferSelectModel, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Executor } from "../db/index.ts";

export const DEFAULT_PAGE_SIZE = 20;

/** The paging every list takes (ARCHITECTURE: pageSize ≤ 200); both optional. */
export const PageQuery = {
  page: Type.Optional(
    Type.Integer({ minimum: 1, maximum: 100_000, default: 1, description: "1-based page number" }),
  ),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: DEFAULT_PAGE_SIZE })),
};

export interface Paging {
  page?: number;
  pageSize?: number;
}

/** LIMIT/OFFSET of a page request. */
export function pageWindow({ page = 1, pageSize = DEFAULT_PAGE_SIZE }: Paging): {
  limit: number;
  offset: number;
} {
  return { limit: pageSize, offset: (page - 1) * pageSize };
}

export const Paged = <T extends TSchema>(item: T) =>
  Type.Object({ items: Type.Array(item), total: Type.Integer({ minimum: 0 }) });

/**
 * One page of whole rows of `table` matching `where`, in `orderBy` (end it with a unique column so
 * pages never overlap), and how many rows match in all: the `{items, total}` of a list before its
 * rows are presented. Lists that join or pick columns write their own query.
 */
export async function selectPage<T extends PgTable>(
  executor: Executor,
  table: T,
  where: SQL | undefined,
  orderBy: SQL[],
  f: Paging,
): Promise<{ rows: InferSelectModel<T>[]; total: number }> {
  const { limit, offset } = pageWindow(f);
  const [rows, [total]] = await Promise.all([
    executor
      .select()
      .from(table as PgTable)
      .where(where)
      .orderBy(...orderBy)
      .limit(limit)
      .offset(offset),
    executor
      .select({ n: count() })
      .from(table as PgTable)
      .where(where),
  ]);
  return { rows: rows as InferSelectModel<T>[], total: total?.n ?? 0 };
}
