import { describe, expect, it } from "vitest";
import { isAfterHours } from "../../modules/volunteering/schedule.ts";
import { generateDemo } from "./index.ts";
import { generateVolunteering } from "./volunteering.ts";

const NOW = Date.UTC(2026, 10, 25, 4);
const demo = generateDemo(undefined, NOW);

describe("the demo's volunteering", () => {
  const v = generateVolunteering(demo, NOW);

  it("is the same for the same seed and moment", () => {
    expect(JSON.stringify(generateVolunteering(demo, NOW))).toBe(JSON.stringify(v));
  });

  it("keeps the rules a live district would: capacity, waiting order, after-hours times, attendance", () => {
    for (const a of v.activities) {
      if (a.mode === "afterHours") expect(isAfterHours(new Date(a.startsAt)), a.title).toBe(true);
      const slots = new Map<number | undefined, typeof a.signups>();
      for (const s of a.signups) slots.set(s.slotStartsAt, [...(slots.get(s.slotStartsAt) ?? []), s]);
      for (const list of slots.values()) {
        expect(list.filter((s) => s.status === "confirmed").length).toBeLessThanOrEqual(a.capacity);
        const waiting = list.filter((s) => s.status === "waiting").map((s) => s.position);
        expect(waiting).toEqual(waiting.map((_, i) => i + 1));
      }
      for (const s of a.signups) {
        expect(s.signedUpAt).toBeLessThan(NOW);
        if (s.checkedInAt)
          expect(s.checkedInAt).toBeGreaterThanOrEqual((s.slotStartsAt ?? a.startsAt) - 30 * 60_000);
        if (s.checkedOutAt) expect(s.checkedOutAt).toBeGreaterThan(s.checkedInAt ?? Number.POSITIVE_INFINITY);
      }
      if (a.status === "cancelled") expect(a.signups.every((s) => !s.checkedInAt)).toBe(true);
    }
  });

  it("gives the first community six teams and upcoming activities of every mode, and the demo accounts a profile", () => {
    const first = demo.accountNodes.community;
    expect(v.teams.filter((t) => t.nodeKey === first)).toHaveLength(6);
    const upcoming = v.activities.filter((a) => a.startsAt > NOW);
    expect(new Set(upcoming.map((a) => a.mode))).toEqual(
      new Set(["fixedTime", "afterHours", "byAppointment"]),
    );
    expect(v.volunteers.filter((x) => x.account).map((x) => x.phone)).toEqual(["13800000006", "13800000007"]);
    expect(new Set(v.volunteers.map((x) => x.phone)).size).toBe(v.volunteers.length);
    expect(v.volunteers.length).toBeGreaterThan(150);
  });
});
