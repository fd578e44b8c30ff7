import { and, asc, desc, eq, inArray, isNotNull, isNull, type SQL, sql } from "drizzle-orm";
import { type Actor, audited } from "../../../platform/audit/index.ts";
import { can, type Permission, type Principal, scopePaths } from "../../../platform/auth/index.ts";
import type { Db, Executor } from "../../../platform/db/index.ts";
import { AppError, conflict, forbidden, notFound } from "../../../platform/errors.ts";
import { assertFilesExist } from "../../../platform/files/index.ts";
import { type Paging, pageWindow } from "../../../platform/http/paging.ts";
import { userCards } from "../../accounts/index.ts";
import { residentsByIds } from "../../people/index.ts";
import { merchantsByIds } from "../../places/index.ts";
import { nodesByIds, scopedTo } from "../../territory/index.ts";
import { callerHolders, holderNames } from "../ledger/holders.ts";
import { creditConsents } from "./tables.ts";

/** Who may consent: residents (睦邻积分 → 积分贷) and shops; party members' points are not credit. */
export const CREDIT_AUDIENCES = ["resident", "merchant"] as const;
export type CreditAudience = (typeof CREDIT_AUDIENCES)[number];

/** What the holder himself needs on the phone to consent for this audience. */
const OWN_PERMISSION: Record<CreditAudience, Permission> = {
  resident: "points.earn",
  merchant: "points.merchant",
};

type ConsentRow = typeof creditConsents.$inferSelect;

/** The community id on a territory path (/district/street/community/…). */
export const communityIdOf = (path: string) => path.split("/")[3] ?? "";

/** Community names of these paths, by community id. */
export async function communityNames(executor: Executor, paths: readonly string[]) {
  const nodes = await nodesByIds(executor, [...new Set(paths.map(communityIdOf).filter(Boolean))]);
  return new Map(nodes.map((n) => [n.id, n.name]));
}

/** The holder (resident or shop) by id, with where he lives, or null. */
async function holderOf(executor: Executor, audience: CreditAudience, holderId: string) {
  const [row] =
    audience === "resident"
      ? await residentsByIds(executor, [holderId])
      : await merchantsByIds(executor, [holderId]);
  return row ? { id: row.id, name: row.name, territoryPath: row.territoryPath } : null;
}

/** A live consent to a bank is recorded once: a second is 409 CONSENT_EXISTS naming the first. */
async function insertConsent(
  db: Db,
  actor: Actor,
  recordedBy: string,
  c: { audience: CreditAudience; holderId: string; territoryPath: string; bank: string; formFileId?: string },
) {
  return audited(db, actor, async (tx, audit) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`consent:${c.holderId}`}))`);
    const [live] = await tx
      .select({ id: creditConsents.id })
      .from(creditConsents)
      .where(
        and(
          eq(creditConsents.holderId, c.holderId),
          eq(creditConsents.audience, c.audience),
          eq(creditConsents.bank, c.bank),
          isNull(creditConsents.withdrawnAt),
        ),
      );
    if (live) throw conflict("CONSENT_EXISTS", { id: live.id });
    const [row] = await tx
      .insert(creditConsents)
      .values({ ...c, formFileId: c.formFileId ?? null, recordedBy })
      .returning();
    const consent = row as ConsentRow;
    await audit({
      action: "points.consent.record",
      entity: "point_credit_consent",
      entityId: consent.id,
      after: { audience: c.audience, holderId: c.holderId, bank: c.bank, formFileId: c.formFileId ?? null },
    });
    return { id: consent.id, givenAt: consent.givenAt.toISOString() };
  });
}

export interface RecordInput {
  audience: CreditAudience;
  holderId: string;
  bank: string;
  formFileId?: string;
}

/** POST /points/credit/consents: staff record a signed paper form for a resident or shop of their scope. */
export async function recordConsent(db: Db, principal: Principal, actor: Actor, input: RecordInput) {
  const holder = await holderOf(db, input.audience, input.holderId);
  const paths = scopePaths(principal, "points.manage");
  if (!holder || !paths.some((p) => holder.territoryPath.startsWith(p)))
    throw notFound("holder", input.holderId);
  if (input.formFileId) await assertFilesExist(db, [input.formFileId]);
  return insertConsent(db, actor, principal.userId, {
    audience: input.audience,
    holderId: holder.id,
    territoryPath: holder.territoryPath,
    bank: input.bank.trim(),
    formFileId: input.formFileId,
  });
}

/** The caller as a resident or shop owner (found by his phone), for his own consents; 404 when he is neither. */
async function callerAs(db: Db, principal: Principal, audience: CreditAudience) {
  if (!can(principal, OWN_PERMISSION[audience])) throw forbidden();
  const holder = (await callerHolders(db, principal)).find((h) => h.audience === audience);
  if (!holder) throw new AppError("NO_POINTS_HOLDER", 404, { audience });
  return holder;
}

/** POST /points/credit/consents/mine: the holder himself consents on the phone. */
export async function consentMine(
  db: Db,
  principal: Principal,
  actor: Actor,
  input: { audience: CreditAudience; bank: string },
) {
  const holder = await callerAs(db, principal, input.audience);
  return insertConsent(db, actor, principal.userId, {
    audience: input.audience,
    holderId: holder.holderId,
    territoryPath: holder.territoryPath,
    bank: input.bank.trim(),
  });
}

/** GET /points/credit/consents/mine: what the caller could consent as, and his consents in force. */
export async function myConsents(db: Db, principal: Principal) {
  const holders = (await callerHolders(db, principal)).filter(
    (h): h is typeof h & { audience: CreditAudience } =>
      (h.audience === "resident" || h.audience === "merchant") &&
      can(principal, OWN_PERMISSION[h.audience as CreditAudience]),
  );
  const live =
    holders.length === 0
      ? []
      : await db
          .select()
          .from(creditConsents)
          .where(
            and(
              isNull(creditConsents.withdrawnAt),
              inArray(
                creditConsents.holderId,
                holders.map((h) => h.holderId),
              ),
            ),
          )
          .orderBy(desc(creditConsents.givenAt), asc(creditConsents.id));
  // The partner bank the district's people consent to: the latest one anyone here chose.
  const district = holders[0]?.territoryPath.split("/")[1];
  const [latest] = district
    ? await db
        .select({ bank: creditConsents.bank })
        .from(creditConsents)
        .where(sql`${creditConsents.territoryPath} like ${`/${district}/%`}`)
        .orderBy(desc(creditConsents.givenAt), asc(creditConsents.id))
        .limit(1)
    : [];
  return {
    bank: latest?.bank ?? null,
    items: holders.map((h) => ({
      audience: h.audience,
      name: h.name,
      consents: live
        .filter((c) => c.holderId === h.holderId && c.audience === h.audience)
        .map((c) => ({ id: c.id, bank: c.bank, givenAt: c.givenAt.toISOString() })),
    })),
  };
}

/**
 * POST /points/credit/consents/{id}/withdraw: by the holder himself or by staff over his place.
 * Anyone else gets 404, as if there were none; a withdrawn one is 409 CONSENT_WITHDRAWN.
 */
export async function withdrawConsent(db: Db, principal: Principal, actor: Actor, id: string) {
  const [row] = await db.select().from(creditConsents).where(eq(creditConsents.id, id));
  if (!row) throw notFound("consent", id);
  const staff = scopePaths(principal, "points.manage").some((p) => row.territoryPath.startsWith(p));
  const own =
    !staff &&
    (await callerHolders(db, principal)).some(
      (h) => h.holderId === row.holderId && h.audience === row.audience,
    );
  if (!staff && !own) throw notFound("consent", id);
  return audited(db, actor, async (tx, audit) => {
    const [done] = await tx
      .update(creditConsents)
      .set({ withdrawnAt: new Date() })
      .where(and(eq(creditConsents.id, id), isNull(creditConsents.withdrawnAt)))
      .returning();
    if (!done) throw conflict("CONSENT_WITHDRAWN", { withdrawnAt: row.withdrawnAt?.toISOString() });
    await audit({
      action: "points.consent.withdraw",
      entity: "point_credit_consent",
      entityId: id,
      before: { withdrawnAt: null },
      after: { withdrawnAt: done.withdrawnAt?.toISOString(), by: own ? "holder" : "staff" },
    });
    return { id, withdrawnAt: (done.withdrawnAt as Date).toISOString() };
  });
}

export interface ConsentFilter extends Paging {
  audience?: CreditAudience;
  /** true: in force only; false: withdrawn only. */
  live?: boolean;
  underId?: string;
}

/** GET /points/credit/consents: consents recorded in the caller's scope, newest first. */
export async function listConsents(db: Db, principal: Principal, f: ConsentFilter) {
  const conditions: SQL[] = await scopedTo(
    db,
    principal,
    "points.manage",
    creditConsents.territoryPath,
    f.underId,
  );
  if (f.audience) conditions.push(eq(creditConsents.audience, f.audience));
  if (f.live !== undefined)
    conditions.push(f.live ? isNull(creditConsents.withdrawnAt) : isNotNull(creditConsents.withdrawnAt));
  const where = and(...conditions);
  const { limit, offset } = pageWindow(f);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(creditConsents)
      .where(where)
      .orderBy(desc(creditConsents.givenAt), asc(creditConsents.id))
      .limit(limit)
      .offset(offset),
    db.select({ n: sql<number>`count(*)::int` }).from(creditConsents).where(where),
  ]);
  const of = (a: CreditAudience) => rows.filter((r) => r.audience === a).map((r) => r.holderId);
  const [residents, shops, communities, cards] = await Promise.all([
    holderNames(db, "resident", of("resident")),
    holderNames(db, "merchant", of("merchant")),
    communityNames(
      db,
      rows.map((r) => r.territoryPath),
    ),
    userCards(
      db,
      rows.map((r) => r.recordedBy),
    ),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      audience: r.audience as CreditAudience,
      holder: {
        id: r.holderId,
        name: (r.audience === "merchant" ? shops : residents).get(r.holderId) ?? "",
      },
      community: communities.get(communityIdOf(r.territoryPath)) ?? null,
      bank: r.bank,
      formFileId: r.formFileId,
      recordedBy: { id: r.recordedBy, name: cards.get(r.recordedBy)?.name ?? "" },
      givenAt: r.givenAt.toISOString(),
      withdrawnAt: r.withdrawnAt?.toISOString() ?? null,
    })),
    total: total?.n ?? 0,
  };
}
