import { sql } from "drizzle-orm";
import { CHINA_OFFSET_MS, chinaDate, chinaMonth } from "../../../platform/china-time.ts";
import { type Executor, rowsOf } from "../../../platform/db/index.ts";
import { pointPostings } from "../ledger/tables.ts";
import type { CapPeriod } from "./tables.ts";

/**
 * The China-time period a cap counts in, as the months it spans (postings carry their month) and,
 * for a day, the instants it spans. `key` names the period (2026-12-08, 2026-12, 2026Q4, 2026).
 */
export interface CapWindow {
  key: string;
  fromMonth: string;
  toMonth: string;
  day?: { from: Date; to: Date };
}

export function capWindow(period: CapPeriod, at: Date): CapWindow {
  const month = chinaMonth(at);
  const year = month.slice(0, 4);
  switch (period) {
    case "day": {
      const date = chinaDate(at);
      const from = new Date(Date.parse(`${date}T00:00:00Z`) - CHINA_OFFSET_MS);
      return {
        key: date,
        fromMonth: month,
        toMonth: month,
        day: { from, to: new Date(from.getTime() + 86_400_000) },
      };
    }
    case "month":
      return { key: month, fromMonth: month, toMonth: month };
    case "quarter": {
      const q = Math.ceil(Number(month.slice(5, 7)) / 3);
      const first = String(q * 3 - 2).padStart(2, "0");
      const last = String(q * 3).padStart(2, "0");
      return { key: `${year}Q${q}`, fromMonth: `${year}-${first}`, toMonth: `${year}-${last}` };
    }
    case "year":
      return { key: year, fromMonth: `${year}-01`, toMonth: `${year}-12` };
  }
}

/** What may still be given under a cap of which `used` is taken: never below zero. */
export const capped = (points: number, cap: number | null | undefined, used: number): number =>
  cap == null ? points : Math.max(0, Math.min(points, cap - used));

/**
 * The points of a rule (by code, across versions) a holder already has in a cap's period: its
 * postings less their reversals, read from the (holder, rule code, month) index.
 */
export async function usedUnderCap(
  executor: Executor,
  holderAccountId: string,
  ruleCode: string,
  window: CapWindow,
): Promise<number> {
  const day = window.day
    ? sql` and ${pointPostings.at} >= ${window.day.from.toISOString()} and ${pointPostings.at} < ${window.day.to.toISOString()}`
    : sql``;
  const [row] = rowsOf<{ used: string | number | null }>(
    await executor.execute(sql`
      select coalesce(sum(case when ${pointPostings.kind} = 'reversal' then -${pointPostings.amount}
        else ${pointPostings.amount} end), 0) as used
      from ${pointPostings}
      where ${pointPostings.holderAccountId} = ${holderAccountId} and ${pointPostings.ruleCode} = ${ruleCode}
        and ${pointPostings.month} between ${window.fromMonth} and ${window.toMonth}${day}`),
  );
  return Number(row?.used ?? 0);
}
