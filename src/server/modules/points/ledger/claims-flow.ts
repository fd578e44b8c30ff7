import type { Principal } from "../../../platform/auth/index.ts";
import { scopePaths } from "../../../platform/auth/index.ts";
import { chinaDate, chinaMonth } from "../../../platform/china-time.ts";
import type { ClaimStatus } from "./tables.ts";

/** A claim is decided once: pending → approved or rejected, and nothing after. */
export const CLAIM_MOVES: Readonly<Record<ClaimStatus, readonly ClaimStatus[]>> = {
  pending: ["approved", "rejected"],
  approved: [],
  rejected: [],
};

export const canMove = (from: ClaimStatus, to: ClaimStatus) => CLAIM_MOVES[from].includes(to);

/**
 * Who may decide a claim: whoever holds the rule's approver role over the claim's territory (its
 * 积分制管理小组), or points.manage there when the rule names none — never its submitter (four eyes).
 */
export function approverProblem(
  principal: Pick<Principal, "userId" | "roles">,
  claim: { approverRole: string | null; territoryPath: string; submittedBy: string },
): "OWN_CLAIM" | "NOT_APPROVER" | null {
  const over = (nodePath: string) => claim.territoryPath.startsWith(nodePath);
  const holds = claim.approverRole
    ? principal.roles.some((r) => r.role === claim.approverRole && over(r.nodePath))
    : scopePaths(principal as Principal, "points.manage").some(over);
  if (!holds) return "NOT_APPROVER";
  if (claim.submittedBy === principal.userId) return "OWN_CLAIM";
  return null;
}

/** The month before a China-time month: 2027-01 → 2026-12. */
export function previousMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, "0")}`;
}

/**
 * A deed may be entered on the day it happened or later, within this month or the one before
 * (the monthly 一月一统计 closes the month after).
 */
export function happenedOnProblem(happenedOn: string, now: Date): "future" | "tooOld" | null {
  if (happenedOn > chinaDate(now)) return "future";
  if (happenedOn.slice(0, 7) < previousMonth(chinaMonth(now))) return "tooOld";
  return null;
}
