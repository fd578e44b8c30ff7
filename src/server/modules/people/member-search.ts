import { and, asc, eq, inArray, notInArray, sql } from "drizzle-orm";
import type { Executor } from "../../platform/db/index.ts";
import { households, type MemberCategory, partyMembers, residents } from "./tables.ts";

/** A party member as a call-up's candidate: where he lives (his household's node), how to reach him. */
export interface MemberCandidate {
  id: string;
  name: string;
  phone: string | null;
  category: MemberCategory;
  territoryPath: string;
  householdNodeId: string;
}

export interface MemberSearch {
  /** Only these members (those with a wanted skill). */
  ids?: string[];
  /** Not these (already in an active call-up). */
  excludeIds?: string[];
  limit: number;
}

/**
 * The party members living under `path`, grid by grid (their path), then by name: the pool an
 * emergency call-up (engagement) picks from. The caller has checked the path is in his scope.
 */
export async function membersLivingUnder(
  executor: Executor,
  path: string,
  f: MemberSearch,
): Promise<MemberCandidate[]> {
  if (f.ids && f.ids.length === 0) return [];
  return executor
    .select({
      id: partyMembers.id,
      name: residents.name,
      phone: residents.phone,
      category: partyMembers.category,
      territoryPath: partyMembers.territoryPath,
      householdNodeId: households.nodeId,
    })
    .from(partyMembers)
    .innerJoin(residents, eq(residents.id, partyMembers.residentId))
    .innerJoin(households, eq(households.id, residents.householdId))
    .where(
      and(
        sql`${partyMembers.territoryPath} like ${`${path}%`}`,
        f.ids ? inArray(partyMembers.id, f.ids) : undefined,
        f.excludeIds?.length ? notInArray(partyMembers.id, f.excludeIds) : undefined,
      ),
    )
    .orderBy(asc(partyMembers.territoryPath), asc(residents.sortKey), asc(partyMembers.id))
    .limit(f.limit);
}
