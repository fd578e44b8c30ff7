import type { FigureDetail, WhistleFigures } from "../tables.ts";

/**
 * Upper bounds, in minutes, of the histogram buckets that response and resolution times fall in
 * (the last bucket is open). Medians and p90s are read from the histograms, so the figures add up
 * over any set of days and nodes; each lies within its bucket, which is finest where SLAs are short.
 */
export const MINUTE_BUCKETS = [
  5, 10, 15, 20, 30, 45, 60, 90, 120, 180, 240, 360, 480, 720, 1080, 1440, 2160, 2880, 4320, 7200, 10080,
  20160, 43200,
] as const;
const BUCKETS = MINUTE_BUCKETS.length + 1;

export function bucketOf(minutes: number): number {
  const i = MINUTE_BUCKETS.findIndex((upper) => minutes < upper);
  return i === -1 ? MINUTE_BUCKETS.length : i;
}

/**
 * The q-quantile of a histogram, interpolated linearly inside its bucket (the open last bucket
 * reports its lower bound); null when it is empty.
 */
export function quantile(histogram: readonly number[], q: number): number | null {
  const total = histogram.reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const rank = q * total;
  let below = 0;
  for (let i = 0; i < histogram.length; i++) {
    const n = histogram[i] ?? 0;
    if (n > 0 && below + n >= rank) {
      const lower = i === 0 ? 0 : (MINUTE_BUCKETS[i - 1] ?? 0);
      const upper = MINUTE_BUCKETS[i];
      if (upper === undefined) return lower;
      return Math.round(lower + ((rank - below) / n) * (upper - lower));
    }
    below += n;
  }
  return MINUTE_BUCKETS[MINUTE_BUCKETS.length - 1] ?? null;
}

export const emptyHistogram = () => new Array<number>(BUCKETS).fill(0);

export const emptyWhistleFigures = (): WhistleFigures => ({
  n: 0,
  reported: 0,
  overdue: 0,
  score: [0, 0, 0, 0, 0],
  response: emptyHistogram(),
});

export const emptyDetail = (): FigureDetail => ({
  status: {},
  category: {},
  channel: {},
  response: emptyHistogram(),
  resolution: emptyHistogram(),
  rating: [0, 0, 0, 0, 0],
  lateResponse: 0,
  lateResolution: 0,
  whistles: {},
});

/** A department's whistle figures in `detail`, added when missing. */
export function whistleFiguresOf(detail: FigureDetail, departmentId: string): WhistleFigures {
  let figures = detail.whistles[departmentId];
  if (!figures) {
    figures = emptyWhistleFigures();
    detail.whistles[departmentId] = figures;
  }
  return figures;
}

const addCounts = (into: Record<string, number>, from: Record<string, number>) => {
  for (const [k, n] of Object.entries(from)) into[k] = (into[k] ?? 0) + n;
};
const addArray = (into: number[], from: readonly number[]) => {
  for (let i = 0; i < from.length; i++) into[i] = (into[i] ?? 0) + (from[i] ?? 0);
};

/** Adds `from` into `into` (figures of disjoint sets of cases add up). */
export function addDetail(into: FigureDetail, from: FigureDetail): FigureDetail {
  addCounts(into.status, from.status);
  addCounts(into.category, from.category);
  addCounts(into.channel, from.channel);
  addArray(into.response, from.response);
  addArray(into.resolution, from.resolution);
  addArray(into.rating, from.rating);
  into.lateResponse += from.lateResponse;
  into.lateResolution += from.lateResolution;
  for (const [department, w] of Object.entries(from.whistles)) {
    const to = whistleFiguresOf(into, department);
    to.n += w.n;
    to.reported += w.reported;
    to.overdue += w.overdue;
    addArray(to.score, w.score);
    addArray(to.response, w.response);
  }
  return into;
}
