import { randomBytes } from "node:crypto";
import { and, asc, count, eq, max } from "drizzle-orm";
import { type Actor, audited } from "../../platform/audit/index.ts";
import { type Principal, scopePaths } from "../../platform/auth/index.ts";
import type { Db, Executor } from "../../platform/db/index.ts";
import { conflict, forbidden, notFound, unprocessable } from "../../platform/errors.ts";
import { WORDS } from "../../platform/i18n/words.ts";
import { ORG_KINDS, orgKinds, partyOrgs } from "./tables.ts";

/**
 * The kinds every district starts with: the six built in (their words from the locales) and two
 * that districts keep adding by hand — 行业党委 for couriers and drivers, 临时党支部 for a project
 * or a flood season.
 */
export const FIRST_KINDS = [
  ...ORG_KINDS.map((code) => ({
    code,
    name: WORDS["zh-CN"].org.kinds[code],
    nameEn: WORDS.en.org.kinds[code],
  })),
  { code: "industryCommittee", name: "行业党委", nameEn: "Industry Party Committee" },
  { code: "temporaryBranch", name: "临时党支部", nameEn: "Temporary Party Branch" },
].map((k, i) => ({ ...k, sortOrder: (i + 1) * 10 }));

/** First data: the first kinds, each once; a district's renames and deactivations are kept. */
export async function ensureOrgKinds(executor: Executor): Promise<void> {
  await executor.insert(orgKinds).values(FIRST_KINDS).onConflictDoNothing();
}

/**
 * Kinds are the district's vocabulary: only staff holding org.write at the district's root (the
 * district administrator) edit them, not a street or a community for the whole district.
 */
export function assertDistrictWriter(principal: Principal) {
  const atRoot = scopePaths(principal, "org.write").some((p) => p.split("/").filter(Boolean).length === 1);
  if (!atRoot) throw forbidden();
}

export async function listKinds(db: Db) {
  const used = db
    .select({ kind: partyOrgs.kind, n: count().as("n") })
    .from(partyOrgs)
    .groupBy(partyOrgs.kind)
    .as("used");
  const rows = await db
    .select({
      code: orgKinds.code,
      name: orgKinds.name,
      nameEn: orgKinds.nameEn,
      sortOrder: orgKinds.sortOrder,
      active: orgKinds.active,
      orgs: used.n,
    })
    .from(orgKinds)
    .leftJoin(used, eq(used.kind, orgKinds.code))
    .orderBy(asc(orgKinds.sortOrder), asc(orgKinds.code));
  const items = rows.map((r) => ({ ...r, orgs: Number(r.orgs ?? 0) }));
  return { items, total: items.length };
}

/** An active kind, or 422: new and edited organisations take only the kinds on offer. */
export async function assertActiveKind(executor: Executor, code: string) {
  const [row] = await executor
    .select({ code: orgKinds.code })
    .from(orgKinds)
    .where(and(eq(orgKinds.code, code), eq(orgKinds.active, true)));
  if (!row) throw unprocessable("ORG_KIND_UNKNOWN", { field: "kind", kind: code });
}

export interface NewKind {
  name: string;
  nameEn?: string;
  sortOrder?: number;
}

async function nameTaken(executor: Executor, name: string, except?: string) {
  const [row] = await executor.select({ code: orgKinds.code }).from(orgKinds).where(eq(orgKinds.name, name));
  if (row && row.code !== except) throw conflict("ORG_KIND_EXISTS", { name });
}

/** A kind of the district's own; its code is made here (people never type codes). */
export function addKind(db: Db, principal: Principal, actor: Actor, input: NewKind) {
  assertDistrictWriter(principal);
  const name = input.name.trim();
  return audited(db, actor, async (tx, audit) => {
    await nameTaken(tx, name);
    const [last] = await tx.select({ top: max(orgKinds.sortOrder) }).from(orgKinds);
    const row = {
      code: `k${randomBytes(5).toString("hex")}`,
      name,
      nameEn: input.nameEn?.trim() || name,
      sortOrder: input.sortOrder ?? (last?.top ?? 0) + 10,
      active: true,
    };
    await tx.insert(orgKinds).values(row);
    await audit({ action: "org.kind.create", entity: "org_kind", entityId: row.code, after: row });
    return row;
  });
}

export interface KindChange {
  name?: string;
  nameEn?: string;
  sortOrder?: number;
  active?: boolean;
}

/** Renames, reorders, deactivates or reactivates a kind; its organisations keep it either way. */
export function changeKind(db: Db, principal: Principal, actor: Actor, code: string, input: KindChange) {
  assertDistrictWriter(principal);
  return audited(db, actor, async (tx, audit) => {
    const [before] = await tx.select().from(orgKinds).where(eq(orgKinds.code, code)).for("update");
    if (!before) throw notFound("organisation kind", code);
    const next = {
      name: input.name?.trim() || before.name,
      nameEn: input.nameEn?.trim() || before.nameEn,
      sortOrder: input.sortOrder ?? before.sortOrder,
      active: input.active ?? before.active,
    };
    if (next.name !== before.name) await nameTaken(tx, next.name, code);
    await tx.update(orgKinds).set(next).where(eq(orgKinds.code, code));
    await audit({ action: "org.kind.update", entity: "org_kind", entityId: code, before, after: next });
    return { code, ...next };
  });
}
