import { and, asc, desc, eq, gte, inArray, lt, or, type SQL, sql } from "drizzle-orm";
import { type Db, rowsOf } from "../../../platform/db/index.ts";
import { OPEN_STATUSES } from "../flow.ts";
import { lateSince, overdueSql } from "../service.ts";
import { caseFigures, caseFiguresState, cases, whistles } from "../tables.ts";
import { quantile } from "./buckets.ts";
import { addFigures, emptyFigures, firstOfNextMonth, nextDay } from "./refresh.ts";

/** China days, `to` exclusive: `{from: "2026-11-01", to: "2026-12-01"}` is November. */
export interface DayRange {
  from: string;
  to: string;
}

const monthOf = (day: string) => `${day.slice(0, 7)}-01`;

/**
 * The figure rows that cover a range: its whole months from the month rows, the days before the
 * first and after the last whole month from the day rows. Three years are 36 rows, not 1,096.
 */
function covering({ from, to }: DayRange): SQL {
  const firstWhole = from === monthOf(from) ? from : firstOfNextMonth(monthOf(from));
  const wholeEnd = monthOf(to);
  const days = (a: string, b: string) =>
    and(eq(caseFigures.grain, "day"), gte(caseFigures.period, a), lt(caseFigures.period, b)) as SQL;
  if (firstWhole >= wholeEnd) return days(from, to);
  return or(
    and(
      eq(caseFigures.grain, "month"),
      gte(caseFigures.period, firstWhole),
      lt(caseFigures.period, wholeEnd),
    ),
    days(from, firstWhole),
    days(wholeEnd, to),
  ) as SQL;
}

const totalColumns = {
  cases: sql<number>`coalesce(sum(${caseFigures.cases}), 0)::int`,
  open: sql<number>`coalesce(sum(${caseFigures.open}), 0)::int`,
  rated: sql<number>`coalesce(sum(${caseFigures.rated}), 0)::int`,
  satisfied: sql<number>`coalesce(sum(${caseFigures.satisfied}), 0)::int`,
  late: sql<number>`coalesce(sum(${caseFigures.late}), 0)::int`,
  whistles: sql<number>`coalesce(sum(${caseFigures.whistles}), 0)::int`,
};
export type FigureTotals = { [K in keyof typeof totalColumns]: number };

/** Totals and breakdowns of the cases created in `range` under one node. */
export async function nodeFigures(db: Db, nodeId: string, range: DayRange) {
  return figuresOf((await nodesFigures(db, [nodeId], range)).get(nodeId));
}

/** Totals and breakdowns under each of several nodes, in one query (nodes without cases are left out). */
export async function nodesFigures(db: Db, nodeIds: string[], range: DayRange) {
  const sums = new Map<string, Omit<typeof caseFigures.$inferSelect, "grain" | "period" | "nodeId">>();
  if (nodeIds.length === 0) return sums;
  const rows = await db
    .select()
    .from(caseFigures)
    .where(and(inArray(caseFigures.nodeId, nodeIds), covering(range)));
  for (const { grain: _g, period: _p, nodeId, ...row } of rows) {
    const sum = sums.get(nodeId);
    if (sum) addFigures(sum, row);
    else sums.set(nodeId, addFigures(emptyFigures(), row));
  }
  return sums;
}

/** A node's sums with the medians and p90s read from its histograms. */
function figuresOf(sum = emptyFigures()) {
  const { detail, ...totals } = sum;
  const minutes = (h: number[]) => ({
    count: h.reduce((a, b) => a + b, 0),
    median: quantile(h, 0.5),
    p90: quantile(h, 0.9),
  });
  return {
    totals,
    detail,
    responseMinutes: minutes(detail.response),
    resolutionMinutes: minutes(detail.resolution),
  };
}

/** Totals of several nodes at once (a map, a ranking), without breakdowns. */
export async function nodesTotals(db: Db, nodeIds: string[], range: DayRange) {
  if (nodeIds.length === 0) return new Map<string, FigureTotals>();
  const rows = await db
    .select({ nodeId: caseFigures.nodeId, ...totalColumns })
    .from(caseFigures)
    .where(and(inArray(caseFigures.nodeId, nodeIds), covering(range)))
    .groupBy(caseFigures.nodeId);
  return new Map(rows.map(({ nodeId, ...totals }) => [nodeId, totals]));
}

export const TREND_INTERVALS = ["day", "month"] as const;
export type TrendInterval = (typeof TREND_INTERVALS)[number];

/** Totals per day or per month of `range` under one node, every period present (zeros included). */
export async function figureTrend(db: Db, nodeId: string, range: DayRange, interval: TrendInterval) {
  const period =
    interval === "day" ? caseFigures.period : sql<string>`to_char(${caseFigures.period}, 'YYYY-MM-01')`;
  const rows = await db
    .select({ period: sql<string>`${period}`, ...totalColumns })
    .from(caseFigures)
    .where(
      and(
        eq(caseFigures.nodeId, nodeId),
        interval === "day"
          ? and(
              eq(caseFigures.grain, "day"),
              gte(caseFigures.period, range.from),
              lt(caseFigures.period, range.to),
            )
          : covering(range),
      ),
    )
    .groupBy(period);
  const byPeriod = new Map(rows.map(({ period, ...totals }) => [String(period), totals]));
  const periods: string[] = [];
  const step = interval === "day" ? nextDay : (d: string) => firstOfNextMonth(d);
  for (let p = interval === "day" ? range.from : monthOf(range.from); p < range.to; p = step(p))
    periods.push(p);
  const zero = { cases: 0, open: 0, rated: 0, satisfied: 0, late: 0, whistles: 0 };
  return periods.map((p) => ({ period: p, ...(byPeriod.get(p) ?? zero) }));
}

/** When the figures were last brought up to date (null before the first refresh). */
export async function figuresRefreshedAt(db: Db): Promise<Date | null> {
  const [state] = await db.select().from(caseFiguresState);
  return state?.refreshedThrough ?? null;
}

/**
 * Open and overdue cases now, per node at one depth of the paths under `path` (`part` is the
 * split_part index: 2 the district, 3 a street, 4 a community, 5 a grid), read live: only open
 * cases are read, through their partial index.
 */
export async function openNow(db: Db, path: string, part: number) {
  const node = sql<string>`split_part(${cases.territoryPath}, '/', ${sql.raw(String(part))})`;
  const rows = rowsOf<{ node: string; open: number; overdue: number }>(
    await db.execute(sql`
      select ${node} as node, count(*)::int as open, (count(*) filter (where ${overdueSql}))::int as overdue
      from ${cases}
      where ${inArray(cases.status, OPEN_STATUSES)} and ${cases.territoryPath} like ${`${path}%`}
      group by 1`),
  );
  return new Map(rows.map((r) => [r.node, { open: r.open, overdue: r.overdue }]));
}

/** The newest cases and the longest overdue ones under `path`, for a live list. */
export async function liveCases(db: Db, path: string, limit: number) {
  const columns = {
    id: cases.id,
    code: cases.code,
    categoryCode: cases.categoryCode,
    channel: cases.channel,
    status: cases.status,
    description: cases.description,
    gridId: cases.gridId,
    communityId: cases.communityId,
    createdAt: cases.createdAt,
    resolveDueAt: cases.resolveDueAt,
    responseDueAt: cases.responseDueAt,
    respondedAt: cases.respondedAt,
    overdue: overdueSql,
  };
  const under = sql`${cases.territoryPath} like ${`${path}%`}`;
  const [latest, overdue] = await Promise.all([
    db.select(columns).from(cases).where(under).orderBy(desc(cases.createdAt)).limit(limit),
    db
      .select(columns)
      .from(cases)
      .where(and(under, inArray(cases.status, OPEN_STATUSES), overdueSql))
      .orderBy(asc(lateSince), asc(cases.id))
      .limit(limit),
  ]);
  return { latest, overdue };
}

/** Whistles still awaiting each department's report now, and how many of them are past their deadline. */
export async function whistlesNow(db: Db, departmentIds: string[]) {
  if (departmentIds.length === 0) return new Map<string, { open: number; overdue: number }>();
  const waiting = inArray(whistles.status, ["pending", "accepted"]);
  const rows = await db
    .select({
      departmentId: whistles.departmentId,
      open: sql<number>`count(*)::int`,
      overdue: sql<number>`(count(*) filter (where ${whistles.deadline} < now()))::int`,
    })
    .from(whistles)
    .where(and(inArray(whistles.departmentId, departmentIds), waiting))
    .groupBy(whistles.departmentId);
  return new Map(rows.map(({ departmentId, ...now }) => [departmentId, now]));
}

/** The day rows of one node over a range, with their breakdowns (a department's own trend). */
export async function dayDetails(db: Db, nodeId: string, range: DayRange) {
  return db
    .select({ period: caseFigures.period, detail: caseFigures.detail })
    .from(caseFigures)
    .where(
      and(
        eq(caseFigures.nodeId, nodeId),
        eq(caseFigures.grain, "day"),
        gte(caseFigures.period, range.from),
        lt(caseFigures.period, range.to),
      ),
    )
    .orderBy(asc(caseFigures.period));
}
