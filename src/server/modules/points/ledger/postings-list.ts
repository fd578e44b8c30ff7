import { and, count, desc, eq, type SQL } from "drizzle-orm";
import type { Principal } from "../../../platform/auth/index.ts";
import { chinaDate } from "../../../platform/china-time.ts";
import type { Db } from "../../../platform/db/index.ts";
import { type Paging, pageWindow } from "../../../platform/http/paging.ts";
import { scopedTo } from "../../territory/index.ts";
import { type Audience, pointRules } from "../rules/tables.ts";
import { namesOf } from "./accounts-list.ts";
import { type PostingKind, pointAccounts, pointPostings } from "./tables.ts";

export interface PostingFilter extends Paging {
  audience?: Audience;
  kind?: PostingKind;
  /** 2026-11 */
  month?: string;
  ruleCode?: string;
  accountId?: string;
  underId?: string;
}

/**
 * GET /points/postings: the ledger's lines where they happened (the posting's own path) in the
 * caller's scope, newest first, each with its holder and what it was for.
 */
export async function listPostings(db: Db, principal: Principal, f: PostingFilter) {
  const conditions: Array<SQL | undefined> = await scopedTo(
    db,
    principal,
    "points.manage",
    pointPostings.territoryPath,
    f.underId,
  );
  if (f.audience) conditions.push(eq(pointAccounts.audience, f.audience));
  if (f.kind) conditions.push(eq(pointPostings.kind, f.kind));
  if (f.month) conditions.push(eq(pointPostings.month, f.month));
  if (f.ruleCode) conditions.push(eq(pointPostings.ruleCode, f.ruleCode));
  if (f.accountId) conditions.push(eq(pointPostings.holderAccountId, f.accountId));
  const where = and(...conditions);
  const { limit, offset } = pageWindow(f);
  const holder = eq(pointAccounts.id, pointPostings.holderAccountId);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        posting: pointPostings,
        audience: pointAccounts.audience,
        holderId: pointAccounts.holderId,
        ruleName: pointRules.name,
      })
      .from(pointPostings)
      .innerJoin(pointAccounts, holder)
      .leftJoin(pointRules, eq(pointRules.id, pointPostings.ruleId))
      .where(where)
      .orderBy(desc(pointPostings.id))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(pointPostings).innerJoin(pointAccounts, holder).where(where),
  ]);
  const names = await namesOf(db, rows);
  return {
    items: rows.map(({ posting: p, audience, holderId, ruleName }) => ({
      id: p.id,
      at: p.at.toISOString(),
      date: chinaDate(p.at),
      month: p.month,
      kind: p.kind,
      audience,
      accountId: p.holderAccountId,
      holderName: names.get(`${audience}:${holderId}`) ?? "",
      /** + to the holder, − from him. */
      amount: p.creditAccountId === p.holderAccountId ? p.amount : -p.amount,
      ruleCode: p.ruleCode,
      what: ruleName ?? p.memo,
      memo: p.memo,
      reversesId: p.reversesId,
    })),
    total: total?.n ?? 0,
  };
}
