import type { Executor } from "../../../platform/db/index.ts";
import { districtOfPath, systemAccount, type Transfer } from "../ledger/engine.ts";
import type { Rule } from "./active.ts";
import type { Audience } from "./tables.ts";

/**
 * The points a rule gives for one occurrence: per hour where it says so (rounded to whole points,
 * the ledger counts no fractions), never negative.
 */
export function pointsFor(rule: Pick<Rule, "points" | "perHour">, quantity: number): number {
  const n = rule.perHour ? rule.points * quantity : rule.points * Math.max(1, Math.trunc(quantity));
  return Number.isFinite(n) ? Math.max(0, Math.round(n)) : 0;
}

/** An award (issuer → holder) or, for a deduction, the other way round. */
export function ruleTransfer(input: {
  rule: Rule;
  amount: number;
  holderAccountId: string;
  issuerAccountId: string;
  businessKey: string;
  territoryPath: string;
  memo: string;
  actorId?: string | null;
  evidence?: string[] | null;
  at?: Date;
}): Transfer {
  const deduct = input.rule.kind === "deduct";
  return {
    businessKey: input.businessKey,
    kind: deduct ? "deduct" : "award",
    debitAccountId: deduct ? input.holderAccountId : input.issuerAccountId,
    creditAccountId: deduct ? input.issuerAccountId : input.holderAccountId,
    holderAccountId: input.holderAccountId,
    amount: input.amount,
    ruleId: input.rule.id,
    ruleCode: input.rule.code,
    memo: input.memo,
    actorId: input.actorId ?? null,
    evidence: input.evidence ?? null,
    territoryPath: input.territoryPath,
    at: input.at,
  };
}

/** The issuer accounts of districts and audiences, opened once per batch. */
export function issuers(tx: Executor) {
  const cache = new Map<string, Promise<string>>();
  return (audience: Audience, territoryPath: string): Promise<string> => {
    const key = `${audience}:${districtOfPath(territoryPath)}`;
    let id = cache.get(key);
    if (!id) {
      id = systemAccount(tx, "issuer", audience, territoryPath);
      cache.set(key, id);
    }
    return id;
  };
}
