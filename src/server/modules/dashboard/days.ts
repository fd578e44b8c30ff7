import type { DayRange } from "../cases/index.ts";

/**
 * Arithmetic on China days (`2026-11-30`) with nothing else imported: the report renderers run
 * in worker threads and load this without the rest of the server.
 */
export const DAY_MS = 86_400_000;

/** Days from `from` to `to` (exclusive). */
export const daysBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / DAY_MS;

/** The last day of a range, inclusive, as the API answers it. */
export const lastDay = (range: Pick<DayRange, "to">) =>
  new Date(Date.parse(range.to) - DAY_MS).toISOString().slice(0, 10);
