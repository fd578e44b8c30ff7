import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { type Actor, audited } from "../../platform/audit/index.ts";
import { inScope, type Principal } from "../../platform/auth/index.ts";
import type { Db, Executor } from "../../platform/db/index.ts";
import { conflict, notFound, unprocessable } from "../../platform/errors.ts";
import { pinyinSortKey } from "../../platform/i18n/pinyin.ts";
import { isValidUscc, maskPhone, normalizeMobile } from "../../platform/pii/index.ts";
import { getNode } from "../territory/index.ts";
import { partTimeMembers, partyOrgs, type UnitKind, units } from "./tables.ts";

/** Owners' committees often have no 统一社会信用代码; units and property companies always do. */
export const needsUscc = (kind: UnitKind) => kind !== "ownersCommittee";

/** The code as registers print it (capitals, no spaces), or 422 naming the field. */
export function readUscc(text: string | null | undefined, kind: UnitKind): string | null {
  const code = text?.normalize("NFKC").replace(/\s+/g, "").toUpperCase() || null;
  if (!code) {
    if (needsUscc(kind)) throw unprocessable("USCC_REQUIRED", { field: "uscc" });
    return null;
  }
  if (!isValidUscc(code)) throw unprocessable("INVALID_USCC", { field: "uscc", uscc: code });
  return code;
}

function readPhone(text: string | null | undefined, field: string): string | null {
  if (!text?.trim()) return null;
  const phone = normalizeMobile(text);
  if (!phone) throw unprocessable("INVALID_PHONE", { field });
  return phone;
}

async function assertFreeUscc(executor: Executor, uscc: string | null, except?: string) {
  if (!uscc) return;
  const [other] = await executor
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(eq(units.uscc, uscc));
  if (other && other.id !== except) throw conflict("DUPLICATE_USCC", { uscc, name: other.name });
}

export interface UnitInput {
  kind: UnitKind;
  name: string;
  uscc?: string | null;
  nodeId: string;
  contactName?: string | null;
  contactPhone?: string | null;
}

const present = (u: typeof units.$inferSelect) => ({
  id: u.id,
  kind: u.kind,
  name: u.name,
  uscc: u.uscc,
  nodeId: u.nodeId,
  contactName: u.contactName,
  contactPhone: maskPhone(u.contactPhone),
});

/** A unit, property company or owners' committee, laid over a node the caller may change. */
export function createUnit(db: Db, principal: Principal, actor: Actor, input: UnitInput) {
  const uscc = readUscc(input.uscc, input.kind);
  const contactPhone = readPhone(input.contactPhone, "contactPhone");
  return audited(db, actor, async (tx, audit) => {
    const node = await getNode(tx, principal, input.nodeId, "org.write");
    await assertFreeUscc(tx, uscc);
    const name = input.name.trim();
    const row = {
      id: randomUUID(),
      kind: input.kind,
      name,
      sortKey: pinyinSortKey(name),
      uscc,
      nodeId: node.id,
      territoryPath: node.path,
      contactName: input.contactName?.trim() || null,
      contactPhone,
    };
    await tx.insert(units).values(row);
    await audit({ action: "org.unit.create", entity: "unit", entityId: row.id, after: row });
    return present({ ...row, createdAt: new Date() });
  });
}

async function writableUnit(executor: Executor, principal: Principal, id: string) {
  const [unit] = await executor
    .select()
    .from(units)
    .where(and(eq(units.id, id), inScope(principal, "org.write", units.territoryPath)))
    .for("update");
  if (!unit) throw notFound("unit", id);
  return unit;
}

/** Edits a unit; what is not given stays as it was. */
export function updateUnit(
  db: Db,
  principal: Principal,
  actor: Actor,
  id: string,
  input: Partial<UnitInput>,
) {
  return audited(db, actor, async (tx, audit) => {
    const before = await writableUnit(tx, principal, id);
    const kind = input.kind ?? before.kind;
    const uscc = readUscc(input.uscc === undefined ? before.uscc : input.uscc, kind);
    if (uscc !== before.uscc) await assertFreeUscc(tx, uscc, id);
    const name = input.name?.trim() || before.name;
    const next = {
      kind,
      name,
      sortKey: pinyinSortKey(name),
      uscc,
      nodeId: before.nodeId,
      territoryPath: before.territoryPath,
      contactName: input.contactName === undefined ? before.contactName : input.contactName?.trim() || null,
      contactPhone:
        input.contactPhone === undefined
          ? before.contactPhone
          : readPhone(input.contactPhone, "contactPhone"),
    };
    if (input.nodeId && input.nodeId !== before.nodeId) {
      const node = await getNode(tx, principal, input.nodeId, "org.write");
      next.nodeId = node.id;
      next.territoryPath = node.path;
    }
    await tx.update(units).set(next).where(eq(units.id, id));
    await audit({ action: "org.unit.update", entity: "unit", entityId: id, before, after: next });
    return present({ ...before, ...next });
  });
}

export interface PartTimeInput {
  unitId: string;
  name: string;
  phone?: string | null;
  position: string;
}

/** The 大党委 (org) a part-time member sits on, changeable by the caller; or 404. */
async function writableOrgOf(executor: Executor, principal: Principal, orgId: string) {
  const [org] = await executor
    .select({ id: partyOrgs.id, name: partyOrgs.name })
    .from(partyOrgs)
    .where(and(eq(partyOrgs.id, orgId), inScope(principal, "org.write", partyOrgs.territoryPath)));
  if (!org) throw notFound("party organisation", orgId);
  return org;
}

/** The unit a member comes from: one the caller can see (the units list offers no other). */
export async function visibleUnit(executor: Executor, principal: Principal, unitId: string) {
  const [unit] = await executor
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.id, unitId), inScope(principal, "org.read", units.territoryPath)));
  if (!unit) throw notFound("unit", unitId);
}

/** 兼职委员: a person a unit sends to sit on the organisation's 大党委. */
export function addPartTimeMember(
  db: Db,
  principal: Principal,
  actor: Actor,
  orgId: string,
  input: PartTimeInput,
) {
  const phone = readPhone(input.phone, "phone");
  return audited(db, actor, async (tx, audit) => {
    await writableOrgOf(tx, principal, orgId);
    await visibleUnit(tx, principal, input.unitId);
    const row = {
      id: randomUUID(),
      orgId,
      unitId: input.unitId,
      name: input.name.trim(),
      phone,
      position: input.position.trim(),
    };
    await tx.insert(partTimeMembers).values(row);
    await audit({ action: "org.partTime.create", entity: "part_time_member", entityId: row.id, after: row });
    return { id: row.id };
  });
}

async function writableMember(executor: Executor, principal: Principal, id: string) {
  const [member] = await executor.select().from(partTimeMembers).where(eq(partTimeMembers.id, id));
  if (!member) throw notFound("part-time member", id);
  await writableOrgOf(executor, principal, member.orgId);
  return member;
}

export function updatePartTimeMember(
  db: Db,
  principal: Principal,
  actor: Actor,
  id: string,
  input: Partial<PartTimeInput>,
) {
  return audited(db, actor, async (tx, audit) => {
    const before = await writableMember(tx, principal, id);
    const next = {
      unitId: input.unitId ?? before.unitId,
      name: input.name?.trim() || before.name,
      phone: input.phone === undefined ? before.phone : readPhone(input.phone, "phone"),
      position: input.position?.trim() || before.position,
    };
    if (next.unitId !== before.unitId) await visibleUnit(tx, principal, next.unitId);
    await tx.update(partTimeMembers).set(next).where(eq(partTimeMembers.id, id));
    await audit({
      action: "org.partTime.update",
      entity: "part_time_member",
      entityId: id,
      before,
      after: next,
    });
    return { id };
  });
}

export function removePartTimeMember(db: Db, principal: Principal, actor: Actor, id: string) {
  return audited(db, actor, async (tx, audit) => {
    const before = await writableMember(tx, principal, id);
    await tx.delete(partTimeMembers).where(eq(partTimeMembers.id, id));
    await audit({ action: "org.partTime.delete", entity: "part_time_member", entityId: id, before });
  });
}
