import { eq, ilike, inArray } from "drizzle-orm";
import { type Executor, likePattern } from "../../platform/db/index.ts";
import { residents } from "./tables.ts";

/** A resident as other modules need him (his points, his household's one vote). */
export interface ResidentRecord {
  id: string;
  name: string;
  householdId: string;
  territoryPath: string;
}

const columns = {
  id: residents.id,
  name: residents.name,
  householdId: residents.householdId,
  territoryPath: residents.territoryPath,
};

/** The resident registered with this mobile number (an account's), or null: they meet by phone. */
export async function residentByPhone(executor: Executor, phone: string): Promise<ResidentRecord | null> {
  const [row] = await executor.select(columns).from(residents).where(eq(residents.phone, phone)).limit(1);
  return row ?? null;
}

/** Residents by id (those that exist). */
export async function residentsByIds(executor: Executor, ids: readonly string[]): Promise<ResidentRecord[]> {
  if (ids.length === 0) return [];
  return executor
    .select(columns)
    .from(residents)
    .where(inArray(residents.id, [...ids]));
}

/** Residents' mobile numbers by id (those that have one): where their accounts are found. */
export async function residentPhones(
  executor: Executor,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await executor
    .select({ id: residents.id, phone: residents.phone })
    .from(residents)
    .where(inArray(residents.id, [...ids]));
  return new Map(rows.filter((r) => r.phone).map((r) => [r.id, r.phone as string]));
}

/** The ids of residents whose name contains `q` (at most `limit`): a list's name search. */
export async function residentIdsNamed(executor: Executor, q: string, limit = 500): Promise<string[]> {
  const rows = await executor
    .select({ id: residents.id })
    .from(residents)
    .where(ilike(residents.name, likePattern(q)))
    .limit(limit);
  return rows.map((r) => r.id);
}
