import { describe, expect, it } from "vitest";
import { type Figures, ranks, scoreAll, WEIGHTS } from "./score.ts";

const row = (f: Partial<Figures>): Figures => ({
  members: 10,
  reportedIn: 0,
  services: 0,
  hours: 0,
  wishes: 0,
  averageGrade: null,
  ...f,
});

describe("the units' yearly score", () => {
  it("weights add up to 100", () => {
    expect(Object.values(WEIGHTS).reduce((a, b) => a + b, 0)).toBe(100);
  });

  it("gives full marks to a unit that is best at everything", () => {
    const [best, other] = scoreAll([
      row({ reportedIn: 10, services: 20, wishes: 4, averageGrade: 4 }),
      row({ reportedIn: 5, services: 10, wishes: 0, averageGrade: 2 }),
    ]);
    expect(best?.score).toBe(100);
    // 50% reported (20) + half the services (15) + no wishes (0) + grade 2 of 4 (10).
    expect(other?.parts).toEqual({ reportRate: 50, services: 50, wishes: 0, feedback: 50 });
    expect(other?.score).toBe(45);
  });

  it("scores a unit without members or cards as zero for those parts, never NaN", () => {
    const [r] = scoreAll([row({ members: 0 })]);
    expect(r?.reportRate).toBeNull();
    expect(r?.score).toBe(0);
  });

  it("ranks equal scores equally", () => {
    const rows = [{ score: 50 }, { score: 80 }, { score: 50 }, { score: 10 }];
    const r = ranks(rows);
    expect(rows.map((x) => r.get(x))).toEqual([2, 1, 2, 4]);
  });
});
