// China calendar days ("2026-12-06") as the API takes them, whatever zone the browser is in.

const DAY = 86_400_000;
const chinaDay = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The day it is in China at `now`. */
export const todayInChina = (now: Date): string => chinaDay.format(now);

export const minusDays = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) - days * DAY).toISOString().slice(0, 10);

/** The first day of the month `months` after the one `day` is in (negative: before). */
export function monthStart(day: string, months = 0): string {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7)) - 1 + months;
  return new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
}
