// The periods the toolbar offers, as the China calendar days the dashboard API takes (from/to inclusive).

export const PRESETS = ["last7", "last30", "thisMonth", "lastMonth", "thisQuarter", "thisYear"] as const;
export type Preset = (typeof PRESETS)[number];

export interface DayRange {
  from: string;
  to: string;
}

const DAY = 86_400_000;
const chinaDay = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** "2026-12-06": the day it is in China at `now`, wherever the browser thinks it is. */
export const todayInChina = (now: Date): string => chinaDay.format(now);

const minusDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) - days * DAY).toISOString().slice(0, 10);

/** The first day of the month `months` after the one `day` is in (negative: before). */
function monthStart(day: string, months = 0): string {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7)) - 1 + months;
  return new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
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
