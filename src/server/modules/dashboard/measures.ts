import { quantile, type WhistleFigures } from "../cases/index.ts";

/** part ÷ whole to four places, or null when there is no whole (no ratings: no rate). */
export const ratio = (part: number, whole: number) => (whole > 0 ? Number((part / whole).toFixed(4)) : null);

/** The mean score of counts of scores 1 to 5 (index 0 to 4), or null when none. */
export const mean = (counts: readonly number[]) => {
  const n = counts.reduce((a, b) => a + b, 0);
  return n > 0 ? Number((counts.reduce((sum, c, i) => sum + c * (i + 1), 0) / n).toFixed(2)) : null;
};

/** One department's whistles (吹哨报到) as the command centre, its home page and its reports show them. */
export function departmentWhistles(
  d: { id: string; code: string; name: string },
  w: WhistleFigures | undefined,
) {
  const score = w?.score ?? [0, 0, 0, 0, 0];
  return {
    id: d.id,
    code: d.code,
    name: d.name,
    whistles: w?.n ?? 0,
    reported: w?.reported ?? 0,
    overdue: w?.overdue ?? 0,
    rated: score.reduce((a, b) => a + b, 0),
    meanScore: mean(score),
    scores: score,
    responseMinutes: {
      median: w ? quantile(w.response, 0.5) : null,
      p90: w ? quantile(w.response, 0.9) : null,
    },
  };
}
