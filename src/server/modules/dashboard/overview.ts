import type { Principal } from "../../platform/auth/index.ts";
import type { Db } from "../../platform/db/index.ts";
import { WORDS, wordFor } from "../../platform/i18n/words.ts";
import {
  dayStart,
  departmentsByIds,
  figuresRefreshedAt,
  listCategories,
  nodeFigures,
  openNow,
} from "../cases/index.ts";
import { orderTotals } from "../orders/index.ts";
import { householdCoverage } from "../people/index.ts";
import { volunteeringTotals } from "../volunteering/index.ts";
import { lastDay } from "./days.ts";
import { departmentWhistles, mean, ratio } from "./measures.ts";
import { type ViewQuery, viewOf } from "./view.ts";

// Names for people reading the raw answer; the pages name keys in their own language.
const zh = WORDS["zh-CN"];

/** A breakdown, largest first. */
const ranked = (
  counts: Record<string, number>,
  name: (key: string) => string | undefined = () => undefined,
) =>
  Object.entries(counts)
    .map(([key, n]) => ({ key, name: name(key) ?? key, n }))
    .sort((a, b) => b.n - a.n || a.key.localeCompare(b.key));

/**
 * D1 at a glance for one node and period: the cases received (by status, category and channel),
 * response and resolution times, satisfaction, whistles per department, and beside them what is
 * open and overdue now, the orders, volunteering and party members' reach over the households.
 */
export async function overview(db: Db, principal: Principal, q: ViewQuery) {
  const { node, range, trail } = await viewOf(db, principal, q);
  const from = dayStart(range.from);
  const to = dayStart(range.to);
  const figures = await nodeFigures(db, node.id, range);
  const [now, categories, departments, orders, volunteering, coverage, refreshedAt] = await Promise.all([
    openNow(db, node.path, 2),
    listCategories(db),
    departmentsByIds(db, Object.keys(figures.detail.whistles)),
    orderTotals(db, node.path, from, to),
    volunteeringTotals(db, node.path, from, to),
    householdCoverage(db, node.path),
    figuresRefreshedAt(db),
  ]);
  const { totals, detail } = figures;
  const live = [...now.values()].reduce(
    (a, b) => ({ open: a.open + b.open, overdue: a.overdue + b.overdue }),
    {
      open: 0,
      overdue: 0,
    },
  );
  const byDepartment = departments
    .map((d) => departmentWhistles(d, detail.whistles[d.id]))
    .sort((a, b) => b.whistles - a.whistles || a.code.localeCompare(b.code));
  const sum = (f: (d: (typeof byDepartment)[number]) => number) => byDepartment.reduce((a, d) => a + f(d), 0);
  return {
    node: { id: node.id, code: node.code, name: node.name, level: node.level },
    trail,
    from: range.from,
    to: lastDay(range),
    refreshedAt: refreshedAt?.toISOString() ?? null,
    cases: {
      received: totals.cases,
      open: totals.open,
      finished: totals.cases - totals.open,
      rated: totals.rated,
      satisfied: totals.satisfied,
      satisfactionRate: ratio(totals.satisfied, totals.rated),
      meanRating: mean(detail.rating),
      late: totals.late,
      lateResponse: detail.lateResponse,
      lateResolution: detail.lateResolution,
      responseMinutes: figures.responseMinutes,
      resolutionMinutes: figures.resolutionMinutes,
      byStatus: ranked(detail.status, (key) => wordFor(zh.cases.status, key) ?? undefined),
      byCategory: ranked(detail.category, (code) => categories.find((c) => c.code === code)?.name),
      byChannel: ranked(detail.channel, (key) => wordFor(zh.cases.channel, key) ?? undefined),
    },
    now: live,
    whistles: {
      total: totals.whistles,
      reported: sum((d) => d.reported),
      overdue: sum((d) => d.overdue),
      byDepartment,
    },
    orders,
    volunteering,
    coverage: { ...coverage, rate: ratio(coverage.covered, coverage.households) },
  };
}
export type Overview = Awaited<ReturnType<typeof overview>>;
