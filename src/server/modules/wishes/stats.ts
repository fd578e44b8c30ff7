import { and, asc, count, gte, lt, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { inScope, type Principal } from "../../platform/auth/index.ts";
import type { Db } from "../../platform/db/index.ts";
import { nodesByIds } from "../territory/index.ts";
import { wishes } from "./tables.ts";

export const STATS_BY = ["community", "category"] as const;
export type StatsBy = (typeof STATS_BY)[number];

const DAY_SECONDS = 86_400;
const daysBetween = (from: AnyPgColumn, to: AnyPgColumn) =>
  sql<
    number | null
  >`round((avg(extract(epoch from (${to} - ${from}))) / ${DAY_SECONDS})::numeric, 1)::float8`;

// The community is the third id of a wish's path (see communityIdOf in service.ts).
const communityKey = sql<string>`split_part(${wishes.territoryPath}, '/', 4)`;

const figures = {
  posted: count(),
  published: count(wishes.publishedAt),
  claimed: count(wishes.claimedAt),
  fulfilled: count(wishes.fulfilledAt),
  confirmed: count(wishes.confirmedAt),
  daysToClaim: daysBetween(wishes.publishedAt, wishes.claimedAt),
  daysToConfirm: daysBetween(wishes.publishedAt, wishes.confirmedAt),
};

/**
 * GET /wishes/stats: per community or category of the caller's scope, how many wishes were
 * posted, published, claimed, fulfilled and confirmed, and the average days from publishing to
 * the claim and to the confirmation; with the same figures over all of them.
 */
export async function wishStats(
  db: Db,
  principal: Principal,
  f: { by: StatsBy; from?: string; to?: string },
) {
  const conditions = [inScope(principal, "wishes.review", wishes.territoryPath)];
  if (f.from) conditions.push(gte(wishes.createdAt, new Date(f.from)));
  if (f.to) conditions.push(lt(wishes.createdAt, new Date(f.to)));
  const where = and(...conditions);
  const key = f.by === "community" ? communityKey : sql<string>`${wishes.category}`;
  const [rows, [all]] = await Promise.all([
    db
      .select({ key, ...figures })
      .from(wishes)
      .where(where)
      .groupBy(key)
      .orderBy(asc(key)),
    db.select(figures).from(wishes).where(where),
  ]);
  const names =
    f.by === "community"
      ? new Map(
          (
            await nodesByIds(
              db,
              rows.map((r) => r.key),
            )
          ).map((n) => [n.id, n.name]),
        )
      : new Map<string, string>();
  return {
    by: f.by,
    items: rows.map((r) => ({ ...r, name: names.get(r.key) ?? null })),
    total: all as NonNullable<typeof all>, // an aggregate without GROUP BY always has its row
  };
}
