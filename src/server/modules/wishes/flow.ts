import type { WishStatus } from "./tables.ts";

/**
 * 微心愿 (W1) as one table of allowed transitions: the community reviews what residents post,
 * a member or unit claims a published wish, fulfils it, and the wisher confirms. The diagram is
 * in flow.md beside this file; keep both in step.
 */
export const WISH_ACTIONS = [
  "approve",
  "reject",
  "claim",
  "release",
  "fulfil",
  "confirm",
  "withdraw",
] as const;
export type WishAction = (typeof WISH_ACTIONS)[number];

/**
 * Who may take a transition: the wisher himself, the member who claimed it, community staff whose
 * scope holds the wish (wishes.review), or any party member who may claim (wishes.claim).
 */
export type WishActor = "wisher" | "claimer" | "community" | "member";

export interface WishTransition {
  action: WishAction;
  from: readonly WishStatus[];
  to: WishStatus;
  by: readonly WishActor[];
}

export const TRANSITIONS: readonly WishTransition[] = [
  // 审核: the community publishes a wish to the wall, or turns it down with a reason.
  { action: "approve", from: ["pending"], to: "published", by: ["community"] },
  { action: "reject", from: ["pending"], to: "rejected", by: ["community"] },
  // 认领: one claimer only (a single conditional UPDATE, see claim.ts).
  { action: "claim", from: ["published"], to: "claimed", by: ["member"] },
  // A claimer who cannot go on gives the wish back to the wall; the community may do it for him.
  { action: "release", from: ["claimed"], to: "published", by: ["claimer", "community"] },
  { action: "fulfil", from: ["claimed"], to: "fulfilled", by: ["claimer"] },
  // The wisher confirms; the community confirms for wishers without an account.
  { action: "confirm", from: ["fulfilled"], to: "confirmed", by: ["wisher", "community"] },
  { action: "withdraw", from: ["pending", "published"], to: "withdrawn", by: ["wisher"] },
];

/** What the public wall shows: wishes the community has published, and what became of them. */
export const PUBLIC_STATUSES: readonly WishStatus[] = ["published", "claimed", "fulfilled", "confirmed"];

export function transitionFor(action: WishAction, from: WishStatus): WishTransition | undefined {
  return TRANSITIONS.find((t) => t.action === action && t.from.includes(from));
}
