/**
 * 年度考核 of paired units: four parts, each scored 0–100, weighted into a total. The reporting rate
 * and the feedback grade are scored on their own scale; services and wishes against the best unit
 * of the district in the year (the best gets 100), so a small district and a large one score alike.
 */
export const PARTS = ["reportRate", "services", "wishes", "feedback"] as const;
export type Part = (typeof PARTS)[number];

/** Percent of the total each part carries; shown in the response and on the page. */
export const WEIGHTS: Record<Part, number> = { reportRate: 40, services: 30, wishes: 10, feedback: 20 };

/** 优秀 4 … 较差 1, the feedback cards' grades as points. */
export const GRADE_POINTS: Record<string, number> = { excellent: 4, good: 3, fair: 2, poor: 1 };

export interface Figures {
  /** In-service members of the unit living in the community. */
  members: number;
  /** Of them, reported in (approved) this year. */
  reportedIn: number;
  services: number;
  hours: number;
  wishes: number;
  /** Average grade points of the year's cards (1–4), null without cards. */
  averageGrade: number | null;
}

export interface Scored {
  reportRate: number | null;
  parts: Record<Part, number>;
  score: number;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** Scores every row against the best of all of them (the district). */
export function scoreAll<T extends Figures>(rows: T[]): Array<T & Scored> {
  const most = (pick: (r: T) => number) => Math.max(0, ...rows.map(pick));
  const maxServices = most((r) => r.services);
  const maxWishes = most((r) => r.wishes);
  return rows.map((r) => {
    const reportRate = r.members > 0 ? Math.min(1, r.reportedIn / r.members) : null;
    const parts: Record<Part, number> = {
      reportRate: round1((reportRate ?? 0) * 100),
      services: maxServices > 0 ? round1((r.services / maxServices) * 100) : 0,
      wishes: maxWishes > 0 ? round1((r.wishes / maxWishes) * 100) : 0,
      feedback: r.averageGrade === null ? 0 : round1((r.averageGrade / 4) * 100),
    };
    const score = round1(PARTS.reduce((sum, p) => sum + (parts[p] * WEIGHTS[p]) / 100, 0));
    return { ...r, reportRate, parts, score };
  });
}

/** Ranks by score, highest first; equal scores share a rank (1, 1, 3). */
export function ranks<T extends { score: number }>(rows: T[]): Map<T, number> {
  const sorted = [...rows].sort((a, b) => b.score - a.score);
  const out = new Map<T, number>();
  sorted.forEach((r, i) => {
    const prev = sorted[i - 1];
    out.set(r, prev && prev.score === r.score ? (out.get(prev) as number) : i + 1);
  });
  return out;
}
