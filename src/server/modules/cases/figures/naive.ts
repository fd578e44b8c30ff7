import { sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { type Db, rowsOf } from "../../../platform/db/index.ts";
import { OPEN_STATUSES } from "../flow.ts";
import { SATISFIED_RATING } from "../satisfaction.ts";
import { cases, whistles } from "../tables.ts";
import { dayStart } from "./refresh.ts";
import type { DayRange } from "./service.ts";

/**
 * The same figures straight from the cases with GROUP BY, as a dashboard without aggregates would
 * read them: the reference the aggregates are tested against, and the baseline of the bench.
 */
export async function naiveFigures(db: Db, path: string, range: DayRange) {
  const where = sql`${cases.territoryPath} like ${`${path}%`} and ${cases.createdAt} >= ${dayStart(range.from)} and ${cases.createdAt} < ${dayStart(range.to)}`;
  const open = sql.join(
    OPEN_STATUSES.map((s) => sql`${s}`),
    sql`, `,
  );
  const minutes = (column: AnyPgColumn) => sql`extract(epoch from (${column} - ${cases.createdAt})) / 60`;
  const [totals] = rowsOf<{
    cases: number;
    open: number;
    rated: number;
    satisfied: number;
    late: number;
    response_median: number | null;
    response_p90: number | null;
    resolution_median: number | null;
    resolution_p90: number | null;
  }>(
    await db.execute(sql`
      select count(*)::int as cases,
        (count(*) filter (where ${cases.status} in (${open})))::int as open,
        count(${cases.rating})::int as rated,
        (count(*) filter (where ${cases.rating} >= ${SATISFIED_RATING}))::int as satisfied,
        (count(*) filter (where ${cases.respondedAt} > ${cases.responseDueAt} or ${cases.resolvedAt} > ${cases.resolveDueAt}))::int as late,
        percentile_disc(0.5) within group (order by ${minutes(cases.respondedAt)}) as response_median,
        percentile_disc(0.9) within group (order by ${minutes(cases.respondedAt)}) as response_p90,
        percentile_disc(0.5) within group (order by ${minutes(cases.resolvedAt)}) as resolution_median,
        percentile_disc(0.9) within group (order by ${minutes(cases.resolvedAt)}) as resolution_p90
      from ${cases} where ${where}`),
  );
  const breakdown = async (column: AnyPgColumn) =>
    Object.fromEntries(
      rowsOf<{ key: string; n: number }>(
        await db.execute(
          sql`select ${column} as key, count(*)::int as n from ${cases} where ${where} group by 1`,
        ),
      ).map((r) => [r.key, r.n]),
    );
  const [whistled] = rowsOf<{ n: number }>(
    await db.execute(sql`
      select count(*)::int as n from ${whistles}
      where ${whistles.territoryPath} like ${`${path}%`} and ${whistles.createdAt} >= ${dayStart(range.from)} and ${whistles.createdAt} < ${dayStart(range.to)}`),
  );
  return {
    totals,
    whistles: whistled?.n ?? 0,
    status: await breakdown(cases.status),
    category: await breakdown(cases.categoryCode),
    channel: await breakdown(cases.channel),
  };
}
