import { can, type Principal, scopePaths } from "../../platform/auth/index.ts";
import { PUBLIC_STATUSES, TRANSITIONS, type WishAction, type WishActor } from "./flow.ts";
import type { WishRow, WishStatus } from "./tables.ts";

/** What the caller is with respect to one wish; computed from the principal and the row alone. */
export interface Standing {
  wisher: boolean;
  claimer: boolean;
  /** Community (street, district) staff whose review scope holds the wish. */
  community: boolean;
  /** May claim wishes at all (a party member), and this one is not his own. */
  member: boolean;
}

export function standingOf(
  principal: Principal,
  w: Pick<WishRow, "wisherUserId" | "claimerUserId" | "territoryPath">,
): Standing {
  const wisher = w.wisherUserId === principal.userId;
  return {
    wisher,
    claimer: w.claimerUserId !== null && w.claimerUserId === principal.userId,
    community: scopePaths(principal, "wishes.review").some((p) => w.territoryPath.startsWith(p)),
    member: can(principal, "wishes.claim") && !wisher,
  };
}

/** May the caller open the wish's detail (else it is 404)? Reviewers in scope, the wisher, the claimer. */
export const canSee = (s: Standing) => s.community || s.wisher || s.claimer;

/**
 * May the caller be told the wish exists when he acts on it? Those who may see it, and anyone for
 * a wish on the public wall (he then learns whether the step is his); else it is 404.
 */
export const mayReach = (s: Standing, status: WishStatus) => canSee(s) || PUBLIC_STATUSES.includes(status);

/** The actions the caller may take now: the pages draw their buttons from it. */
export function allowedActions(s: Standing, status: WishStatus): WishAction[] {
  const out = new Set<WishAction>();
  for (const t of TRANSITIONS)
    if (t.from.includes(status) && t.by.some((a: WishActor) => s[a])) out.add(t.action);
  return [...out];
}
