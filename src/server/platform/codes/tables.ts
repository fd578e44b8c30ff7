import { integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";

/** One counter per series and China day, for human codes such as `DD-20261125-0001`. */
export const dailyCounters = pgTable(
  "daily_counters",
  {
    series: text("series").notNull(),
    day: text("day").notNull(),
    n: integer("n").notNull(),
  },
  (t) => [primaryKey({ columns: [t.series, t.day] })],
);
