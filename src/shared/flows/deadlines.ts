import { type CaseStatus, OPEN_STATUSES } from "./cases.ts";

/**
 * A case runs against two deadlines: the response (someone must take it up) until it is first
 * responded to, and the resolution until it is resolved. Server and pages judge them here, so a
 * list, a detail and the overdue filter always agree on which deadline a case is late for.
 */
export type DeadlineKind = "response" | "resolve";

export interface CaseClock {
  status: CaseStatus;
  respondedAt: string | Date | null;
  responseDueAt: string | Date;
  resolveDueAt: string | Date;
}

export interface DeadlineState {
  kind: DeadlineKind;
  dueAt: number;
  /** Milliseconds from now to the deadline; negative once it has passed. */
  leftMs: number;
  late: boolean;
}

const ms = (at: string | Date) => (typeof at === "string" ? Date.parse(at) : at.getTime());

/** The deadlines still running for the case, earliest first (none once it is no longer open). */
export function runningDeadlines(c: CaseClock): Array<{ kind: DeadlineKind; dueAt: number }> {
  if (!OPEN_STATUSES.includes(c.status)) return [];
  const out: Array<{ kind: DeadlineKind; dueAt: number }> = [];
  if (c.respondedAt === null) out.push({ kind: "response", dueAt: ms(c.responseDueAt) });
  out.push({ kind: "resolve", dueAt: ms(c.resolveDueAt) });
  return out.sort((a, b) => a.dueAt - b.dueAt);
}

/**
 * The deadline to show: the one passed longest ago when any has passed (it says how late the case
 * is), else the next one to come. Null for a case that is no longer open.
 */
export function caseDeadline(c: CaseClock, now: number = Date.now()): DeadlineState | null {
  const running = runningDeadlines(c);
  const first = running[0];
  if (!first) return null;
  // Sorted earliest first: the first is both the longest passed and, when none passed, the next.
  return { kind: first.kind, dueAt: first.dueAt, leftMs: first.dueAt - now, late: first.dueAt < now };
}

/** Which deadline the case is late for, or null when it is on time (or no longer open). */
export function lateFor(c: CaseClock, now: number = Date.now()): DeadlineKind | null {
  const d = caseDeadline(c, now);
  return d?.late ? d.kind : null;
}
