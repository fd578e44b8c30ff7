import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../../platform/db/index.ts";
import { households, type MemberPairingKind, memberHouseholds, partyMembers, residents } from "./tables.ts";

export { MEMBER_PAIRING_KINDS } from "./tables.ts";

/** A household a party member is paired with (结对包户), as his visits (民情日记) need it. */
export interface PairedHousehold {
  householdId: string;
  address: string;
  kind: MemberPairingKind;
  territoryPath: string;
}

const pairedColumns = {
  householdId: households.id,
  address: households.address,
  kind: memberHouseholds.kind,
  territoryPath: households.territoryPath,
};

/** The households a member serves (包保 / 1+1带N), by address. */
export function householdsOfMember(executor: Executor, memberId: string): Promise<PairedHousehold[]> {
  return executor
    .select(pairedColumns)
    .from(memberHouseholds)
    .innerJoin(households, eq(households.id, memberHouseholds.householdId))
    .where(eq(memberHouseholds.memberId, memberId))
    .orderBy(asc(households.address));
}

/** The member's pairing with this household, or null when he is not paired with it. */
export async function pairedHousehold(
  executor: Executor,
  memberId: string,
  householdId: string,
): Promise<PairedHousehold | null> {
  const [row] = await executor
    .select(pairedColumns)
    .from(memberHouseholds)
    .innerJoin(households, eq(households.id, memberHouseholds.householdId))
    .where(and(eq(memberHouseholds.memberId, memberId), eq(memberHouseholds.householdId, householdId)));
  return row ?? null;
}

/** Every pairing of a member with a household under a territory path: what visit coverage counts. */
export function pairingsUnder(executor: Executor, path: string) {
  return executor
    .select({
      memberId: memberHouseholds.memberId,
      memberName: residents.name,
      householdId: households.id,
      territoryPath: households.territoryPath,
    })
    .from(memberHouseholds)
    .innerJoin(households, eq(households.id, memberHouseholds.householdId))
    .innerJoin(partyMembers, eq(partyMembers.id, memberHouseholds.memberId))
    .innerJoin(residents, eq(residents.id, partyMembers.residentId))
    .where(sql`${households.territoryPath} like ${`${path}%`}`)
    .orderBy(asc(residents.sortKey), asc(memberHouseholds.memberId));
}

/** Household addresses by id (those that exist), for lists of visits. */
export async function householdAddresses(executor: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await executor
    .select({ id: households.id, address: households.address })
    .from(households)
    .where(inArray(households.id, ids));
  return new Map(rows.map((r) => [r.id, r.address]));
}
