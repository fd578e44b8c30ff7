import { and, asc, eq, ilike, inArray, isNotNull } from "drizzle-orm";
import { type Executor, likePattern } from "../../platform/db/index.ts";
import { partyMembers, residents } from "./tables.ts";

/**
 * The work unit (an in-service member's employer, paired with a community) of the party member
 * registered with this mobile number, or null: accounts and member records meet by phone.
 */
export async function memberWorkUnitId(executor: Executor, phone: string): Promise<string | null> {
  const [row] = await executor
    .select({ unitId: partyMembers.workUnitId })
    .from(partyMembers)
    .innerJoin(residents, eq(residents.id, partyMembers.residentId))
    .where(and(eq(residents.phone, phone), isNotNull(partyMembers.workUnitId)))
    .limit(1);
  return row?.unitId ?? null;
}

/** A party member's record as other modules need it (双报到, the service record, visits). */
export interface MemberRecord {
  id: string;
  residentId: string;
  name: string;
  category: typeof partyMembers.$inferSelect.category;
  workUnitId: string | null;
  /** Where he lives (his household's path): where he reports in and serves. */
  territoryPath: string;
  householdId: string;
}

const memberColumns = {
  id: partyMembers.id,
  residentId: partyMembers.residentId,
  name: residents.name,
  category: partyMembers.category,
  workUnitId: partyMembers.workUnitId,
  territoryPath: partyMembers.territoryPath,
  householdId: residents.householdId,
};

/** The party member registered with this mobile number (an account's), or null. */
export async function memberByPhone(executor: Executor, phone: string): Promise<MemberRecord | null> {
  const [row] = await executor
    .select(memberColumns)
    .from(partyMembers)
    .innerJoin(residents, eq(residents.id, partyMembers.residentId))
    .where(eq(residents.phone, phone))
    .limit(1);
  return row ?? null;
}

/** Party members by id (those that exist). */
export async function membersByIds(executor: Executor, ids: string[]): Promise<MemberRecord[]> {
  if (ids.length === 0) return [];
  return executor
    .select(memberColumns)
    .from(partyMembers)
    .innerJoin(residents, eq(residents.id, partyMembers.residentId))
    .where(inArray(partyMembers.id, ids));
}

/** The in-service members working for a unit (its staff's 双报到 progress and letters). */
export async function membersOfUnit(executor: Executor, unitId: string): Promise<MemberRecord[]> {
  return executor
    .select(memberColumns)
    .from(partyMembers)
    .innerJoin(residents, eq(residents.id, partyMembers.residentId))
    .where(eq(partyMembers.workUnitId, unitId))
    .orderBy(asc(partyMembers.id));
}

/** The ids of party members whose name contains `q` (at most `limit`): a list's name search. */
export async function memberIdsNamed(executor: Executor, q: string, limit = 500): Promise<string[]> {
  const rows = await executor
    .select({ id: partyMembers.id })
    .from(partyMembers)
    .innerJoin(residents, eq(residents.id, partyMembers.residentId))
    .where(ilike(residents.name, likePattern(q)))
    .limit(limit);
  return rows.map((r) => r.id);
}
