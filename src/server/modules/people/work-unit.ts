import { and, eq, isNotNull } from "drizzle-orm";
import type { Executor } from "../../platform/db/index.ts";
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
