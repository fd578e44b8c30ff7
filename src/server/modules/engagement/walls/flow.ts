import type { PromiseStatus } from "./tables.ts";

/**
 * 承诺墙 as one table of allowed transitions: the member writes his promise for the year (again
 * after it was returned), the community puts it on the wall or returns it with a reason (also
 * taking a published one down), and the member records it kept (践诺) once it is on the wall.
 * Drawn in flow.md beside this file; keep both in step.
 */
export const PROMISE_ACTIONS = ["write", "publish", "return", "keep"] as const;
export type PromiseAction = (typeof PROMISE_ACTIONS)[number];

/** The member himself, or community staff whose scope holds the promise. */
export type PromiseActor = "member" | "community";

export interface PromiseTransition {
  action: PromiseAction;
  /** null: no promise for the year yet. */
  from: readonly (PromiseStatus | null)[];
  to: PromiseStatus;
  by: PromiseActor;
}

export const TRANSITIONS: readonly PromiseTransition[] = [
  { action: "write", from: [null, "returned"], to: "pending", by: "member" },
  { action: "publish", from: ["pending"], to: "published", by: "community" },
  { action: "return", from: ["pending", "published"], to: "returned", by: "community" },
  // 践诺 keeps the promise on the wall, now marked kept; recorded once.
  { action: "keep", from: ["published"], to: "published", by: "member" },
];

export function transitionFor(action: PromiseAction, from: PromiseStatus | null) {
  return TRANSITIONS.find((t) => t.action === action && t.from.includes(from));
}

/** What these actors may do with a promise now (keep only while not yet kept): the pages' buttons. */
export function allowedActions(
  p: { status: PromiseStatus; keptAt: Date | null },
  actors: readonly PromiseActor[],
): PromiseAction[] {
  return TRANSITIONS.filter(
    (t) => t.from.includes(p.status) && actors.includes(t.by) && !(t.action === "keep" && p.keptAt),
  ).map((t) => t.action);
}
