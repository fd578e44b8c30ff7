import { and, gte, lt, type SQL, sql } from "drizzle-orm";
import type { Principal } from "../../platform/auth/index.ts";
import { type Db, rowsOf } from "../../platform/db/index.ts";
import { nodesByIds, scopedTo } from "../territory/index.ts";
import { categoryLookup, listOrderCategories } from "./categories.ts";
import { orders } from "./tables.ts";

export const STATS_BY = ["community", "grid", "category"] as const;
export type StatsBy = (typeof STATS_BY)[number];

// Paths are /district/street/community/grid/: the community is the third id, the grid the fourth.
const KEY: Record<StatsBy, SQL> = {
  community: sql`split_part(${orders.territoryPath}, '/', 4)`,
  grid: sql`split_part(${orders.territoryPath}, '/', 5)`,
  category: sql`${orders.categoryCode}`,
};

interface Figures {
  key: string;
  published: number;
  grabbed: number;
  completed: number;
  missed: number;
  minutes_to_grab: number | null;
  minutes_to_arrive: number | null;
  rating: number | null;
}

const round = (v: number | string | null, digits: number) =>
  v === null ? null : Number(Number(v).toFixed(digits));

/**
 * Per community, grid or category in the caller's scope: published, grabbed (held or served now),
 * completed, missed deadlines, the mean minutes from publishing to the grab and from the grab to
 * arriving, and the mean rating. Orders published at community level have no grid (key "").
 */
export async function orderStats(
  db: Db,
  principal: Principal,
  f: { by?: StatsBy; underId?: string; from?: string; to?: string },
) {
  const by = f.by ?? "community";
  const conditions = await scopedTo(db, principal, "orders.publish", orders.territoryPath, f.underId);
  if (f.from) conditions.push(gte(orders.createdAt, new Date(f.from)));
  if (f.to) conditions.push(lt(orders.createdAt, new Date(f.to)));
  const rows = rowsOf<Figures>(
    await db.execute(sql`
      select ${KEY[by]} as key,
        count(*)::int as published,
        count(*) filter (where ${orders.status} in ('grabbed', 'onSite', 'completed', 'rated'))::int as grabbed,
        count(*) filter (where ${orders.status} in ('completed', 'rated'))::int as completed,
        coalesce(sum(${orders.misses}), 0)::int as missed,
        avg(extract(epoch from ${orders.grabbedAt} - ${orders.createdAt}) / 60) as minutes_to_grab,
        avg(extract(epoch from ${orders.arrivedAt} - ${orders.grabbedAt}) / 60) as minutes_to_arrive,
        avg(${orders.score}) as rating
      from ${orders} where ${and(...conditions)}
      group by 1 order by 1`),
  );
  const names = await namesOf(
    db,
    by,
    rows.map((r) => r.key),
  );
  const items = rows.map((r) => ({
    key: r.key,
    ...(names.get(r.key) ?? { code: null, name: null }),
    published: r.published,
    grabbed: r.grabbed,
    completed: r.completed,
    missed: r.missed,
    minutesToGrab: round(r.minutes_to_grab, 1),
    minutesToArrive: round(r.minutes_to_arrive, 1),
    averageRating: round(r.rating, 2),
  }));
  items.sort((a, b) => (a.code ?? "").localeCompare(b.code ?? ""));
  return { by, items };
}

async function namesOf(db: Db, by: StatsBy, keys: string[]) {
  const names = new Map<string, { code: string | null; name: string | null }>();
  if (by === "category") {
    const category = categoryLookup(await listOrderCategories(db));
    for (const key of keys) names.set(key, { code: key, name: category(key).name });
    return names;
  }
  for (const n of await nodesByIds(db, keys.filter(Boolean))) names.set(n.id, { code: n.code, name: n.name });
  return names;
}

/** The command centre's order figures under one territory path, over orders published in [from, to). */
export async function orderTotals(db: Db, path: string, from: Date, to: Date) {
  const [row] = rowsOf<{ published: number; grabbed: number; completed: number; missed: number }>(
    await db.execute(sql`
      select count(*)::int as published,
        (count(*) filter (where ${orders.status} in ('grabbed', 'onSite', 'completed', 'rated')))::int as grabbed,
        (count(*) filter (where ${orders.status} in ('completed', 'rated')))::int as completed,
        coalesce(sum(${orders.misses}), 0)::int as missed
      from ${orders}
      where ${orders.territoryPath} like ${`${path}%`} and ${orders.createdAt} >= ${from} and ${orders.createdAt} < ${to}`),
  );
  return row ?? { published: 0, grabbed: 0, completed: 0, missed: 0 };
}
