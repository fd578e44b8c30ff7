import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "../../../platform/db/index.ts";
import { type Audience, pointRuleSets, pointRules } from "./tables.ts";

export type RuleSet = typeof pointRuleSets.$inferSelect;
export type Rule = typeof pointRules.$inferSelect;

/**
 * The rules that govern a holder at this path: the active set of the audience at the nearest node
 * above him (a community's own rules before its street's, the street's before the district's).
 */
export async function activeRuleSet(
  executor: Executor,
  audience: Audience,
  territoryPath: string,
): Promise<RuleSet | null> {
  const [set] = await executor
    .select()
    .from(pointRuleSets)
    .where(
      and(
        eq(pointRuleSets.audience, audience),
        eq(pointRuleSets.status, "active"),
        sql`${territoryPath} like ${pointRuleSets.territoryPath} || '%'`,
      ),
    )
    .orderBy(sql`length(${pointRuleSets.territoryPath}) desc`)
    .limit(1);
  return set ?? null;
}

/** A set's rules in their order. */
export const rulesOf = (executor: Executor, ruleSetId: string): Promise<Rule[]> =>
  executor.select().from(pointRules).where(eq(pointRules.ruleSetId, ruleSetId)).orderBy(pointRules.sort);
