import { describe, expect, it } from "vitest";
import { average, combine, DEFAULT_WEIGHTS, recordParts, rewardOf } from "./combine.ts";

describe("appraisal scores (pure)", () => {
  it("scales the record so the round's best is 100", () => {
    const parts = recordParts(
      new Map([
        ["a", 120],
        ["b", 60],
        ["c", -5],
      ]),
    );
    expect([...parts.values()]).toEqual([100, 50, 0]);
    expect([...recordParts(new Map([["a", 0]])).values()]).toEqual([0]);
  });

  it("weighs the four parts 60/10/15/15", () => {
    const r = combine({ record: 100, self: 90, peer: 80, resident: 70 }, DEFAULT_WEIGHTS);
    expect(r).toEqual({ total: 60 + 9 + 12 + 10.5, missing: [] });
  });

  it("spreads a missing side's weight over the others and names it", () => {
    const r = combine({ record: 100, self: 100, peer: null, resident: 50 }, DEFAULT_WEIGHTS);
    // 60·100 + 10·100 + 15·50 over 85
    expect(r.total).toBeCloseTo(7750 / 85, 2);
    expect(r.missing).toEqual(["peer"]);
  });

  it("rewards a tenth of the total, rounded, and averages a side", () => {
    expect(rewardOf(91.5)).toBe(9);
    expect(rewardOf(0)).toBe(0);
    expect(average([95, 85, 70])).toBe(83.33);
    expect(average([])).toBeNull();
  });
});
