/**
 * The five-step flow (网格收单 → 社区分单 → 街道审单 → 部门领单 → 群众评单) as one table of
 * allowed transitions. The diagram is in flow.md beside this file; keep both in step.
 */
export const CASE_STATUSES = [
  "new",
  "gridHandling",
  "communityDispatch",
  "whistled",
  "streetReview",
  "departmentClaim",
  "departmentHandling",
  "resolved",
  "closed",
  "merged",
  "withdrawn",
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_ACTIONS = [
  "receive",
  "escalate",
  "dispatch",
  "whistle",
  "assign",
  "claim",
  "resolve",
  "return",
  "rate",
  "reopen",
  "merge",
  "withdraw",
  "supervise",
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

export const HANDLER_LEVELS = ["grid", "community", "street", "district", "department"] as const;
export type HandlerLevel = (typeof HANDLER_LEVELS)[number];

/**
 * Who may take a transition: staff of a territory level whose scope holds the case, the
 * department the case is assigned to, or the resident who reported it.
 */
export type Actor = "grid" | "community" | "street" | "district" | "department" | "reporter";

/** Extra input an action needs (the route checks it is present). */
export type Requirement = "note" | "departmentId" | "departments" | "score" | "masterId";

export interface Transition {
  action: CaseAction;
  from: readonly CaseStatus[];
  to: CaseStatus;
  by: readonly Actor[];
  needs?: readonly Requirement[];
}

const ACTIVE_LOW: CaseStatus[] = ["new", "gridHandling", "communityDispatch"];
/** Still being handled: the statuses LEVEL_OF names a holder for (below). */
const OPEN: CaseStatus[] = [
  "new",
  "gridHandling",
  "communityDispatch",
  "whistled",
  "streetReview",
  "departmentClaim",
  "departmentHandling",
];

export const TRANSITIONS: readonly Transition[] = [
  // 网格收单: the grid takes the case in.
  { action: "receive", from: ["new"], to: "gridHandling", by: ["grid"] },
  // Beyond the grid: up to the community (社区分单), or from the community to the street (街道审单).
  {
    action: "escalate",
    from: ["new", "gridHandling"],
    to: "communityDispatch",
    by: ["grid"],
    needs: ["note"],
  },
  { action: "escalate", from: ["communityDispatch"], to: "streetReview", by: ["community"], needs: ["note"] },
  { action: "dispatch", from: ["communityDispatch"], to: "gridHandling", by: ["community"] },
  // 吹哨报到: the community, or the street reviewing a case, calls one or several departments.
  {
    action: "whistle",
    from: ["communityDispatch"],
    to: "whistled",
    by: ["community"],
    needs: ["departments", "note"],
  },
  {
    action: "whistle",
    from: ["streetReview"],
    to: "whistled",
    by: ["street"],
    needs: ["departments", "note"],
  },
  // 街道审单 → 部门领单.
  {
    action: "assign",
    from: ["streetReview"],
    to: "departmentClaim",
    by: ["street"],
    needs: ["departmentId"],
  },
  { action: "claim", from: ["departmentClaim"], to: "departmentHandling", by: ["department"] },
  // The short paths: solved in the grid, solved in the community; or by the department.
  { action: "resolve", from: ["gridHandling"], to: "resolved", by: ["grid"], needs: ["note"] },
  { action: "resolve", from: ["communityDispatch"], to: "resolved", by: ["community"], needs: ["note"] },
  // Once every whistled department has reported (or its whistle was withdrawn): transitions.ts checks.
  { action: "resolve", from: ["whistled"], to: "resolved", by: ["community", "street"], needs: ["note"] },
  { action: "resolve", from: ["departmentHandling"], to: "resolved", by: ["department"], needs: ["note"] },
  // Return with a reason: one step back down (or back up, for a department that is not the right one).
  { action: "return", from: ["communityDispatch"], to: "gridHandling", by: ["community"], needs: ["note"] },
  { action: "return", from: ["streetReview"], to: "communityDispatch", by: ["street"], needs: ["note"] },
  {
    action: "return",
    from: ["departmentClaim", "departmentHandling"],
    to: "streetReview",
    by: ["department"],
    needs: ["note"],
  },
  // 群众评单: the resident rates (or the community records a phone follow-up); ≤ 2 reopens.
  { action: "rate", from: ["resolved"], to: "closed", by: ["reporter", "community"], needs: ["score"] },
  {
    action: "reopen",
    from: ["closed"],
    to: "communityDispatch",
    by: ["community", "reporter"],
    needs: ["note"],
  },
  { action: "merge", from: ACTIVE_LOW, to: "merged", by: ["grid", "community"], needs: ["masterId"] },
  { action: "withdraw", from: ["new", "gridHandling"], to: "withdrawn", by: ["reporter"] },
  // 督办/催办: the street or the district urges whoever holds an open case; the status stays.
  // The street does not urge itself: a case under street review is urged by the district.
  ...OPEN.map(
    (s): Transition => ({
      action: "supervise",
      from: [s],
      to: s,
      by: s === "streetReview" ? ["district"] : ["street", "district"],
    }),
  ),
];

/** A rating at or below this reopens the case for the community to look at again. */
export const LOW_RATING = 2;

/** The level that holds a case in each open status (SLA escalation goes one above it). */
export const LEVEL_OF: Partial<Record<CaseStatus, HandlerLevel>> = {
  new: "grid",
  gridHandling: "grid",
  communityDispatch: "community",
  whistled: "community",
  streetReview: "street",
  departmentClaim: "department",
  departmentHandling: "department",
};

export const LEVEL_ABOVE: Record<HandlerLevel, HandlerLevel> = {
  grid: "community",
  community: "street",
  street: "district",
  department: "district",
  district: "district",
};

export const OPEN_STATUSES = CASE_STATUSES.filter((s) => LEVEL_OF[s] !== undefined);
export const FINISHED_STATUSES: readonly CaseStatus[] = ["resolved", "closed", "merged", "withdrawn"];

export function transitionFor(action: CaseAction, from: CaseStatus): Transition | undefined {
  return TRANSITIONS.find((t) => t.action === action && t.from.includes(from));
}
