import { minusDays, monthStart, todayInChina } from "../../../common/china-day.ts";

// The periods the toolbar offers, as the China calendar days the dashboard API takes (from/to inclusive).

export const PRESETS = ["last7", "last30", "thisMonth", "lastMonth", "thisQuarter", "thisYear"] as const;
export type Preset = (typeof PRESETS)[number];

export interface DayRange {
  from: string;
  to: string;
}

/** The first and last day of a preset, up to today where the period is still running. */
export function presetRange(preset: Preset, now: Date): DayRange {
  const to = todayInChina(now);
  switch (preset) {
    case "last7":
      return { from: minusDays(to, 6), to };
    case "last30":
      return { from: minusDays(to, 29), to };
    case "thisMonth":
      return { from: monthStart(to), to };
    case "lastMonth":
      return { from: monthStart(to, -1), to: minusDays(monthStart(to), 1) };
    case "thisQuarter": {
      const month = Number(to.slice(5, 7)) - 1;
      return { from: monthStart(to, -(month % 3)), to };
    }
    case "thisYear":
      return { from: `${to.slice(0, 4)}-01-01`, to };
  }
}
