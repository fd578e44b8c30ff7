import { and, asc, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import { type Actor, recordAudit } from "../../../platform/audit/index.ts";
import { inScope, type Principal } from "../../../platform/auth/index.ts";
import { chinaMonth } from "../../../platform/china-time.ts";
import type { Db, Executor } from "../../../platform/db/index.ts";
import { type Paging, pageWindow } from "../../../platform/http/paging.ts";
import { residentIdentities, residentsByIds } from "../../people/index.ts";
import { merchantsByIds, merchantUsccs } from "../../places/index.ts";
import { consumerRatings } from "../evaluation/tables.ts";
import { accountsOfHolders } from "../ledger/holders.ts";
import { scoresOf } from "../ledger/score.ts";
import { titlesOf } from "../rankings/titles.ts";
import { type CreditAudience, communityIdOf, communityNames } from "./consents.ts";
import { creditConsents } from "./tables.ts";

export interface ExportFilter extends Paging {
  audience: CreditAudience;
  /** One bank's consents only. */
  bank?: string;
}

/** This calendar year's months (China time): the span of the "year's score". */
function thisYear(now = new Date()) {
  const year = chinaMonth(now).slice(0, 4);
  return { from: `${year}-01`, to: `${year}-12` };
}

/** Consumers' average stars per shop over the year, to two decimals. */
async function averageRatings(executor: Executor, ids: string[], year: string) {
  if (ids.length === 0) return new Map<string, number>();
  const rows = await executor
    .select({
      merchantId: consumerRatings.merchantId,
      average: sql<number>`round(avg(${consumerRatings.stars}), 2)::float8`,
    })
    .from(consumerRatings)
    .where(
      and(
        inArray(consumerRatings.merchantId, ids),
        sql`${consumerRatings.day} between ${`${year}-01-01`} and ${`${year}-12-31`}`,
      ),
    )
    .groupBy(consumerRatings.merchantId);
  return new Map(rows.map((r) => [r.merchantId, Number(r.average)]));
}

const liveOf = (principal: Principal, f: ExportFilter): SQL | undefined =>
  and(
    inScope(principal, "points.credit", creditConsents.territoryPath),
    eq(creditConsents.audience, f.audience),
    isNull(creditConsents.withdrawnAt),
    f.bank ? eq(creditConsents.bank, f.bank) : undefined,
  );

/** How many rows an export holds: the number its audit row records. */
export async function exportSize(db: Db, principal: Principal, f: ExportFilter): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(creditConsents)
    .where(liveOf(principal, f));
  return row?.n ?? 0;
}

/** The audit row of an export (points.credit.export): who took how many rows of which audience. */
export const auditExport = (db: Db, actor: Actor, f: ExportFilter, rows: number, format: string) =>
  recordAudit(db, actor, {
    action: "points.credit.export",
    entity: "point_credit_consent",
    after: { audience: f.audience, bank: f.bank ?? null, format, rows },
  });

/**
 * GET /points/credit/export: the holders with a live consent and what they agreed to share — for
 * residents the masked 身份证 (never the whole number), balance, the year's score and titles; for
 * shops the 统一社会信用代码, score, consumers' average rating and titles. No consent, no row.
 */
export async function listCreditExport(db: Db, principal: Principal, f: ExportFilter) {
  const where = liveOf(principal, f);
  const { limit, offset } = pageWindow(f);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(creditConsents)
      .where(where)
      .orderBy(asc(creditConsents.givenAt), asc(creditConsents.id))
      .limit(limit)
      .offset(offset),
    db.select({ n: sql<number>`count(*)::int` }).from(creditConsents).where(where),
  ]);
  const ids = [...new Set(rows.map((r) => r.holderId))];
  const year = thisYear();
  const [holders, accounts, communities] = await Promise.all([
    f.audience === "resident" ? residentsByIds(db, ids) : merchantsByIds(db, ids),
    accountsOfHolders(db, ids),
    communityNames(
      db,
      rows.map((r) => r.territoryPath),
    ),
  ]);
  const scores = await scoresOf(
    db,
    f.audience,
    holders.map((h) => ({ holderId: h.id, territoryPath: h.territoryPath })),
    year,
  );
  const [identities, usccs, ratings] = await Promise.all([
    f.audience === "resident" ? residentIdentities(db, ids) : new Map<string, never>(),
    f.audience === "merchant" ? merchantUsccs(db, ids) : new Map<string, string>(),
    f.audience === "merchant" ? averageRatings(db, ids, year.from.slice(0, 4)) : new Map<string, number>(),
  ]);
  // A resident's titles are his as a party member (明星党员); a shop's are its own.
  const titleHolder = (id: string) =>
    f.audience === "resident" ? (identities.get(id)?.memberId ?? null) : id;
  const titles = await titlesOf(
    db,
    ids.flatMap((id) => titleHolder(id) ?? []),
  );
  const holder = new Map(holders.map((h) => [h.id, h]));
  return {
    items: rows.map((r) => {
      const who = titleHolder(r.holderId);
      return {
        consentId: r.id,
        audience: f.audience,
        holderId: r.holderId,
        name: holder.get(r.holderId)?.name ?? "",
        idMasked: identities.get(r.holderId)?.idMasked ?? null,
        uscc: usccs.get(r.holderId) ?? null,
        community: communities.get(communityIdOf(r.territoryPath)) ?? null,
        balance: accounts.get(`${f.audience}:${r.holderId}`)?.balance ?? 0,
        score: scores.get(r.holderId)?.score ?? 0,
        rating: ratings.get(r.holderId) ?? null,
        titles: (who ? (titles.get(who) ?? []) : []).map((t) => ({ kind: t.kind, period: t.period })),
        bank: r.bank,
        consentedAt: r.givenAt.toISOString(),
      };
    }),
    total: total?.n ?? 0,
  };
}
