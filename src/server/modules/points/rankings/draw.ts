import { and, inArray, sql } from "drizzle-orm";
import type { Executor } from "../../../platform/db/index.ts";
import { membersLivingUnder } from "../../people/index.ts";
import { searchMerchants } from "../../places/index.ts";
import { roundResults } from "../appraisal/results.ts";
import { consumerRatings } from "../evaluation/tables.ts";
import { type Months, scoresOf } from "../ledger/score.ts";
import { daysOf } from "./period.ts";
import type { Scored } from "./rank.ts";
import type { TitleKind } from "./tables.ts";

/** More than any district holds: a ranking weighs everyone under its node. */
const EVERYONE = 1_000_000;

/** A trusted merchant (社区信得过经营户) is rated at least this on average … */
export const TRUSTED_MIN_RATING = 4;
/** … by at least this many consumers in the period. */
export const TRUSTED_MIN_RATINGS = 3;

/** Closed appraisal rounds' combined totals (民主评议, 半年一评) for the period, by member under the node. */
async function appraisalTotals(executor: Executor, nodePath: string, period: string, memberIds: string[]) {
  const wanted = new Set(memberIds);
  const results = await roundResults(executor, { nodePath, period });
  return new Map(
    results
      .filter((r) => wanted.has(r.memberId))
      .map((r) => [r.memberId, { total: r.total, vetoed: !!r.vetoed }]),
  );
}

/**
 * 明星党员: the party members living under the node, by their appraisal total where a closed round
 * of the period rated them, else by their 1+1−1 score over its months. A veto (一票否决) keeps a
 * member off the list altogether.
 */
async function starMembers(executor: Executor, nodePath: string, period: string, months: Months) {
  const members = await membersLivingUnder(executor, nodePath, { limit: EVERYONE });
  const appraised = await appraisalTotals(
    executor,
    nodePath,
    period,
    members.map((m) => m.id),
  );
  const rest = members
    .filter((m) => !appraised.has(m.id))
    .map((m) => ({ holderId: m.id, territoryPath: m.territoryPath }));
  const scores = await scoresOf(executor, "member", rest, months);
  const out: Scored[] = [];
  for (const [holderId, a] of appraised) if (!a.vetoed) out.push({ holderId, score: a.total });
  for (const [holderId, s] of scores) if (!s.vetoed) out.push({ holderId, score: s.score });
  return out;
}

/** Consumers' average stars per shop over the days, where at least TRUSTED_MIN_RATINGS rated it. */
async function ratingsOf(executor: Executor, merchantIds: string[], months: Months) {
  if (merchantIds.length === 0) return new Map<string, number>();
  const days = daysOf(months);
  const rows = await executor
    .select({
      merchantId: consumerRatings.merchantId,
      average: sql<number>`avg(${consumerRatings.stars})::float8`,
      n: sql<number>`count(*)::int`,
    })
    .from(consumerRatings)
    .where(
      and(
        inArray(consumerRatings.merchantId, merchantIds),
        sql`${consumerRatings.day} between ${days.from} and ${days.to}`,
      ),
    )
    .groupBy(consumerRatings.merchantId);
  return new Map(
    rows.filter((r) => r.n >= TRUSTED_MIN_RATINGS).map((r) => [r.merchantId, Number(r.average)]),
  );
}

/**
 * 美德商铺: shops under the node by their score over the months. 社区信得过经营户 (安义) also asks
 * that a shop lost nothing net (score ≥ its base) and that consumers rated it 4 or better on average.
 * Vetoed shops are never on either list.
 */
async function shops(executor: Executor, nodePath: string, months: Months, trusted: boolean) {
  const { rows } = await searchMerchants(executor, { paths: [nodePath], limit: EVERYONE, offset: 0 });
  const scores = await scoresOf(
    executor,
    "merchant",
    rows.map((r) => ({ holderId: r.id, territoryPath: r.territoryPath })),
    months,
  );
  const rated = trusted
    ? await ratingsOf(
        executor,
        rows.map((r) => r.id),
        months,
      )
    : new Map<string, number>();
  const out: Scored[] = [];
  for (const [holderId, s] of scores) {
    if (s.vetoed) continue;
    if (trusted && (s.score < s.base || (rated.get(holderId) ?? 0) < TRUSTED_MIN_RATING)) continue;
    out.push({ holderId, score: s.score });
  }
  return out;
}

/** Everyone who may stand on a ranking of this kind at the node for the period, with his score. */
export function candidatesOf(
  executor: Executor,
  kind: TitleKind,
  nodePath: string,
  period: string,
  months: Months,
): Promise<Scored[]> {
  if (kind === "starMember") return starMembers(executor, nodePath, period, months);
  return shops(executor, nodePath, months, kind === "trustedMerchant");
}
