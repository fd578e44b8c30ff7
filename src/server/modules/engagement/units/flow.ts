import type { ReportInStatus } from "../tables.ts";

/**
 * 双报到 (report-in) as one table of allowed transitions: the member (or his unit's staff, who issue
 * the 介绍信) submits, the community approves or returns it with a reason, and a returned one may be
 * submitted again. Drawn in flow.md beside this file; keep both in step.
 */
export const REPORT_IN_ACTIONS = ["submit", "approve", "return"] as const;
export type ReportInAction = (typeof REPORT_IN_ACTIONS)[number];

/** The member himself, his unit's staff, or community staff whose scope holds the report-in. */
export type ReportInActor = "member" | "unit" | "community";

export interface ReportInTransition {
  action: ReportInAction;
  /** null: the report-in does not exist yet (the first submission). */
  from: readonly (ReportInStatus | null)[];
  to: ReportInStatus;
  by: readonly ReportInActor[];
}

export const TRANSITIONS: readonly ReportInTransition[] = [
  { action: "submit", from: [null, "returned"], to: "pending", by: ["member", "unit"] },
  { action: "approve", from: ["pending"], to: "approved", by: ["community"] },
  { action: "return", from: ["pending"], to: "returned", by: ["community"] },
];

export function transitionFor(action: ReportInAction, from: ReportInStatus | null) {
  return TRANSITIONS.find((t) => t.action === action && t.from.includes(from));
}

/** What may be done with a report-in now by these actors: the pages draw their buttons from it. */
export function allowedActions(status: ReportInStatus, actors: readonly ReportInActor[]): ReportInAction[] {
  return TRANSITIONS.filter((t) => t.from.includes(status) && t.by.some((a) => actors.includes(a))).map(
    (t) => t.action,
  );
}

/** The 1+X menu is chosen once the community has taken the member in. */
export const MENU_OPEN: readonly ReportInStatus[] = ["approved"];
