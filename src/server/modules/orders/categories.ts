import { asc, count } from "drizzle-orm";
import { processCache } from "../../platform/caches.ts";
import type { Executor } from "../../platform/db/index.ts";
import { unprocessable } from "../../platform/errors.ts";
import { orderCategories } from "./tables.ts";

type NewCategory = typeof orderCategories.$inferInsert;

/**
 * The small services of the seeds (西湖 365: 帮代办, 维修, 陪护, 保洁, 理发 …), each with the
 * on-site deadline of 务川 (30 minutes) and the volunteer skill that qualifies for it.
 */
export const DEFAULT_ORDER_CATEGORIES: NewCategory[] = [
  { code: "errand", name: "帮代办", nameEn: "Errand", onSiteMinutes: 30, skill: null },
  { code: "repair", name: "维修", nameEn: "Repair", onSiteMinutes: 30, skill: "维修" },
  { code: "accompany", name: "陪护陪诊", nameEn: "Accompany", onSiteMinutes: 30, skill: "陪护" },
  { code: "cleaning", name: "保洁", nameEn: "Cleaning", onSiteMinutes: 30, skill: "保洁" },
  { code: "haircut", name: "理发", nameEn: "Haircut", onSiteMinutes: 30, skill: "理发" },
  { code: "other", name: "其他", nameEn: "Other", onSiteMinutes: 30, skill: null },
].map((c, i) => ({ ...c, sortOrder: i }));

/** First start (demo or not): the default categories, once; staff change them as data. */
export async function ensureOrderDefaults(executor: Executor): Promise<void> {
  const [{ n = 0 } = {}] = await executor.select({ n: count() }).from(orderCategories);
  if (n === 0) await executor.insert(orderCategories).values(DEFAULT_ORDER_CATEGORIES);
}

export type OrderCategory = typeof orderCategories.$inferSelect;

// Six rows that change rarely (as data), read by every grab and every list: each process keeps them
// five seconds, so a change reaches every process within that (README: what each process keeps).
const cache = processCache<"all", OrderCategory[]>({ max: 1, ttl: 5_000 });

/** After an edit: this process reads the categories afresh at once (the others within five seconds). */
export function forgetOrderCategories(): void {
  cache.clear();
}

export async function listOrderCategories(executor: Executor): Promise<OrderCategory[]> {
  const hit = cache.get("all");
  if (hit) return hit;
  const rows = await executor
    .select()
    .from(orderCategories)
    .orderBy(asc(orderCategories.sortOrder), asc(orderCategories.code));
  if (rows.length > 0) cache.set("all", rows);
  return rows;
}

/** A category by code, or 422 UNKNOWN_ORDER_CATEGORY naming those that exist. */
export async function orderCategoryOf(executor: Executor, code: string): Promise<OrderCategory> {
  const all = await listOrderCategories(executor);
  const found = all.find((c) => c.code === code);
  if (!found)
    throw unprocessable("UNKNOWN_ORDER_CATEGORY", {
      field: "categoryCode",
      category: code,
      known: all.map((c) => c.code),
    });
  return found;
}

/** The category's name and skill for rows that name it by code (a deleted one keeps its code). */
export function categoryLookup(all: OrderCategory[]) {
  const byCode = new Map(all.map((c) => [c.code, c]));
  return (code: string) => ({
    name: byCode.get(code)?.name ?? code,
    nameEn: byCode.get(code)?.nameEn ?? code,
    skill: byCode.get(code)?.skill ?? null,
  });
}
