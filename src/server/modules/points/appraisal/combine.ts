import type { AppraisalWeights, RaterKind } from "./tables.ts";

/** The parts of a member's period score, each 0–100; a side nobody appraised is null. */
export interface Parts {
  record: number;
  self: number | null;
  peer: number | null;
  resident: number | null;
}

export const DEFAULT_WEIGHTS: AppraisalWeights = { record: 60, self: 10, peer: 15, resident: 15 };
export const SIDES: readonly RaterKind[] = ["self", "peer", "resident"];

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * 日常记实 as a part of 100: each member's half-year score over the round's best one, so the best
 * record scores 100 whatever the rules' scale. Nobody above zero: everybody 0.
 */
export function recordParts(scores: ReadonlyMap<string, number>): Map<string, number> {
  const best = Math.max(0, ...scores.values());
  return new Map([...scores].map(([id, s]) => [id, best > 0 ? round2((Math.max(s, 0) / best) * 100) : 0]));
}

/**
 * The weighted sum of the parts (费县: the daily record and the democratic appraisal combined).
 * A side nobody appraised gives its weight to the others in proportion to theirs, and is named.
 */
export function combine(parts: Parts, weights: AppraisalWeights): { total: number; missing: RaterKind[] } {
  const missing = SIDES.filter((s) => parts[s] === null);
  const present: Array<[number, number]> = [[parts.record, weights.record]];
  for (const s of SIDES) {
    const v = parts[s];
    if (v !== null) present.push([v, weights[s]]);
  }
  const weight = present.reduce((sum, [, w]) => sum + w, 0);
  const total = weight > 0 ? present.reduce((sum, [v, w]) => sum + v * w, 0) / weight : 0;
  return { total: round2(total), missing };
}

/** The 兑现: a tenth of the period's score, in whole points (a vetoed member's is 0). */
export const rewardOf = (total: number) => Math.round(total / 10);

/** The average of a side's appraisals, or null when there are none. */
export const average = (scores: readonly number[]): number | null =>
  scores.length === 0 ? null : round2(scores.reduce((a, b) => a + b, 0) / scores.length);
