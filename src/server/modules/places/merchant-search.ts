import { and, asc, count, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../platform/db/index.ts";
import { likePattern } from "../../platform/db/index.ts";
import type { MerchantRecord } from "./merchants.ts";
import { merchants } from "./tables.ts";

export interface MerchantSearch {
  /** Territory paths the caller may see (his scope, possibly narrowed); none → nothing. */
  paths: readonly string[];
  /** A name, its pinyin run together or its initials ("hbd" finds 惠百德超市). */
  q?: string;
  limit: number;
  offset: number;
}

/** The pinyin words of the stored sort key (`hui bai de !…` → `hui bai de`). */
const words = sql`split_part(${merchants.sortKey}, ' !', 1)`;

/**
 * Shops under these paths, by name in pinyin order, and how many match: an inspector on his phone
 * types a shop's name, its pinyin or the initials of its pinyin. The pinyin comes from the sort key
 * kept for ordering, so no other column is needed.
 */
export async function searchMerchants(
  executor: Executor,
  f: MerchantSearch,
): Promise<{ rows: MerchantRecord[]; total: number }> {
  if (f.paths.length === 0) return { rows: [], total: 0 };
  const conditions: SQL[] = [
    sql`(${sql.join(
      f.paths.map((p) => sql`${merchants.territoryPath} like ${`${p}%`}`),
      sql` or `,
    )})`,
  ];
  const q = f.q?.trim().toLowerCase();
  if (q) {
    const like = likePattern(q);
    const initials = sql`regexp_replace(${words}, '([a-z0-9])[a-z0-9]* ?', '\\1', 'g')`;
    conditions.push(
      sql`(${merchants.name} ilike ${like} or replace(${words}, ' ', '') like ${like} or ${initials} like ${like})`,
    );
  }
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    executor
      .select({
        id: merchants.id,
        name: merchants.name,
        category: merchants.category,
        nodeId: merchants.nodeId,
        territoryPath: merchants.territoryPath,
        address: merchants.address,
        lat: merchants.lat,
        lng: merchants.lng,
      })
      .from(merchants)
      .where(where)
      .orderBy(asc(merchants.sortKey), asc(merchants.id))
      .limit(f.limit)
      .offset(f.offset),
    executor.select({ n: count() }).from(merchants).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}
