import { and, desc, eq, gte, inArray, sql } from "drizzle-orm";
import { chinaDate } from "../../../platform/china-time.ts";
import type { Executor } from "../../../platform/db/index.ts";
import { rowsOf } from "../../../platform/db/index.ts";
import type { MerchantRecord } from "../../places/index.ts";
import { BASE_RULE_CODE } from "../ledger/engine.ts";
import { accountsOfHolders } from "../ledger/holders.ts";
import { type Score, scoresOf } from "../ledger/score.ts";
import { titlesOf } from "../rankings/titles.ts";
import { activeRuleSet, rulesOf } from "../rules/active.ts";
import { consumerRatings, inspections } from "./tables.ts";

/** This China year, as months and as the day it began: a shop's score and stars count from 1 January. */
export function thisYear(now = new Date()) {
  const year = chinaDate(now).slice(0, 4);
  return { months: { from: `${year}-01`, to: `${year}-12` }, firstDay: `${year}-01-01` };
}

/** What every view of a shop shows: its score, stars, titles and last inspection. */
export interface ShopFigures {
  score: Score;
  stars: { average: number | null; count: number };
  titles: Array<{ kind: string; period: string }>;
  lastInspectedAt: string | null;
}

/** The figures of these shops, in a few queries whatever their number. */
export async function shopFigures(
  executor: Executor,
  shops: readonly MerchantRecord[],
): Promise<Map<string, ShopFigures>> {
  const ids = shops.map((s) => s.id);
  const out = new Map<string, ShopFigures>();
  if (ids.length === 0) return out;
  const year = thisYear();
  const [scores, stars, titles, last] = await Promise.all([
    scoresOf(
      executor,
      "merchant",
      shops.map((s) => ({ holderId: s.id, territoryPath: s.territoryPath })),
      year.months,
    ),
    executor
      .select({
        merchantId: consumerRatings.merchantId,
        average: sql<string>`avg(${consumerRatings.stars})`,
        count: sql<number>`count(*)`.mapWith(Number),
      })
      .from(consumerRatings)
      .where(and(inArray(consumerRatings.merchantId, ids), gte(consumerRatings.day, year.firstDay)))
      .groupBy(consumerRatings.merchantId),
    titlesOf(executor, ids),
    executor
      .select({ merchantId: inspections.merchantId, at: sql<string>`max(${inspections.createdAt})` })
      .from(inspections)
      .where(inArray(inspections.merchantId, ids))
      .groupBy(inspections.merchantId),
  ]);
  const starsOf = new Map(stars.map((s) => [s.merchantId, s]));
  const lastOf = new Map(last.map((l) => [l.merchantId, l.at]));
  for (const id of ids) {
    const s = starsOf.get(id);
    const at = lastOf.get(id);
    out.set(id, {
      score: scores.get(id) ?? { base: 0, added: 0, deducted: 0, score: 0, vetoed: false },
      stars: {
        average: s ? Math.round(Number(s.average) * 10) / 10 : null,
        count: s?.count ?? 0,
      },
      titles: (titles.get(id) ?? []).map((t) => ({ kind: t.kind, period: t.period })),
      lastInspectedAt: at ? new Date(at).toISOString() : null,
    });
  }
  return out;
}

/**
 * A shop's points this year under each first-level indicator (弘扬美德, 门前五包 …): every indicator
 * of the rules governing it, in the rules' order, with what it added and deducted (the opening
 * 基础分 posting is the score's base, not an indicator's).
 */
export async function byIndicator(executor: Executor, shop: MerchantRecord) {
  const set = await activeRuleSet(executor, "merchant", shop.territoryPath);
  const order = set ? [...new Set((await rulesOf(executor, set.id)).map((r) => r.indicator ?? ""))] : [];
  const account = (await accountsOfHolders(executor, [shop.id])).get(`merchant:${shop.id}`);
  const year = thisYear();
  const sums = account
    ? rowsOf<{ indicator: string | null; added: string | null; deducted: string | null }>(
        await executor.execute(sql`
          select r.indicator,
            sum(p.amount) filter (where p.credit_account_id = ${account.id}) as added,
            sum(p.amount) filter (where p.debit_account_id = ${account.id}) as deducted
          from point_postings p left join point_rules r on r.id = p.rule_id
          where p.holder_account_id = ${account.id} and p.month between ${year.months.from} and ${year.months.to}
            and p.kind in ('award', 'deduct', 'reversal', 'appraisal')
            and p.rule_code is distinct from ${BASE_RULE_CODE}
          group by r.indicator`),
      )
    : [];
  const byName = new Map(sums.map((s) => [s.indicator ?? "", s]));
  const names = [...order, ...[...byName.keys()].filter((k) => !order.includes(k))];
  return names.map((name) => {
    const s = byName.get(name);
    const added = Number(s?.added ?? 0);
    const deducted = Number(s?.deducted ?? 0);
    return { indicator: name || null, added, deducted, net: added - deducted };
  });
}

/** A shop's latest ratings: stars, comment and day, never who gave them. */
export async function recentRatings(executor: Executor, merchantId: string, limit = 20) {
  const rows = await executor
    .select({
      id: consumerRatings.id,
      stars: consumerRatings.stars,
      comment: consumerRatings.comment,
      day: consumerRatings.day,
    })
    .from(consumerRatings)
    .where(eq(consumerRatings.merchantId, merchantId))
    .orderBy(desc(consumerRatings.createdAt), desc(consumerRatings.id))
    .limit(limit);
  return rows.map((r) => ({ ...r, day: String(r.day) }));
}
