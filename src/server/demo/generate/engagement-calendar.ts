/** Time and people shared by the demo's 双报到 generators: China days and quarters, members. */

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const CHINA = 8 * HOUR;

/** The China day (YYYY-MM-DD) of an instant, and the instant a China day starts. */
export const chinaDay = (ms: number) => new Date(ms + CHINA).toISOString().slice(0, 10);
export const dayStart = (day: string) => Date.parse(`${day}T00:00:00+08:00`);

/** The quarter `back` quarters before the one holding `ms` (0: that one), and when it starts and ends. */
export function quarterOf(
  ms: number,
  back = 0,
): { year: number; quarter: number; start: number; end: number } {
  const day = chinaDay(ms);
  const index = Number(day.slice(0, 4)) * 4 + Math.floor((Number(day.slice(5, 7)) - 1) / 3) - back;
  const year = Math.floor(index / 4);
  const quarter = (index % 4) + 1;
  const month = (q: number, y: number) => `${y}-${String(3 * (q - 1) + 1).padStart(2, "0")}-01`;
  const start = dayStart(month(quarter, year));
  const end = quarter === 4 ? dayStart(`${year + 1}-01-01`) : dayStart(month(quarter + 1, year));
  return { year, quarter, start, end };
}

/** An in-service member of the demo, where he lives and works. */
export interface InServiceMember {
  key: string;
  /** His household (node key): where he serves and visits from. */
  home: string;
  grid: string;
  community: string;
  unitKey: string;
  accountPhone?: string;
}
