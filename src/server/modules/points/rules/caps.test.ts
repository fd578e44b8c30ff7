import { describe, expect, it } from "vitest";
import { pointsFor } from "./award.ts";
import { capped, capWindow } from "./caps.ts";

describe("caps", () => {
  it("give what is left under the cap, never less than nothing", () => {
    expect(capped(10, null, 500)).toBe(10);
    expect(capped(10, 40, 0)).toBe(10);
    expect(capped(10, 40, 35)).toBe(5);
    expect(capped(10, 40, 40)).toBe(0);
    expect(capped(10, 40, 55)).toBe(0);
  });

  it("count periods in China time", () => {
    // 2026-12-31 17:00 UTC is already 2027-01-01 in China.
    const newYear = new Date("2026-12-31T17:00:00Z");
    expect(capWindow("day", newYear)).toMatchObject({ key: "2027-01-01", fromMonth: "2027-01" });
    expect(capWindow("day", newYear).day?.from.toISOString()).toBe("2026-12-31T16:00:00.000Z");
    expect(capWindow("month", newYear)).toEqual({ key: "2027-01", fromMonth: "2027-01", toMonth: "2027-01" });
    expect(capWindow("quarter", newYear)).toEqual({
      key: "2027Q1",
      fromMonth: "2027-01",
      toMonth: "2027-03",
    });
    expect(capWindow("quarter", new Date("2026-11-05T00:00:00Z"))).toMatchObject({
      key: "2026Q4",
      fromMonth: "2026-10",
      toMonth: "2026-12",
    });
    expect(capWindow("year", new Date("2026-06-01T00:00:00Z"))).toEqual({
      key: "2026",
      fromMonth: "2026-01",
      toMonth: "2026-12",
    });
  });

  it("count hours for per-hour rules, rounded to whole points", () => {
    expect(pointsFor({ points: 2, perHour: true }, 3)).toBe(6);
    expect(pointsFor({ points: 2, perHour: true }, 1.5)).toBe(3);
    expect(pointsFor({ points: 2, perHour: true }, 0)).toBe(0);
    expect(pointsFor({ points: 5, perHour: false }, 1)).toBe(5);
    expect(pointsFor({ points: 5, perHour: false }, 3)).toBe(15);
  });
});
