import { inArray } from "drizzle-orm";
import type { Executor } from "../../platform/db/index.ts";
import { partyMembers, residents } from "./tables.ts";

/**
 * Residents' masked 身份证 numbers (110105********002X — never the whole number) and, for those who
 * are party members, their member id: what a credit export shows of a resident.
 */
export async function residentIdentities(
  executor: Executor,
  ids: readonly string[],
): Promise<Map<string, { idMasked: string; memberId: string | null }>> {
  if (ids.length === 0) return new Map();
  const [masks, members] = await Promise.all([
    executor
      .select({ id: residents.id, idMasked: residents.idMasked })
      .from(residents)
      .where(inArray(residents.id, [...ids])),
    executor
      .select({ id: partyMembers.id, residentId: partyMembers.residentId })
      .from(partyMembers)
      .where(inArray(partyMembers.residentId, [...ids])),
  ]);
  const memberOf = new Map(members.map((m) => [m.residentId, m.id]));
  return new Map(masks.map((r) => [r.id, { idMasked: r.idMasked, memberId: memberOf.get(r.id) ?? null }]));
}
