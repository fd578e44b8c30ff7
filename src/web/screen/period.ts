// The screen's periods, as the China calendar days the dashboard API takes (from/to inclusive).

export const PERIODS = ["last7", "last30", "month", "year"] as const;
export type Period = (typeof PERIODS)[number];
export const DEFAULT_PERIOD: Period = "last30";

export const isPeriod = (value: string | null): value is Period =>
  !!value && (PERIODS as readonly string[]).includes(value);

const DAY = 86_400_000;
const chinaDay = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** "2026-12-06": the day it is in China at `now`, wherever the browser thinks it is. */
export function todayInChina(now: Date): string {
  return chinaDay.format(now);
}

function minusDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - days * DAY).toISOString().slice(0, 10);
}

/** The first and last day of a period ending today (China time). */
export function rangeOf(period: Period, now: Date): { from: string; to: string } {
  const to = todayInChina(now);
  switch (period) {
    case "last7":
      return { from: minusDays(to, 6), to };
    case "last30":
      return { from: minusDays(to, 29), to };
    case "month":
      return { from: `${to.slice(0, 7)}-01`, to };
    case "year":
      return { from: `${to.slice(0, 4)}-01-01`, to };
  }
}
