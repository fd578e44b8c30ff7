import type { RankingStatus } from "./tables.ts";

/**
 * A ranking's life as one table (drawn in flow.md beside this file; keep both in step): staff draw
 * a draft from the scores and write citations, another person approves it, it is published to the
 * walls and the screen, and taken down (withdrawn, with a reason) if it must be.
 */
export const RANKING_ACTIONS = ["approve", "publish", "withdraw"] as const;
export type RankingAction = (typeof RANKING_ACTIONS)[number];

export interface RankingTransition {
  action: RankingAction;
  from: readonly RankingStatus[];
  to: RankingStatus;
}

export const TRANSITIONS: readonly RankingTransition[] = [
  { action: "approve", from: ["draft"], to: "approved" },
  { action: "publish", from: ["approved"], to: "published" },
  { action: "withdraw", from: ["published"], to: "withdrawn" },
];

export const transitionFor = (action: RankingAction, from: RankingStatus) =>
  TRANSITIONS.find((t) => t.action === action && t.from.includes(from));

/**
 * What the caller may do with a ranking now — the page's buttons. Approval is someone else's than
 * the drafter's (四眼原则), so the drafter sees no approve button on his own draft.
 */
export function allowedActions(
  r: { status: RankingStatus; createdBy: string },
  userId: string,
): Array<RankingAction | "editCitation"> {
  const actions: Array<RankingAction | "editCitation"> = TRANSITIONS.filter(
    (t) => t.from.includes(r.status) && !(t.action === "approve" && r.createdBy === userId),
  ).map((t) => t.action);
  return r.status === "draft" ? ["editCitation", ...actions] : actions;
}
