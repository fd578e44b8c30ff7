/** China Standard Time (UTC+8, no daylight saving): days, months and periods are counted in it. */
export const CHINA_OFFSET_MS = 8 * 3_600_000;

/** The China-time date of an instant: 2026-12-08. */
export const chinaDate = (at: Date): string =>
  new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);

/** The China-time month of an instant: 2026-12. */
export const chinaMonth = (at: Date): string => chinaDate(at).slice(0, 7);

/** The half-year a month falls in: 2026-12 → 2026H2. */
export const halfOf = (month: string): string =>
  `${month.slice(0, 4)}H${Number(month.slice(5, 7)) <= 6 ? 1 : 2}`;

/** The months of a half-year: 2026H2 → 2026-07 … 2026-12. */
export function monthsOfHalf(half: string): { from: string; to: string } {
  const year = half.slice(0, 4);
  return half.endsWith("1")
    ? { from: `${year}-01`, to: `${year}-06` }
    : { from: `${year}-07`, to: `${year}-12` };
}
