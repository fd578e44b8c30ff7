import { and, asc, count, eq } from "drizzle-orm";
import { type Actor, audited } from "../../platform/audit/index.ts";
import { inScope, type Permission, type Principal } from "../../platform/auth/index.ts";
import type { Db, Executor } from "../../platform/db/index.ts";
import { notFound, unprocessable } from "../../platform/errors.ts";
import { maskPhone } from "../../platform/pii/index.ts";
import { householdInScope } from "./scope.ts";
import {
  households,
  liaisonHouseholds,
  type MemberPairingKind,
  memberHouseholds,
  partyMembers,
  residents,
  staff,
} from "./tables.ts";

/**
 * 结对包户: the households a party member answers for (包保, or 1+1带N) and those a household
 * liaison (联户长) links. A pairing is written where the caller holds people.write over both the
 * person and the household; read where he holds people.read over the person (or the household).
 */

/** How many party members an organisation has (the org module asks before closing one). */
export async function partyMembersIn(executor: Executor, orgId: string): Promise<number> {
  const [row] = await executor.select({ n: count() }).from(partyMembers).where(eq(partyMembers.orgId, orgId));
  return row?.n ?? 0;
}

export async function memberInScope(executor: Executor, principal: Principal, id: string, p: Permission) {
  const [row] = await executor
    .select({ id: partyMembers.id, name: residents.name, territoryPath: partyMembers.territoryPath })
    .from(partyMembers)
    .innerJoin(residents, eq(residents.id, partyMembers.residentId))
    .where(and(eq(partyMembers.id, id), inScope(principal, p, partyMembers.territoryPath)));
  if (!row) throw notFound("party member", id);
  return row;
}

export async function liaisonInScope(executor: Executor, principal: Principal, id: string, p: Permission) {
  const [row] = await executor
    .select({ id: staff.id, name: staff.name, role: staff.role })
    .from(staff)
    .where(and(eq(staff.id, id), inScope(principal, p, staff.territoryPath)));
  if (!row) throw notFound("staff", id);
  if (row.role !== "liaison") throw unprocessable("NOT_A_LIAISON", { staffId: id });
  return row;
}

/** A member's households, with how he serves each. */
export async function memberHouseholdList(db: Db, principal: Principal, memberId: string) {
  await memberInScope(db, principal, memberId, "people.read");
  const items = await db
    .select({
      householdId: households.id,
      address: households.address,
      kind: memberHouseholds.kind,
      since: memberHouseholds.createdAt,
    })
    .from(memberHouseholds)
    .innerJoin(households, eq(households.id, memberHouseholds.householdId))
    .where(eq(memberHouseholds.memberId, memberId))
    .orderBy(asc(households.address));
  return { items: items.map((i) => ({ ...i, since: i.since.toISOString() })), total: items.length };
}

/** A liaison's households (1+1带N). */
export async function liaisonHouseholdList(db: Db, principal: Principal, staffId: string) {
  await liaisonInScope(db, principal, staffId, "people.read");
  const items = await db
    .select({ householdId: households.id, address: households.address })
    .from(liaisonHouseholds)
    .innerJoin(households, eq(households.id, liaisonHouseholds.householdId))
    .where(eq(liaisonHouseholds.staffId, staffId))
    .orderBy(asc(households.address));
  return { items, total: items.length };
}

/** Who serves a household: its party members (包保 / 1+1带N) and its liaisons. */
export async function householdPairs(db: Db, principal: Principal, householdId: string) {
  const household = await householdInScope(db, principal, householdId);
  const [members, liaisons] = await Promise.all([
    db
      .select({
        memberId: partyMembers.id,
        name: residents.name,
        phone: residents.phone,
        kind: memberHouseholds.kind,
      })
      .from(memberHouseholds)
      .innerJoin(partyMembers, eq(partyMembers.id, memberHouseholds.memberId))
      .innerJoin(residents, eq(residents.id, partyMembers.residentId))
      .where(eq(memberHouseholds.householdId, householdId))
      .orderBy(asc(residents.sortKey)),
    db
      .select({ staffId: staff.id, name: staff.name, phone: staff.phone })
      .from(liaisonHouseholds)
      .innerJoin(staff, eq(staff.id, liaisonHouseholds.staffId))
      .where(eq(liaisonHouseholds.householdId, householdId))
      .orderBy(asc(staff.sortKey)),
  ]);
  return {
    householdId,
    address: household.address,
    members: members.map((m) => ({ ...m, phone: maskPhone(m.phone) })),
    // 三亮: a liaison's phone is public, as on his contact card.
    liaisons,
  };
}

/** Pairs a member with a household, or changes how he serves it. */
export function pairMember(
  db: Db,
  principal: Principal,
  actor: Actor,
  memberId: string,
  householdId: string,
  kind: MemberPairingKind,
) {
  return audited(db, actor, async (tx, audit) => {
    const member = await memberInScope(tx, principal, memberId, "people.write");
    const household = await householdInScope(tx, principal, householdId, "people.write");
    const [before] = await tx
      .select({ kind: memberHouseholds.kind })
      .from(memberHouseholds)
      .where(and(eq(memberHouseholds.memberId, memberId), eq(memberHouseholds.householdId, householdId)));
    if (before?.kind === kind) return { memberId, householdId, kind, created: false };
    await tx
      .insert(memberHouseholds)
      .values({ memberId, householdId, kind })
      .onConflictDoUpdate({
        target: [memberHouseholds.memberId, memberHouseholds.householdId],
        set: { kind },
      });
    await audit({
      action: "people.pairing.add",
      entity: "party_member",
      entityId: memberId,
      before: before ? { householdId, kind: before.kind } : undefined,
      after: { member: member.name, householdId, address: household.address, kind },
    });
    return { memberId, householdId, kind, created: !before };
  });
}

export function unpairMember(
  db: Db,
  principal: Principal,
  actor: Actor,
  memberId: string,
  householdId: string,
) {
  return audited(db, actor, async (tx, audit) => {
    const member = await memberInScope(tx, principal, memberId, "people.write");
    const household = await householdInScope(tx, principal, householdId, "people.write");
    const gone = await tx
      .delete(memberHouseholds)
      .where(and(eq(memberHouseholds.memberId, memberId), eq(memberHouseholds.householdId, householdId)))
      .returning({ kind: memberHouseholds.kind });
    if (gone.length === 0) throw notFound("pairing", householdId);
    await audit({
      action: "people.pairing.remove",
      entity: "party_member",
      entityId: memberId,
      before: { member: member.name, householdId, address: household.address, kind: gone[0]?.kind },
    });
  });
}

export function pairLiaison(
  db: Db,
  principal: Principal,
  actor: Actor,
  staffId: string,
  householdId: string,
) {
  return audited(db, actor, async (tx, audit) => {
    const liaison = await liaisonInScope(tx, principal, staffId, "people.write");
    const household = await householdInScope(tx, principal, householdId, "people.write");
    const added = await tx
      .insert(liaisonHouseholds)
      .values({ staffId, householdId })
      .onConflictDoNothing()
      .returning({ staffId: liaisonHouseholds.staffId });
    if (added.length > 0)
      await audit({
        action: "people.liaison.add",
        entity: "staff",
        entityId: staffId,
        after: { liaison: liaison.name, householdId, address: household.address },
      });
    return { staffId, householdId, created: added.length > 0 };
  });
}

export function unpairLiaison(
  db: Db,
  principal: Principal,
  actor: Actor,
  staffId: string,
  householdId: string,
) {
  return audited(db, actor, async (tx, audit) => {
    const liaison = await liaisonInScope(tx, principal, staffId, "people.write");
    const household = await householdInScope(tx, principal, householdId, "people.write");
    const gone = await tx
      .delete(liaisonHouseholds)
      .where(and(eq(liaisonHouseholds.staffId, staffId), eq(liaisonHouseholds.householdId, householdId)))
      .returning({ staffId: liaisonHouseholds.staffId });
    if (gone.length === 0) throw notFound("pairing", householdId);
    await audit({
      action: "people.liaison.remove",
      entity: "staff",
      entityId: staffId,
      before: { liaison: liaison.name, householdId, address: household.address },
    });
  });
}
