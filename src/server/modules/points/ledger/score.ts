import { sql } from "drizzle-orm";
import type { Executor } from "../../../platform/db/index.ts";
import { anyUuid, rowsOf } from "../../../platform/db/index.ts";
import { activeRuleSet } from "../rules/active.ts";
import { type Audience, pointRules } from "../rules/tables.ts";
import { BASE_RULE_CODE } from "./engine.ts";
import { pointClaims, pointPostings } from "./tables.ts";

/** A holder's score over a span of months: 1+1−1, or nothing where a veto stands. */
export interface Score {
  base: number;
  added: number;
  deducted: number;
  /** base + added − deducted, or 0 when vetoed (一票否决). */
  score: number;
  vetoed: boolean;
}

export interface Months {
  /** 2026-07 */
  from: string;
  /** 2026-12 */
  to: string;
}

/** The kinds of posting that are merit (spending and refunds are not). */
const MERIT = sql`('award', 'deduct', 'reversal', 'appraisal')`;

/**
 * The scores of these holders over the months: the 基础分 of the rules that govern each, the points
 * added and deducted in the span (reversals net out), and a veto approved in the span zeroing it.
 * Holders without an account score their base; a shop's opening base posting is not counted again.
 */
export async function scoresOf(
  executor: Executor,
  audience: Audience,
  holders: ReadonlyArray<{ holderId: string; territoryPath: string }>,
  months: Months,
): Promise<Map<string, Score>> {
  const ids = holders.map((h) => h.holderId);
  const sums =
    ids.length === 0
      ? []
      : rowsOf<{ holder_id: string; added: string | null; deducted: string | null }>(
          await executor.execute(sql`
            select a.holder_id,
              sum(p.amount) filter (where p.credit_account_id = a.id) as added,
              sum(p.amount) filter (where p.debit_account_id = a.id) as deducted
            from point_accounts a join ${pointPostings} p on p.holder_account_id = a.id
            where a.kind = 'holder' and a.audience = ${audience} and ${anyUuid(sql`a.holder_id`, ids)}
              and p.month between ${months.from} and ${months.to} and p.kind in ${MERIT}
              and p.rule_code is distinct from ${BASE_RULE_CODE}
            group by a.holder_id`),
        );
  const vetoes =
    ids.length === 0
      ? []
      : rowsOf<{ holder_id: string }>(
          await executor.execute(sql`
            select distinct a.holder_id from ${pointClaims} c
            join point_accounts a on a.id = c.account_id
            join ${pointRules} r on r.id = c.rule_id
            where c.status = 'approved' and r.kind = 'veto' and a.audience = ${audience}
              and ${anyUuid(sql`a.holder_id`, ids)}
              and substr(c.happened_on, 1, 7) between ${months.from} and ${months.to}`),
        );
  const vetoed = new Set(vetoes.map((v) => v.holder_id));
  const bySum = new Map(sums.map((s) => [s.holder_id, s]));
  const bases = new Map<string, number>();
  const scores = new Map<string, Score>();
  for (const h of holders) {
    // Rules are set down to communities: holders of one community share them, looked up once.
    const key = h.territoryPath.split("/").slice(0, 4).join("/");
    let base = bases.get(key);
    if (base === undefined) {
      base = (await activeRuleSet(executor, audience, h.territoryPath))?.baseScore ?? 0;
      bases.set(key, base);
    }
    const s = bySum.get(h.holderId);
    const added = Number(s?.added ?? 0);
    const deducted = Number(s?.deducted ?? 0);
    const isVetoed = vetoed.has(h.holderId);
    scores.set(h.holderId, {
      base,
      added,
      deducted,
      score: isVetoed ? 0 : base + added - deducted,
      vetoed: isVetoed,
    });
  }
  return scores;
}
