import type { TFunction } from "i18next";

const HOUR = 60;
const DAY = 24 * HOUR;

/** "45分钟", "17小时15分", "3天4小时": two units at most, the larger first; "—" without a value. */
export function minutesText(t: TFunction, minutes: number | null | undefined): string {
  if (minutes === null || minutes === undefined) return t("common.none");
  const total = Math.max(0, Math.round(minutes));
  if (total < HOUR) return t("dashboard.duration.minutes", { m: total });
  if (total < DAY) {
    const h = Math.floor(total / HOUR);
    const m = total % HOUR;
    return m === 0 ? t("dashboard.duration.hours", { h }) : t("dashboard.duration.hoursMinutes", { h, m });
  }
  const d = Math.floor(total / DAY);
  const h = Math.round((total % DAY) / HOUR);
  // 2 days 23.6 hours rounds to 3 days, not "2天24小时".
  if (h === 24) return t("dashboard.duration.days", { d: d + 1 });
  return h === 0 ? t("dashboard.duration.days", { d }) : t("dashboard.duration.daysHours", { d, h });
}

/** 0.9412 → "94.1%"; "—" when there is nothing to divide. */
export function percentText(t: TFunction, language: string, rate: number | null | undefined): string {
  if (rate === null || rate === undefined) return t("common.none");
  return new Intl.NumberFormat(language, { style: "percent", maximumFractionDigits: 1 }).format(rate);
}

/** "12:03" today, "12-05 12:03" on an earlier day: when the figures were last summed up. */
export function clockText(iso: string, now = new Date()): string {
  const at = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  const time = `${pad(at.getHours())}:${pad(at.getMinutes())}`;
  return at.toDateString() === now.toDateString()
    ? time
    : `${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${time}`;
}
