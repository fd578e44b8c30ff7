/**
 * 应急动员 (P5) as one table of allowed transitions: a call-up is active from the moment it is
 * raised (members are called and report while it is), and dissolved once, after which its record
 * is read-only. The diagram is in flow.md beside this file; keep both in step.
 */
export const MOBILISATION_STATUSES = ["active", "dissolved"] as const;
export type MobilisationStatus = (typeof MOBILISATION_STATUSES)[number];

export const MOBILISATION_ACTIONS = ["call", "report", "dissolve"] as const;
export type MobilisationAction = (typeof MOBILISATION_ACTIONS)[number];

/** The staff whose engagement.manage scope holds the call-up, or a member it called. */
export type MobilisationActor = "community" | "called";

export interface MobilisationTransition {
  action: MobilisationAction;
  from: readonly MobilisationStatus[];
  to: MobilisationStatus;
  by: readonly MobilisationActor[];
}

export const TRANSITIONS: readonly MobilisationTransition[] = [
  // 召集: staff add members (and a leader) while it is active.
  { action: "call", from: ["active"], to: "active", by: ["community"] },
  // 到岗: a called member reports once, where he stands.
  { action: "report", from: ["active"], to: "active", by: ["called"] },
  // 解散: the task is over; who came and when stays on record.
  { action: "dissolve", from: ["active"], to: "dissolved", by: ["community"] },
];

export const statusOf = (row: { dissolvedAt: Date | null }): MobilisationStatus =>
  row.dissolvedAt ? "dissolved" : "active";

export function transitionFor(
  action: MobilisationAction,
  from: MobilisationStatus,
): MobilisationTransition | undefined {
  return TRANSITIONS.find((t) => t.action === action && t.from.includes(from));
}
