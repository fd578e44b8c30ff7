import { eq, ilike, inArray } from "drizzle-orm";
import { type Executor, likePattern } from "../../platform/db/index.ts";
import { merchants } from "./tables.ts";

/** A shop as other modules need it (its points, its rating page, its redemptions). */
export type MerchantRecord = Pick<
  typeof merchants.$inferSelect,
  "id" | "name" | "category" | "nodeId" | "territoryPath" | "address" | "lat" | "lng"
>;

const columns = {
  id: merchants.id,
  name: merchants.name,
  category: merchants.category,
  nodeId: merchants.nodeId,
  territoryPath: merchants.territoryPath,
  address: merchants.address,
  lat: merchants.lat,
  lng: merchants.lng,
};

/** The shop registered with this mobile number (a merchant account's), or null: they meet by phone. */
export async function merchantByPhone(executor: Executor, phone: string): Promise<MerchantRecord | null> {
  const [row] = await executor.select(columns).from(merchants).where(eq(merchants.phone, phone)).limit(1);
  return row ?? null;
}

/** Shops by id (those that exist). */
export async function merchantsByIds(executor: Executor, ids: readonly string[]): Promise<MerchantRecord[]> {
  if (ids.length === 0) return [];
  return executor
    .select(columns)
    .from(merchants)
    .where(inArray(merchants.id, [...ids]));
}

/** The mobile numbers registered for these shops, by shop id: where merchant accounts meet them. */
export async function merchantPhones(
  executor: Executor,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await executor
    .select({ id: merchants.id, phone: merchants.phone })
    .from(merchants)
    .where(inArray(merchants.id, [...ids]));
  return new Map(rows.flatMap((r) => (r.phone ? [[r.id, r.phone] as const] : [])));
}

/** The ids of shops whose name contains `q` (at most `limit`): a list's name search. */
export async function merchantIdsNamed(executor: Executor, q: string, limit = 500): Promise<string[]> {
  const rows = await executor
    .select({ id: merchants.id })
    .from(merchants)
    .where(ilike(merchants.name, likePattern(q)))
    .limit(limit);
  return rows.map((r) => r.id);
}
