import type { Db } from "../../../platform/db/index.ts";
import { WORDS, wordFor } from "../../../platform/i18n/words.ts";
import {
  type DayRange,
  dayDetails,
  departmentsByIds,
  type FigureDetail,
  figureTrend,
  firstOfNextMonth,
  listCategories,
  nextDay,
  nodeFigures,
  nodesFigures,
  nodesTotals,
  openNow,
  quantile,
  SATISFIED_RATING,
} from "../../cases/index.ts";
import { areasBelow, districtOf } from "../../territory/index.ts";
import { departmentWhistles, mean, ratio } from "../measures.ts";
import type { reports } from "../tables.ts";
import type { NamedCount, ReportData } from "./data.ts";
import { percent } from "./format.ts";

type Report = typeof reports.$inferSelect;
const zh = WORDS["zh-CN"];

/** 95 minutes as "1小时35分", three days as "3天0小时": how long something took, for reading. */
export function duration(minutes: number | null): string {
  if (minutes === null) return "—";
  const m = Math.round(minutes);
  if (m < 60) return `${m}分钟`;
  if (m < 1440) return `${Math.floor(m / 60)}小时${m % 60}分`;
  return `${Math.floor(m / 1440)}天${Math.floor((m % 1440) / 60)}小时`;
}

const named = (counts: Record<string, number>, name: (key: string) => string) =>
  Object.entries(counts)
    .map(([key, n]): NamedCount => ({ name: name(key), n }))
    .sort((a, b) => b.n - a.n);
const scored = (score: readonly number[]) => score.reduce((a, b) => a + b, 0);
const satisfiedOf = (score: readonly number[]) =>
  score.slice(SATISFIED_RATING - 1).reduce((a, b) => a + b, 0);

/** A report's figures, from the same aggregates as the command centre. */
export async function gatherReport(db: Db, report: Report): Promise<ReportData> {
  const range = { from: report.periodStart, to: report.periodEnd };
  const common = {
    kind: report.kind,
    subjectType: report.subjectType,
    subjectName: report.subjectName,
    periodLabel: periodLabel(report),
    from: report.periodStart,
    to: report.periodEnd,
    generatedAt: new Date(),
  };
  return report.subjectType === "department"
    ? { ...common, ...(await departmentReport(db, report, range)) }
    : { ...common, ...(await areaReport(db, report, range, PARTS[report.subjectType])) };
}

/**
 * What an area's report lists below it, and that level's place in a path (openNow's `part`): a
 * community its grids, a street its communities, the district its streets.
 */
const PARTS = {
  community: { level: "grid", part: 5 },
  street: { level: "community", part: 4 },
  district: { level: "street", part: 3 },
} as const;

/**
 * A community's, a street's or the district's report: the same figures over the larger node (the
 * figure rows are kept for every level), and its parts as the areas.
 */
async function areaReport(
  db: Db,
  report: Report,
  range: DayRange,
  parts: (typeof PARTS)[keyof typeof PARTS],
) {
  const figures = await nodeFigures(db, report.subjectId, range);
  const { totals, detail } = figures;
  const [categories, trend, grids, now] = await Promise.all([
    listCategories(db),
    figureTrend(db, report.subjectId, range, report.kind === "monthly" ? "day" : "month"),
    areasBelow(db, report.territoryPath, parts.level),
    openNow(db, report.territoryPath, parts.part),
  ]);
  const gridTotals = await nodesTotals(
    db,
    grids.map((g) => g.id),
    range,
  );
  const whistled = Object.values(detail.whistles);
  return {
    summary: [
      { label: "受理诉求", value: String(totals.cases) },
      { label: "已办结", value: String(totals.cases - totals.open) },
      { label: "办结率", value: percent(ratio(totals.cases - totals.open, totals.cases)) },
      { label: "评价件数", value: String(totals.rated) },
      { label: "满意率", value: percent(ratio(totals.satisfied, totals.rated)) },
      { label: "平均评分", value: String(mean(detail.rating) ?? "—") },
      { label: "响应用时中位数", value: duration(figures.responseMinutes.median) },
      { label: "办结用时中位数", value: duration(figures.resolutionMinutes.median) },
      { label: "办结用时P90", value: duration(figures.resolutionMinutes.p90) },
      { label: "超时响应", value: String(detail.lateResponse) },
      { label: "超时办结", value: String(detail.lateResolution) },
      { label: "吹哨报到", value: String(totals.whistles) },
      { label: "部门已报到", value: String(whistled.reduce((a, w) => a + w.reported, 0)) },
    ],
    trend: trend.map((p) => ({
      period: p.period,
      cases: p.cases,
      closed: p.cases - p.open,
      satisfied: p.satisfied,
      rated: p.rated,
    })),
    byCategory: named(detail.category, (code) => categories.find((c) => c.code === code)?.name ?? code),
    byStatus: named(detail.status, (key) => wordFor(zh.cases.status, key) ?? key),
    byChannel: named(detail.channel, (key) => wordFor(zh.cases.channel, key) ?? key),
    areas: grids.map((g) => {
      const t = gridTotals.get(g.id);
      return {
        code: g.code,
        name: g.name,
        cases: t?.cases ?? 0,
        open: t?.open ?? 0,
        overdue: now.get(g.id)?.overdue ?? 0,
        late: t?.late ?? 0,
        satisfactionRate: t ? ratio(t.satisfied, t.rated) : null,
      };
    }),
    departments: await departmentRows(db, detail),
  };
}

async function departmentRows(db: Db, detail: FigureDetail) {
  const departments = await departmentsByIds(db, Object.keys(detail.whistles));
  return departments
    .map((d) => {
      const w = departmentWhistles(d, detail.whistles[d.id]);
      const { name, whistles, reported, overdue, meanScore } = w;
      return { name, whistles, reported, overdue, meanScore, medianMinutes: w.responseMinutes.median };
    })
    .sort((a, b) => b.whistles - a.whistles);
}

/** A department's report: the whistles it received across the district, by day and by community. */
async function departmentReport(db: Db, report: Report, range: DayRange) {
  const district = districtOf(report.territoryPath);
  const [days, whole, communities] = await Promise.all([
    dayDetails(db, district, range),
    nodeFigures(db, district, range),
    areasBelow(db, report.territoryPath, "community"),
  ]);
  const own = (detail: FigureDetail) => detail.whistles[report.subjectId];
  const trend = new Map<string, { cases: number; closed: number; satisfied: number; rated: number }>();
  const step = report.kind === "monthly" ? nextDay : firstOfNextMonth;
  for (let p = range.from; p < range.to; p = step(p))
    trend.set(p, { cases: 0, closed: 0, satisfied: 0, rated: 0 });
  for (const day of days) {
    const w = own(day.detail);
    const period = report.kind === "monthly" ? day.period : `${day.period.slice(0, 7)}-01`;
    const point = trend.get(period) ?? { cases: 0, closed: 0, satisfied: 0, rated: 0 };
    trend.set(period, {
      cases: point.cases + (w?.n ?? 0),
      closed: point.closed + (w?.reported ?? 0),
      satisfied: point.satisfied + (w ? satisfiedOf(w.score) : 0),
      rated: point.rated + (w ? scored(w.score) : 0),
    });
  }
  const byCommunity = await nodesFigures(
    db,
    communities.map((c) => c.id),
    range,
  );
  const areas = communities.flatMap((c) => {
    const detail = byCommunity.get(c.id)?.detail;
    const w = detail && own(detail);
    if (!w) return [];
    return [
      {
        code: c.code,
        name: c.name,
        cases: w.n,
        open: w.n - w.reported,
        overdue: w.overdue,
        late: w.overdue,
        satisfactionRate: ratio(satisfiedOf(w.score), scored(w.score)),
      },
    ];
  });
  const w = own(whole.detail);
  return {
    summary: [
      { label: "收到吹哨", value: String(w?.n ?? 0) },
      { label: "已报到", value: String(w?.reported ?? 0) },
      { label: "报到率", value: percent(w ? ratio(w.reported, w.n) : null) },
      { label: "超期", value: String(w?.overdue ?? 0) },
      { label: "评价件数", value: String(w ? scored(w.score) : 0) },
      { label: "满意率", value: percent(w ? ratio(satisfiedOf(w.score), scored(w.score)) : null) },
      { label: "平均评分", value: String((w && mean(w.score)) ?? "—") },
      { label: "报到用时中位数", value: duration(w ? quantile(w.response, 0.5) : null) },
      { label: "报到用时P90", value: duration(w ? quantile(w.response, 0.9) : null) },
    ],
    trend: [...trend.entries()].map(([period, p]) => ({ period, ...p })),
    byCategory: [],
    byStatus: [],
    byChannel: [],
    areas,
    departments: (await departmentRows(db, whole.detail)).filter((d) => d.name === report.subjectName),
  };
}

const QUARTERS = ["一", "二", "三", "四"];

/** 2026年11月, or 2026年第四季度. */
export function periodLabel(report: Pick<Report, "kind" | "periodStart">): string {
  const year = report.periodStart.slice(0, 4);
  const month = Number(report.periodStart.slice(5, 7));
  return report.kind === "monthly"
    ? `${year}年${month}月`
    : `${year}年第${QUARTERS[Math.floor((month - 1) / 3)]}季度`;
}
