import type { Principal } from "../../platform/auth/index.ts";
import type { Db } from "../../platform/db/index.ts";
import {
  figureTrend,
  listCategories,
  liveCases,
  nodesTotals,
  openNow,
  type TrendInterval,
} from "../cases/index.ts";
import { areasBelow, nodesByIds, type TerritoryLevel } from "../territory/index.ts";
import { daysBetween, lastDay } from "./days.ts";
import { ratio } from "./measures.ts";
import { type ViewQuery, viewOf } from "./view.ts";

/**
 * What a map of a node shows: a district or a street its communities, a community its grids, a
 * grid itself. Click a community, see its grids: the drill-down of the command centre.
 */
const AREA_LEVEL: Partial<Record<TerritoryLevel, TerritoryLevel>> = {
  district: "community",
  street: "community",
  community: "grid",
  grid: "grid",
};
// split_part index of a level's id in a path (/district/street/community/grid/).
const PATH_PART: Partial<Record<TerritoryLevel, number>> = { community: 4, grid: 5 };

/** The areas of a node's map with their figures: received, open and overdue now, satisfaction. */
export async function areaFigures(db: Db, principal: Principal, q: ViewQuery) {
  const view = await viewOf(db, principal, q);
  const level = AREA_LEVEL[view.node.level] ?? "grid";
  const areas = await areasBelow(db, view.node.path, level);
  const [totals, now] = await Promise.all([
    nodesTotals(
      db,
      areas.map((a) => a.id),
      view.range,
    ),
    openNow(db, view.node.path, PATH_PART[level] ?? 5),
  ]);
  const items = areas.map((a) => {
    const t = totals.get(a.id);
    const live = now.get(a.id);
    return {
      id: a.id,
      code: a.code,
      name: a.name,
      level: a.level,
      geometry: a.geometry,
      received: t?.cases ?? 0,
      open: live?.open ?? 0,
      overdue: live?.overdue ?? 0,
      late: t?.late ?? 0,
      rated: t?.rated ?? 0,
      satisfactionRate: t ? ratio(t.satisfied, t.rated) : null,
      whistles: t?.whistles ?? 0,
    };
  });
  return { node: view.node, trail: view.trail, from: view.range.from, to: lastDay(view.range), level, items };
}

/** Received, finished and rated per day or month; by day up to a quarter, by month beyond. */
export async function trend(db: Db, principal: Principal, q: ViewQuery & { interval?: TrendInterval }) {
  const { node, range } = await viewOf(db, principal, q);
  const days = daysBetween(range.from, range.to);
  const interval = q.interval ?? (days <= 92 ? "day" : "month");
  const points = await figureTrend(db, node.id, range, interval);
  return {
    node: { id: node.id, code: node.code, name: node.name, level: node.level },
    from: range.from,
    to: lastDay(range),
    interval,
    points: points.map((p) => ({
      period: p.period,
      received: p.cases,
      finished: p.cases - p.open,
      rated: p.rated,
      satisfied: p.satisfied,
      late: p.late,
      whistles: p.whistles,
    })),
  };
}

/** The newest cases and the longest overdue ones under a node, for the big screen's live list. */
export async function live(db: Db, principal: Principal, q: { node?: string; limit?: number }) {
  const { node } = await viewOf(db, principal, { node: q.node });
  const { latest, overdue } = await liveCases(db, node.path, q.limit ?? 10);
  const [categories, places] = await Promise.all([
    listCategories(db),
    nodesByIds(
      db,
      [...new Set([...latest, ...overdue].flatMap((c) => [c.gridId, c.communityId]))].filter(
        (id) => id !== null,
      ),
    ),
  ]);
  const present = (c: (typeof latest)[number]) => ({
    id: c.id,
    code: c.code,
    status: c.status,
    channel: c.channel,
    categoryName: categories.find((k) => k.code === c.categoryCode)?.name ?? c.categoryCode,
    description: c.description,
    placeName: places.find((p) => p.id === (c.gridId ?? c.communityId))?.name ?? null,
    createdAt: c.createdAt.toISOString(),
    resolveDueAt: c.resolveDueAt.toISOString(),
    responseDueAt: c.responseDueAt.toISOString(),
    respondedAt: c.respondedAt?.toISOString() ?? null,
    overdue: Boolean(c.overdue),
  });
  return { latest: latest.map(present), overdue: overdue.map(present), at: new Date().toISOString() };
}
