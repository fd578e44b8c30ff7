import { describe, expect, it } from "vitest";
import { type CaseClock, caseDeadline, lateFor } from "./deadlines.ts";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const now = Date.parse("2026-12-07T10:00:00Z");
const at = (ms: number) => new Date(now + ms).toISOString();

/** A case filed `ago` before now with a 2-hour response and a 3-day resolution deadline. */
const filed = (ago: number, more: Partial<CaseClock> = {}): CaseClock => ({
  status: "new",
  respondedAt: null,
  responseDueAt: at(-ago + 2 * HOUR),
  resolveDueAt: at(-ago + 3 * DAY),
  ...more,
});

describe("which deadline a case is judged by", () => {
  it("reads a case filed today, not yet taken up, as late for its response by hours, not 3 days", () => {
    const d = caseDeadline(filed(5 * HOUR), now);
    expect(d).toMatchObject({ kind: "response", late: true });
    expect(d?.leftMs).toBe(-3 * HOUR);
    expect(lateFor(filed(5 * HOUR), now)).toBe("response");
  });

  it("forgets the response deadline once someone has taken the case up", () => {
    const c = filed(5 * HOUR, { status: "gridHandling", respondedAt: at(-4 * HOUR) });
    const d = caseDeadline(c, now);
    expect(d).toMatchObject({ kind: "resolve", late: false });
    expect(d?.leftMs).toBe(3 * DAY - 5 * HOUR);
    // Not late: nothing beside a resolution deadline three days away may say 已超时.
    expect(lateFor(c, now)).toBeNull();
  });

  it("shows the response deadline first while it is ahead, then the resolution", () => {
    expect(caseDeadline(filed(HOUR), now)).toMatchObject({ kind: "response", late: false, leftMs: HOUR });
    const late = filed(4 * DAY, { status: "gridHandling", respondedAt: at(-4 * DAY + HOUR) });
    expect(caseDeadline(late, now)).toMatchObject({ kind: "resolve", late: true, leftMs: -DAY });
  });

  it("counts lateness from the deadline missed first when both have passed", () => {
    const c = filed(4 * DAY);
    expect(caseDeadline(c, now)).toMatchObject({ kind: "response", leftMs: -(4 * DAY - 2 * HOUR) });
  });

  it("has no deadline running once resolved, closed, merged or withdrawn", () => {
    for (const status of ["resolved", "closed", "merged", "withdrawn"] as const) {
      expect(caseDeadline(filed(5 * DAY, { status }), now)).toBeNull();
      expect(lateFor(filed(5 * DAY, { status }), now)).toBeNull();
    }
  });
});
