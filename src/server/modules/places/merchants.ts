import { eq, inArray } from "drizzle-orm";
import type { Executor } from "../../platform/db/index.ts";
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
