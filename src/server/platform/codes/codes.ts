import { sql } from "drizzle-orm";
import type { Executor } from "../db/index.ts";
import { dailyCounters } from "./tables.ts";

const CHINA_OFFSET_MS = 8 * 3_600_000;

/** The China calendar day of an instant, `20261125`. */
export const chinaDay = (at: Date) =>
  new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10).replaceAll("-", "");

/**
 * The next human code of a series: `${prefix}-${day}-${n}` with the day's running number padded to
 * four digits. One conditional upsert, so concurrent callers never get the same number; a number
 * taken by a transaction that rolls back is given back with it.
 */
export async function nextDailyCode(executor: Executor, series: string, prefix: string, at = new Date()) {
  const day = chinaDay(at);
  const [row] = await executor
    .insert(dailyCounters)
    .values({ series, day, n: 1 })
    .onConflictDoUpdate({
      target: [dailyCounters.series, dailyCounters.day],
      set: { n: sql`${dailyCounters.n} + 1` },
    })
    .returning({ n: dailyCounters.n });
  return `${prefix}-${day}-${String(row?.n ?? 1).padStart(4, "0")}`;
}
