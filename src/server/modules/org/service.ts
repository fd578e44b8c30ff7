import { and, asc, count, eq, ilike, isNull, notExists, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { inScope, type Principal } from "../../platform/auth/index.ts";
import type { Db, Executor } from "../../platform/db/index.ts";
import { likePattern, qualified } from "../../platform/db/index.ts";
import { notFound } from "../../platform/errors.ts";
import { type Paging, pageWindow } from "../../platform/http/paging.ts";
import { maskPhone } from "../../platform/pii/index.ts";
import { orgKinds, partTimeMembers, partyOrgs, type UnitKind, units } from "./tables.ts";

const parent = alias(partyOrgs, "parent");

const orgColumns = {
  id: partyOrgs.id,
  parentId: partyOrgs.parentId,
  kind: partyOrgs.kind,
  name: partyOrgs.name,
  nodeId: partyOrgs.nodeId,
  unitId: partyOrgs.unitId,
};

// The inner table is aliased, so the outer "party_orgs"."id" refers to the listed organisation.
const childCount = sql<number>`(select count(*)::int from ${partyOrgs} as c where c.parent_id = ${qualified(partyOrgs.id)})`;

/** An organisation the caller may read, or 404: outside the scope looks like absent. */
export async function visibleOrg(executor: Executor, principal: Principal, id: string) {
  const [org] = await executor
    .select(orgColumns)
    .from(partyOrgs)
    .where(and(eq(partyOrgs.id, id), inScope(principal, "org.read", partyOrgs.territoryPath)));
  if (!org) throw notFound("party organisation", id);
  return org;
}

export interface OrgFilter extends Paging {
  parentId?: string;
  kind?: string;
  q?: string;
}

/**
 * Organisations in scope: the children of `parentId`, or the tops of the caller's part of the
 * tree (those whose parent he cannot see), or a search by name or kind across his scope.
 */
export async function listOrgs(db: Db, principal: Principal, f: OrgFilter) {
  const conditions: SQL[] = [inScope(principal, "org.read", partyOrgs.territoryPath)];
  // A parent he may not read is not found, as by its id; its children are not an empty page.
  if (f.parentId) conditions.push(eq(partyOrgs.parentId, (await visibleOrg(db, principal, f.parentId)).id));
  else if (!f.kind && !f.q) {
    const visibleParent = db
      .select({ id: parent.id })
      .from(parent)
      .where(and(eq(parent.id, partyOrgs.parentId), inScope(principal, "org.read", parent.territoryPath)));
    conditions.push(or(isNull(partyOrgs.parentId), notExists(visibleParent)) as SQL);
  }
  if (f.kind) conditions.push(eq(partyOrgs.kind, f.kind));
  if (f.q) conditions.push(ilike(partyOrgs.name, likePattern(f.q.trim())) as SQL);
  const where = and(...conditions);
  const { limit, offset } = pageWindow(f);
  const [rows, [total]] = await Promise.all([
    db
      .select({ ...orgColumns, children: childCount, kindName: orgKinds.name, kindNameEn: orgKinds.nameEn })
      .from(partyOrgs)
      .leftJoin(orgKinds, eq(orgKinds.code, partyOrgs.kind))
      .where(where)
      .orderBy(asc(orgKinds.sortOrder), asc(partyOrgs.sortKey), asc(partyOrgs.id))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(partyOrgs).where(where),
  ]);
  return { items: rows, total: total?.n ?? 0 };
}

/** One organisation with its part-time members (大党委/大工委 兼职委员), or 404 outside the scope. */
export async function getOrg(db: Db, principal: Principal, id: string) {
  const org = await visibleOrg(db, principal, id);
  const members = await db
    .select({
      id: partTimeMembers.id,
      name: partTimeMembers.name,
      phone: partTimeMembers.phone,
      position: partTimeMembers.position,
      unitId: units.id,
      unitName: units.name,
      unitKind: units.kind,
    })
    .from(partTimeMembers)
    .innerJoin(units, eq(units.id, partTimeMembers.unitId))
    .where(eq(partTimeMembers.orgId, id))
    .orderBy(asc(units.sortKey));
  return { ...org, partTimeMembers: members.map((m) => ({ ...m, phone: maskPhone(m.phone) })) };
}

export interface UnitFilter extends Paging {
  kind?: UnitKind;
  q?: string;
}

export async function listUnits(db: Db, principal: Principal, f: UnitFilter) {
  const conditions: SQL[] = [inScope(principal, "org.read", units.territoryPath)];
  if (f.kind) conditions.push(eq(units.kind, f.kind));
  if (f.q) conditions.push(ilike(units.name, likePattern(f.q.trim())) as SQL);
  const where = and(...conditions);
  const { limit, offset } = pageWindow(f);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: units.id,
        kind: units.kind,
        name: units.name,
        uscc: units.uscc,
        nodeId: units.nodeId,
        contactName: units.contactName,
        contactPhone: units.contactPhone,
      })
      .from(units)
      .where(where)
      .orderBy(asc(units.kind), asc(units.sortKey), asc(units.id))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(units).where(where),
  ]);
  return {
    items: rows.map((u) => ({ ...u, contactPhone: maskPhone(u.contactPhone) })),
    total: total?.n ?? 0,
  };
}
