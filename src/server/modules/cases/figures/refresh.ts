import { and, eq, gte, inArray, lt, sql } from "drizzle-orm";
import { bulkInsert, type Db, type Executor, rowsOf } from "../../../platform/db/index.ts";
import { OPEN_STATUSES } from "../flow.ts";
import { SATISFIED_RATING } from "../satisfaction.ts";
import { caseFigures, caseFiguresState, cases, whistles } from "../tables.ts";
import { addDetail, bucketOf, emptyDetail, whistleFiguresOf } from "./buckets.ts";

/**
 * The figures are rebuilt per China day from the cases created that day, for the days whose cases
 * or whistles changed since the last refresh, then per month from the days. A rebuild replaces
 * rather than adds, so reading a change twice is harmless. A refresh remembers when the oldest
 * transaction still open at its start began (its own start on PGlite, which has one connection):
 * what such a transaction writes after the refresh has read is read by the next one.
 */
// Timestamps set in the server process may run a little behind the database's clock.
const MARGIN_MS = 60_000;
/** Days rebuilt per query of the cases. */
const RUN_DAYS = 7;
// One refresh at a time across processes (pg_advisory_xact_lock): two would insert the same rows.
const LOCK = 73_290_801;
const OPEN = new Set<string>(OPEN_STATUSES);

type FigureRow = typeof caseFigures.$inferSelect;

/** Counts and breakdowns of no cases: what sums start from. */
export const emptyFigures = () => ({
  cases: 0,
  open: 0,
  rated: 0,
  satisfied: 0,
  late: 0,
  whistles: 0,
  detail: emptyDetail(),
});

const emptyRow = (grain: FigureRow["grain"], period: string, nodeId: string): FigureRow => ({
  grain,
  period,
  nodeId,
  ...emptyFigures(),
});

export const chinaDate = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
/** The instant a China day starts. */
export const dayStart = (day: string) => new Date(`${day}T00:00:00+08:00`);
export const nextDay = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const monthOf = (day: string) => `${day.slice(0, 7)}-01`;
const minutesBetween = (from: Date, to: Date) => (to.getTime() - from.getTime()) / 60_000;

/** Brings the figures up to date; `full` rebuilds every day. Returns how many days and months it rebuilt. */
export async function refreshCaseFigures(db: Db, options: { full?: boolean } = {}) {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${LOCK})`);
    const [clock] = rowsOf<{ since: Date | string }>(
      await tx.execute(sql`
        select least(now(), (select min(xact_start) from pg_stat_activity
          where datname = current_database() and xact_start is not null and pid <> pg_backend_pid())) as since`),
    );
    const startedAt = new Date(clock?.since ?? Date.now());
    const [state] = await tx.select().from(caseFiguresState);
    const since = options.full || !state ? null : new Date(state.refreshedThrough.getTime() - MARGIN_MS);
    const days = await changedDays(tx, since);
    for (const run of runsOf(days)) await rebuildDays(tx, run);
    const months = [...new Set(days.map(monthOf))];
    for (const month of months) await rebuildMonth(tx, month);
    await tx
      .insert(caseFiguresState)
      .values({ id: 1, refreshedThrough: startedAt })
      .onConflictDoUpdate({ target: caseFiguresState.id, set: { refreshedThrough: startedAt } });
    return { days: days.length, months: months.length };
  });
}

/** The China days on which the cases and whistles changed since `since` were created. */
async function changedDays(tx: Executor, since: Date | null): Promise<string[]> {
  const day = (column: unknown) => sql`((${column} at time zone 'Asia/Shanghai')::date)::text`;
  const when = (column: unknown) => (since ? sql`where ${column} >= ${since}` : sql``);
  const rows = rowsOf<{ day: string }>(
    await tx.execute(sql`
      select ${day(cases.createdAt)} as day from ${cases} ${when(cases.updatedAt)}
      union
      select ${day(whistles.createdAt)} from ${whistles} ${when(whistles.updatedAt)}
      order by 1`),
  );
  return rows.map((r) => r.day);
}

/** Consecutive days in runs of at most RUN_DAYS, each read with one range query. */
function runsOf(days: string[]): string[][] {
  const runs: string[][] = [];
  for (const day of days) {
    const run = runs[runs.length - 1];
    const last = run?.[run.length - 1];
    if (run && last && nextDay(last) === day && run.length < RUN_DAYS) run.push(day);
    else runs.push([day]);
  }
  return runs;
}

async function rebuildDays(tx: Executor, days: string[]): Promise<void> {
  const first = days[0] as string;
  const range = (column: typeof cases.createdAt | typeof whistles.createdAt) =>
    and(gte(column, dayStart(first)), lt(column, dayStart(nextDay(days[days.length - 1] as string))));
  const caseRows = await tx
    .select({
      path: cases.territoryPath,
      status: cases.status,
      category: cases.categoryCode,
      channel: cases.channel,
      createdAt: cases.createdAt,
      respondedAt: cases.respondedAt,
      resolvedAt: cases.resolvedAt,
      responseDueAt: cases.responseDueAt,
      resolveDueAt: cases.resolveDueAt,
      rating: cases.rating,
    })
    .from(cases)
    .where(range(cases.createdAt));
  const whistleRows = await tx
    .select({
      path: whistles.territoryPath,
      departmentId: whistles.departmentId,
      createdAt: whistles.createdAt,
      reportedAt: whistles.reportedAt,
      score: whistles.score,
      overdue: whistles.overdue,
    })
    .from(whistles)
    .where(range(whistles.createdAt));

  const rows = new Map<string, FigureRow>();
  const rowsOfCase = (path: string, at: Date) => {
    const period = chinaDate(at);
    return path
      .split("/")
      .filter(Boolean)
      .map((nodeId) => {
        const key = `${period}/${nodeId}`;
        return rowOf(rows, key, () => emptyRow("day", period, nodeId));
      });
  };
  for (const c of caseRows) {
    const response = c.respondedAt ? bucketOf(minutesBetween(c.createdAt, c.respondedAt)) : null;
    const resolution = c.resolvedAt ? bucketOf(minutesBetween(c.createdAt, c.resolvedAt)) : null;
    const lateResponse = c.respondedAt !== null && c.respondedAt > c.responseDueAt;
    const lateResolution = c.resolvedAt !== null && c.resolvedAt > c.resolveDueAt;
    for (const row of rowsOfCase(c.path, c.createdAt)) {
      const d = row.detail;
      row.cases++;
      if (OPEN.has(c.status)) row.open++;
      if (lateResponse || lateResolution) row.late++;
      d.status[c.status] = (d.status[c.status] ?? 0) + 1;
      d.category[c.category] = (d.category[c.category] ?? 0) + 1;
      d.channel[c.channel] = (d.channel[c.channel] ?? 0) + 1;
      if (response !== null) d.response[response] = (d.response[response] ?? 0) + 1;
      if (resolution !== null) d.resolution[resolution] = (d.resolution[resolution] ?? 0) + 1;
      if (lateResponse) d.lateResponse++;
      if (lateResolution) d.lateResolution++;
      if (c.rating !== null) {
        row.rated++;
        if (c.rating >= SATISFIED_RATING) row.satisfied++;
        d.rating[c.rating - 1] = (d.rating[c.rating - 1] ?? 0) + 1;
      }
    }
  }
  for (const w of whistleRows) {
    const response = w.reportedAt ? bucketOf(minutesBetween(w.createdAt, w.reportedAt)) : null;
    for (const row of rowsOfCase(w.path, w.createdAt)) {
      row.whistles++;
      const f = whistleFiguresOf(row.detail, w.departmentId);
      f.n++;
      if (w.reportedAt) f.reported++;
      if (w.overdue) f.overdue++;
      if (w.score !== null) f.score[w.score - 1] = (f.score[w.score - 1] ?? 0) + 1;
      if (response !== null) f.response[response] = (f.response[response] ?? 0) + 1;
    }
  }
  await tx.delete(caseFigures).where(and(eq(caseFigures.grain, "day"), inArray(caseFigures.period, days)));
  await bulkInsert(tx, caseFigures, [...rows.values()]);
}

/** A month's rows: the sum of its days' rows, node by node. */
async function rebuildMonth(tx: Executor, month: string): Promise<void> {
  const end = firstOfNextMonth(month);
  const days = await tx
    .select()
    .from(caseFigures)
    .where(and(eq(caseFigures.grain, "day"), gte(caseFigures.period, month), lt(caseFigures.period, end)));
  const sums = new Map<string, FigureRow>();
  for (const d of days) {
    addFigures(
      rowOf(sums, d.nodeId, () => emptyRow("month", month, d.nodeId)),
      d,
    );
  }
  await tx.delete(caseFigures).where(and(eq(caseFigures.grain, "month"), eq(caseFigures.period, month)));
  await bulkInsert(tx, caseFigures, [...sums.values()]);
}

function rowOf(rows: Map<string, FigureRow>, key: string, make: () => FigureRow): FigureRow {
  let row = rows.get(key);
  if (!row) {
    row = make();
    rows.set(key, row);
  }
  return row;
}

/** Adds the counts and breakdowns of `from` into `into`. */
export function addFigures<T extends Omit<FigureRow, "grain" | "period" | "nodeId">>(into: T, from: T): T {
  into.cases += from.cases;
  into.open += from.open;
  into.rated += from.rated;
  into.satisfied += from.satisfied;
  into.late += from.late;
  into.whistles += from.whistles;
  addDetail(into.detail, from.detail);
  return into;
}

/** `2026-11-01` → `2026-12-01`. */
export function firstOfNextMonth(month: string): string {
  const [y, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`;
}
