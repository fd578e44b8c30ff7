import { and, eq, or, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { can, inScope, type Principal, scopePaths } from "../../../platform/auth/index.ts";
import type { Executor } from "../../../platform/db/index.ts";
import { AppError, notFound } from "../../../platform/errors.ts";
import { type MemberRecord, membersByIds } from "../../people/index.ts";
import { serviceRecords, unitPairings } from "../tables.ts";
import { unitOfUser } from "../units/unit-staff.ts";

/** The unit a unit-staff caller acts for, or null when none is bound to his account yet. */
export const unitOfCaller = (executor: Executor, principal: Principal) =>
  unitOfUser(executor, principal.userId);

/** The columns of a member's row (record, card) that decide who sees it. */
export interface MemberRowColumns {
  territoryPath: AnyPgColumn;
  unitId: AnyPgColumn;
}

/**
 * Who sees members' records, ledgers and cards as staff: the community (and the street and district
 * above it) where the member serves, and his unit's staff for his unit's members. 403 for others.
 */
export async function staffSees(executor: Executor, principal: Principal, c: MemberRowColumns): Promise<SQL> {
  const clauses: SQL[] = [];
  if (can(principal, "engagement.manage"))
    clauses.push(inScope(principal, "engagement.manage", c.territoryPath));
  if (can(principal, "engagement.unit")) {
    const unitId = await unitOfCaller(executor, principal);
    if (!unitId && clauses.length === 0) throw new AppError("NO_UNIT", 403);
    if (unitId) clauses.push(sql`${c.unitId} = ${unitId}`);
  }
  if (clauses.length === 0) throw new AppError("FORBIDDEN", 403);
  return or(...clauses) as SQL;
}

/**
 * A member the caller may look at as staff (his community's, or his unit's), else 404: for one
 * member's checklist, cards and records. `manage` asks for the community's right to write.
 */
export async function memberForStaff(
  executor: Executor,
  principal: Principal,
  memberId: string,
  manage = false,
): Promise<MemberRecord> {
  const [member] = await membersByIds(executor, [memberId]);
  if (!member) throw notFound("party_member", memberId);
  const community = scopePaths(principal, "engagement.manage").some((p) =>
    member.territoryPath.startsWith(p),
  );
  if (community) return member;
  if (!manage && can(principal, "engagement.unit") && member.workUnitId) {
    if ((await unitOfCaller(executor, principal)) === member.workUnitId) return member;
  }
  throw notFound("party_member", memberId);
}

/**
 * Which of a unit's records the caller reads: a unit's staff all of them; a community only those
 * served in its area, and only of a unit paired with it (else 404: the unit is not his to see).
 */
export async function ledgerScope(
  executor: Executor,
  principal: Principal,
  unitId: string,
): Promise<SQL | undefined> {
  if (can(principal, "engagement.unit") && (await unitOfCaller(executor, principal)) === unitId)
    return undefined;
  if (!can(principal, "engagement.manage")) {
    if (can(principal, "engagement.unit")) throw notFound("unit", unitId);
    throw new AppError("FORBIDDEN", 403);
  }
  const [paired] = await executor
    .select({ id: unitPairings.id })
    .from(unitPairings)
    .where(
      and(
        eq(unitPairings.unitId, unitId),
        inScope(principal, "engagement.manage", unitPairings.territoryPath),
      ),
    )
    .limit(1);
  if (!paired) throw new AppError("UNIT_NOT_PAIRED", 404, { unitId });
  return inScope(principal, "engagement.manage", serviceRecords.territoryPath);
}
