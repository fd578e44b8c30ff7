import type { TFunction } from "i18next";

const chinaMonth = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);

/** A ranking's period in words: 2026H2 → 2026年下半年, 2026Q4 → 2026年第4季度, 2026-11 → 2026年11月. */
export function periodLabel(t: TFunction, period: string): string {
  const year = period.slice(0, 4);
  const rest = period.slice(4);
  if (rest === "") return t("pointsRankings.periods.Y", { year });
  if (rest.startsWith("-")) return t("pointsRankings.periods.M", { year, m: Number(rest.slice(1)) });
  if (rest.startsWith("H"))
    return t(rest === "H1" ? "pointsRankings.periods.H1" : "pointsRankings.periods.H2", { year });
  return t("pointsRankings.periods.Q", { year, q: rest.slice(1) });
}

/** The periods one draws a ranking for: the last and this half, quarter, year and month, newest first. */
export function recentPeriods(): string[] {
  const m = chinaMonth();
  const year = Number(m.slice(0, 4));
  const month = Number(m.slice(5));
  const half = month <= 6 ? 1 : 2;
  const quarter = Math.ceil(month / 3);
  const pad = (n: number) => String(n).padStart(2, "0");
  return [
    `${year}H${half}`,
    half === 2 ? `${year}H1` : `${year - 1}H2`,
    `${year}Q${quarter}`,
    quarter > 1 ? `${year}Q${quarter - 1}` : `${year - 1}Q4`,
    `${year}`,
    `${year - 1}`,
    `${year}-${pad(month)}`,
    month > 1 ? `${year}-${pad(month - 1)}` : `${year - 1}-12`,
  ];
}
