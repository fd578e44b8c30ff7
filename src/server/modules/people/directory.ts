import { and, asc, count, eq, ilike, inArray, type SQL, sql } from "drizzle-orm";
import type { Principal } from "../../platform/auth/index.ts";
import type { Db, Executor } from "../../platform/db/index.ts";
import { likePattern, qualified } from "../../platform/db/index.ts";
import { type Paging, pageWindow } from "../../platform/http/paging.ts";
import { maskName, maskPhone, type PiiVault } from "../../platform/pii/index.ts";
import { visibleOrg } from "../org/index.ts";
import { listResidents, type ResidentFilter, searchCondition } from "./residents.ts";
import { ageOn, householdInScope, scopedTo } from "./scope.ts";
import {
  households,
  liaisonHouseholds,
  type MemberCategory,
  partyMembers,
  residents,
  type StaffRole,
  staff,
} from "./tables.ts";

export interface HouseholdFilter extends Paging {
  /** Part of the address. */
  q?: string;
  underId?: string;
}

// Correlated subqueries: the outer household is named in full (see qualified()).
const householdId = qualified(households.id);
const memberCount = sql<number>`(select count(*)::int from ${residents} r where r.household_id = ${householdId})`;
const headName = sql<
  string | null
>`(select r.name from ${residents} r where r.household_id = ${householdId} and r.relation = 'head' limit 1)`;

export async function listHouseholds(db: Db, principal: Principal, f: HouseholdFilter) {
  const conditions = await scopedTo(db, principal, "people.read", households.territoryPath, f.underId);
  if (f.q) conditions.push(ilike(households.address, likePattern(f.q.trim())) as SQL);
  const where = and(...conditions);
  const { limit, offset } = pageWindow(f);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: households.id,
        nodeId: households.nodeId,
        address: households.address,
        members: memberCount,
        head: headName,
      })
      .from(households)
      .where(where)
      .orderBy(asc(households.address), asc(households.id))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(households).where(where),
  ]);
  return { items: rows.map((r) => ({ ...r, head: maskName(r.head) })), total: total?.n ?? 0 };
}

export async function getHousehold(db: Db, vault: PiiVault, principal: Principal, id: string) {
  const row = await householdInScope(db, principal, id);
  const members = await listResidents(db, vault, principal, { householdId: id, pageSize: 50 });
  return { id: row.id, nodeId: row.nodeId, address: row.address, residents: members.items };
}

export interface MemberFilter extends Paging {
  q?: string;
  underId?: string;
  category?: MemberCategory;
  orgId?: string;
}

export async function listPartyMembers(db: Db, vault: PiiVault, principal: Principal, f: MemberFilter) {
  const conditions = await scopedTo(db, principal, "people.read", partyMembers.territoryPath, f.underId);
  if (f.category) conditions.push(eq(partyMembers.category, f.category));
  // An organisation he may not read is not found, as by its id; its members are not an empty page.
  if (f.orgId) conditions.push(eq(partyMembers.orgId, (await visibleOrg(db, principal, f.orgId)).id));
  if (f.q) conditions.push(searchCondition(vault, f.q));
  const where = and(...conditions);
  const { limit, offset } = pageWindow(f);
  const from = db
    .select({
      id: partyMembers.id,
      residentId: residents.id,
      name: residents.name,
      gender: residents.gender,
      birthDate: residents.birthDate,
      phone: residents.phone,
      category: partyMembers.category,
      orgId: partyMembers.orgId,
      workUnitId: partyMembers.workUnitId,
      joinedOn: partyMembers.joinedOn,
    })
    .from(partyMembers)
    .innerJoin(residents, eq(residents.id, partyMembers.residentId));
  const [rows, [total]] = await Promise.all([
    from.where(where).orderBy(asc(residents.sortKey), asc(partyMembers.id)).limit(limit).offset(offset),
    db
      .select({ n: count() })
      .from(partyMembers)
      .innerJoin(residents, eq(residents.id, partyMembers.residentId))
      .where(where),
  ]);
  return {
    items: rows.map(({ birthDate, phone, ...r }) => ({
      ...r,
      age: ageOn(birthDate),
      phone: maskPhone(phone),
    })),
    total: total?.n ?? 0,
  };
}

export interface StaffFilter extends Paging {
  role?: StaffRole;
  underId?: string;
  q?: string;
}

/** Grid staff show their real phone: 三亮 — identity, duty and phone are public by design. */
export async function listStaff(db: Db, principal: Principal, f: StaffFilter) {
  const conditions = await scopedTo(db, principal, "people.read", staff.territoryPath, f.underId);
  if (f.role) conditions.push(eq(staff.role, f.role));
  if (f.q) conditions.push(ilike(staff.name, likePattern(f.q.trim())) as SQL);
  const where = and(...conditions);
  const { limit, offset } = pageWindow(f);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: staff.id,
        role: staff.role,
        nodeId: staff.nodeId,
        name: staff.name,
        phone: staff.phone,
        duty: staff.duty,
        employment: staff.employment,
        partTimeKind: staff.partTimeKind,
        photoId: staff.photoId,
        duties: staff.duties,
      })
      .from(staff)
      .where(where)
      .orderBy(asc(staff.role), asc(staff.sortKey), asc(staff.id))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(staff).where(where),
  ]);
  const byStaff = await householdsServed(
    db,
    rows.filter((r) => r.role === "liaison").map((r) => r.id),
  );
  return { items: rows.map((r) => ({ ...r, households: byStaff.get(r.id) ?? null })), total: total?.n ?? 0 };
}

/** How many households each of these liaisons links (1+1带N); absent when none. */
export async function householdsServed(
  executor: Executor,
  liaisonIds: string[],
): Promise<Map<string, number>> {
  if (liaisonIds.length === 0) return new Map();
  const served = await executor
    .select({ staffId: liaisonHouseholds.staffId, n: count() })
    .from(liaisonHouseholds)
    .where(inArray(liaisonHouseholds.staffId, liaisonIds))
    .groupBy(liaisonHouseholds.staffId);
  return new Map(served.map((s) => [s.staffId, s.n]));
}

export type { ResidentFilter };

/** Where a household is (for other modules routing to it): no scope check, no personal data. */
export async function householdPlace(executor: Executor, id: string) {
  const [row] = await executor
    .select({
      id: households.id,
      nodeId: households.nodeId,
      territoryPath: households.territoryPath,
      address: households.address,
    })
    .from(households)
    .where(eq(households.id, id));
  return row;
}
