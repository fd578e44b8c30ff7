import type { Months } from "../ledger/score.ts";

/** 2026H2, 2026Q4, 2026 or 2026-11: the periods a ranking is drawn for. */
export const PERIOD_PATTERN = "^20[0-9]{2}(H[12]|Q[1-4]|-(0[1-9]|1[0-2]))?$";

const pad = (n: number) => String(n).padStart(2, "0");

/** The months a period spans (2026Q4 → 2026-10 … 2026-12), or null for anything else. */
export function monthsOfPeriod(period: string): Months | null {
  if (!new RegExp(PERIOD_PATTERN).test(period)) return null;
  const year = period.slice(0, 4);
  const rest = period.slice(4);
  if (rest === "") return { from: `${year}-01`, to: `${year}-12` };
  if (rest.startsWith("-")) return { from: period, to: period };
  const n = Number(rest.slice(1));
  const [first, length] = rest.startsWith("H") ? [(n - 1) * 6 + 1, 6] : [(n - 1) * 3 + 1, 3];
  return { from: `${year}-${pad(first)}`, to: `${year}-${pad(first + length - 1)}` };
}

/** The first and last China day of a span of months (2026-10 … 2026-12 → 2026-10-01, 2026-12-31). */
export function daysOf(months: Months): { from: string; to: string } {
  const [y, m] = months.to.split("-").map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${months.from}-01`, to: `${months.to}-${pad(last)}` };
}
