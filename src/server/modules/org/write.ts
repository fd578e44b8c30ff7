import { randomUUID } from "node:crypto";
import { and, count, eq, isNull, like, ne, sql } from "drizzle-orm";
import { type Actor, audited } from "../../platform/audit/index.ts";
import { inScope, type Principal } from "../../platform/auth/index.ts";
import type { Db, Executor } from "../../platform/db/index.ts";
import { conflict, notFound } from "../../platform/errors.ts";
import { pinyinSortKey } from "../../platform/i18n/pinyin.ts";
import { getNode } from "../territory/index.ts";
import { assertActiveKind } from "./kinds.ts";
import { visibleOrg } from "./service.ts";
import { partTimeMembers, partyOrgs } from "./tables.ts";
import { visibleUnit } from "./units-write.ts";

/** How many party members belong to an organisation: the people module answers (it holds them). */
export type PartyMembersIn = (executor: Executor, orgId: string) => Promise<number>;

declare module "../../platform/module/index.ts" {
  interface Hooks {
    partyMembersIn: PartyMembersIn;
  }
}

/** An organisation the caller may change (org.write over its territory node), locked; or 404. */
async function writableOrg(executor: Executor, principal: Principal, id: string) {
  const [org] = await executor
    .select()
    .from(partyOrgs)
    .where(and(eq(partyOrgs.id, id), inScope(principal, "org.write", partyOrgs.territoryPath)))
    .for("update");
  if (!org) throw notFound("party organisation", id);
  return org;
}

async function assertFreeName(executor: Executor, parentId: string | null, name: string, except?: string) {
  const [same] = await executor
    .select({ id: partyOrgs.id })
    .from(partyOrgs)
    .where(
      and(
        parentId ? eq(partyOrgs.parentId, parentId) : isNull(partyOrgs.parentId),
        eq(partyOrgs.name, name),
        except ? ne(partyOrgs.id, except) : undefined,
      ),
    );
  if (same) throw conflict("ORG_NAME_TAKEN", { name });
}

async function assertUnit(executor: Executor, principal: Principal, unitId: string | null | undefined) {
  if (unitId) await visibleUnit(executor, principal, unitId);
}

export interface NewOrg {
  parentId?: string | null;
  kind: string;
  name: string;
  nodeId: string;
  unitId?: string | null;
}

/** A new organisation under a parent the caller may change (or a top one), laid over a node in his scope. */
export async function createOrg(db: Db, principal: Principal, actor: Actor, input: NewOrg) {
  const name = input.name.trim();
  const id = await audited(db, actor, async (tx, audit) => {
    const node = await getNode(tx, principal, input.nodeId, "org.write");
    const parent = input.parentId ? await writableOrg(tx, principal, input.parentId) : null;
    await assertActiveKind(tx, input.kind);
    await assertUnit(tx, principal, input.unitId);
    await assertFreeName(tx, parent?.id ?? null, name);
    const id = randomUUID();
    const row = {
      id,
      parentId: parent?.id ?? null,
      path: `${parent?.path ?? "/"}${id}/`,
      kind: input.kind,
      name,
      sortKey: pinyinSortKey(name),
      nodeId: node.id,
      territoryPath: node.path,
      unitId: input.unitId ?? null,
    };
    await tx.insert(partyOrgs).values(row);
    await audit({ action: "org.create", entity: "party_org", entityId: id, after: row });
    return id;
  });
  return visibleOrg(db, principal, id);
}

export interface OrgChange {
  name?: string;
  kind?: string;
  nodeId?: string;
  unitId?: string | null;
}

/** Renames an organisation, or changes its kind, its territory node or its unit. */
export async function updateOrg(db: Db, principal: Principal, actor: Actor, id: string, input: OrgChange) {
  await audited(db, actor, async (tx, audit) => {
    const before = await writableOrg(tx, principal, id);
    const next = {
      name: input.name?.trim() || before.name,
      kind: input.kind ?? before.kind,
      nodeId: before.nodeId,
      territoryPath: before.territoryPath,
      unitId: input.unitId === undefined ? before.unitId : input.unitId,
    };
    if (next.kind !== before.kind) await assertActiveKind(tx, next.kind);
    if (next.name !== before.name) await assertFreeName(tx, before.parentId, next.name, id);
    if (next.unitId !== before.unitId) await assertUnit(tx, principal, next.unitId);
    if (input.nodeId && input.nodeId !== before.nodeId) {
      const node = await getNode(tx, principal, input.nodeId, "org.write");
      next.nodeId = node.id;
      next.territoryPath = node.path;
    }
    await tx
      .update(partyOrgs)
      .set({ ...next, sortKey: pinyinSortKey(next.name) })
      .where(eq(partyOrgs.id, id));
    const { path: _p, sortKey: _s, createdAt: _c, ...shown } = before;
    await audit({ action: "org.update", entity: "party_org", entityId: id, before: shown, after: next });
  });
  return visibleOrg(db, principal, id);
}

/**
 * Moves an organisation with its whole subtree under another parent (or to the top): one
 * statement rewrites the materialised path of it and every descendant, inside the transaction
 * that also locks it. A parent inside its own subtree would make a loop, so it is refused.
 */
export async function moveOrg(
  db: Db,
  principal: Principal,
  actor: Actor,
  id: string,
  parentId: string | null,
) {
  await audited(db, actor, async (tx, audit) => {
    const org = await writableOrg(tx, principal, id);
    const parent = parentId ? await writableOrg(tx, principal, parentId) : null;
    if (parent?.path.startsWith(org.path))
      throw conflict("ORG_MOVE_INTO_OWN_SUBTREE", { name: parent.name, parentId: parent.id });
    if ((parent?.id ?? null) === org.parentId) return;
    await assertFreeName(tx, parent?.id ?? null, org.name, id);
    const path = `${parent?.path ?? "/"}${id}/`;
    // Paths are uuids and slashes: LIKE needs no escaping.
    const moved = await tx
      .update(partyOrgs)
      .set({ path: sql`${path} || substr(${partyOrgs.path}, ${org.path.length + 1})` })
      .where(like(partyOrgs.path, `${org.path}%`))
      .returning({ id: partyOrgs.id });
    await tx
      .update(partyOrgs)
      .set({ parentId: parent?.id ?? null })
      .where(eq(partyOrgs.id, id));
    await audit({
      action: "org.move",
      entity: "party_org",
      entityId: id,
      before: { parentId: org.parentId, path: org.path },
      after: { parentId: parent?.id ?? null, parentName: parent?.name ?? null, path, moved: moved.length },
    });
  });
  return visibleOrg(db, principal, id);
}

/**
 * 撤销 (closing) an organisation. The schema has no "closed" state and this change adds no
 * migration, so closing removes the organisation from the tree — but only an empty one: while it
 * has sub-organisations, party members or part-time members it is refused (409, with the counts),
 * so nobody is left without an organisation and nothing is deleted along with it. The history is
 * kept where every change is kept: the audit row holds the organisation as it was (name, kind,
 * parent, territory node), and the earlier rows of its life stay under its id.
 */
export async function closeOrg(
  db: Db,
  principal: Principal,
  actor: Actor,
  id: string,
  partyMembersIn: PartyMembersIn,
) {
  await audited(db, actor, async (tx, audit) => {
    const org = await writableOrg(tx, principal, id);
    // One after another: a transaction is one connection.
    const [children] = await tx.select({ n: count() }).from(partyOrgs).where(eq(partyOrgs.parentId, id));
    const [partTime] = await tx
      .select({ n: count() })
      .from(partTimeMembers)
      .where(eq(partTimeMembers.orgId, id));
    const members = await partyMembersIn(tx, id);
    const left = { children: children?.n ?? 0, members, partTimeMembers: partTime?.n ?? 0 };
    if (left.children > 0 || left.members > 0 || left.partTimeMembers > 0)
      throw conflict("ORG_NOT_EMPTY", {
        children: left.children,
        members: left.members,
        partTimeMembers: left.partTimeMembers,
      });
    await tx.delete(partyOrgs).where(eq(partyOrgs.id, id));
    await audit({ action: "org.close", entity: "party_org", entityId: id, before: org });
  });
}
