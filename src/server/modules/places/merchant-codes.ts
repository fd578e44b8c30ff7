import { inArray } from "drizzle-orm";
import type { Executor } from "../../platform/db/index.ts";
import { merchants } from "./tables.ts";

/** Shops' 统一社会信用代码 by id, where registered: what a partner bank knows a business by. */
export async function merchantUsccs(
  executor: Executor,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await executor
    .select({ id: merchants.id, uscc: merchants.uscc })
    .from(merchants)
    .where(inArray(merchants.id, [...ids]));
  return new Map(rows.flatMap((r) => (r.uscc ? [[r.id, r.uscc] as const] : [])));
}
