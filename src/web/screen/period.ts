import { minusDays, monthStart, todayInChina } from "../common/china-day.ts";

// The screen's periods, as the China calendar days the dashboard API takes (from/to inclusive).

export const PERIODS = ["last7", "last30", "month", "year"] as const;
export type Period = (typeof PERIODS)[number];
export const DEFAULT_PERIOD: Period = "last30";

export const isPeriod = (value: string | null): value is Period =>
  !!value && (PERIODS as readonly string[]).includes(value);

/** The first and last day of a period ending today (China time). */
export function rangeOf(period: Period, now: Date): { from: string; to: string } {
  const to = todayInChina(now);
  switch (period) {
    case "last7":
      return { from: minusDays(to, 6), to };
    case "last30":
      return { from: minusDays(to, 29), to };
    case "month":
      return { from: monthStart(to), to };
    case "year":
      return { from: `${to.slice(0, 4)}-01-01`, to };
  }
}
