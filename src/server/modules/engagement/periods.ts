/** China calendar days and quarters: a member's services are counted by the quarter he did them in. */
export { chinaDate } from "../../platform/china-time.ts";

export interface Quarter {
  year: number;
  quarter: number;
}

/** The quarter a China day ("2026-11-25") lies in. */
export const quarterOf = (day: string): Quarter => ({
  year: Number(day.slice(0, 4)),
  quarter: Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1,
});

/** The first and last day of a quarter, "2026-10-01" … "2026-12-31". */
export function quarterDays({ year, quarter }: Quarter): { from: string; to: string } {
  const first = (quarter - 1) * 3 + 1;
  const last = new Date(Date.UTC(year, first + 2, 0)).getUTCDate();
  const mm = (m: number) => String(m).padStart(2, "0");
  return { from: `${year}-${mm(first)}-01`, to: `${year}-${mm(first + 2)}-${last}` };
}
