import { describe, expect, it } from "vitest";
import { daysOf, monthsOfPeriod } from "./period.ts";
import { topOf } from "./rank.ts";

describe("a ranking's top", () => {
  it("gives equal scores one rank and skips the places they take", () => {
    const top = topOf(
      [
        { holderId: "d", score: 80 },
        { holderId: "a", score: 95 },
        { holderId: "c", score: 90 },
        { holderId: "b", score: 90 },
        { holderId: "e", score: 70 },
      ],
      4,
    );
    expect(top.map((r) => [r.holderId, r.rank])).toEqual([
      ["a", 1],
      ["b", 2],
      ["c", 2],
      ["d", 4],
    ]);
  });

  it("keeps everyone tied for the last place", () => {
    const top = topOf(
      [
        { holderId: "a", score: 9 },
        { holderId: "b", score: 8 },
        { holderId: "c", score: 8 },
      ],
      2,
    );
    expect(top.map((r) => r.rank)).toEqual([1, 2, 2]);
    expect(topOf([], 10)).toEqual([]);
  });
});

describe("a ranking's period", () => {
  it("spans the months of a half, a quarter, a year or a month", () => {
    expect(monthsOfPeriod("2026H2")).toEqual({ from: "2026-07", to: "2026-12" });
    expect(monthsOfPeriod("2026H1")).toEqual({ from: "2026-01", to: "2026-06" });
    expect(monthsOfPeriod("2026Q4")).toEqual({ from: "2026-10", to: "2026-12" });
    expect(monthsOfPeriod("2026Q1")).toEqual({ from: "2026-01", to: "2026-03" });
    expect(monthsOfPeriod("2026")).toEqual({ from: "2026-01", to: "2026-12" });
    expect(monthsOfPeriod("2026-11")).toEqual({ from: "2026-11", to: "2026-11" });
    expect(monthsOfPeriod("2026H3")).toBeNull();
    expect(monthsOfPeriod("2026-13")).toBeNull();
  });

  it("runs from the first to the last day of its months", () => {
    expect(daysOf({ from: "2026-01", to: "2026-02" })).toEqual({ from: "2026-01-01", to: "2026-02-28" });
    expect(daysOf({ from: "2026-10", to: "2026-12" })).toEqual({ from: "2026-10-01", to: "2026-12-31" });
  });
});
