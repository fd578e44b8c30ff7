import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../../../platform/db/index.ts";
import { holderNames } from "../ledger/holders.ts";
import type { Audience } from "../rules/tables.ts";
import { rankingEntries, rankings, type TitleKind } from "./tables.ts";

/** Who a title is given to: party members for 明星党员, shops for the other two. */
export const audienceOfKind = (kind: TitleKind): Audience => (kind === "starMember" ? "member" : "merchant");

export interface Title {
  kind: TitleKind;
  period: string;
  rankingId: string;
}

/**
 * The titles these holders carry: their entries on published rankings (a withdrawn ranking's
 * titles are gone). Holders without a title are absent from the map.
 */
export async function titlesOf(
  executor: Executor,
  holderIds: readonly string[],
): Promise<Map<string, Title[]>> {
  const titles = new Map<string, Title[]>();
  if (holderIds.length === 0) return titles;
  const rows = await executor
    .select({
      holderId: rankingEntries.holderId,
      kind: rankings.kind,
      period: rankings.period,
      rankingId: rankings.id,
    })
    .from(rankingEntries)
    .innerJoin(rankings, eq(rankings.id, rankingEntries.rankingId))
    .where(and(eq(rankings.status, "published"), inArray(rankingEntries.holderId, [...new Set(holderIds)])))
    .orderBy(desc(rankings.publishedAt), asc(rankings.id));
  for (const r of rows) {
    const list = titles.get(r.holderId) ?? [];
    list.push({ kind: r.kind, period: r.period, rankingId: r.rankingId });
    titles.set(r.holderId, list);
  }
  return titles;
}

export interface PublishedEntry {
  rank: number;
  holderId: string;
  /** 孙** for a member; a shop's name whole (not personal data). */
  name: string;
  score: number;
  citation: string | null;
}

export interface PublishedRanking {
  id: string;
  kind: TitleKind;
  period: string;
  nodeId: string;
  publishedAt: Date | null;
  entries: PublishedEntry[];
}

/**
 * The ranking a wall or the screen shows for a place: the latest published one of this kind drawn
 * at the node itself, else at the nearest node above it (a community without its own shows its
 * street's). With `orBelow` (the screen over a street or the district), failing those, the latest
 * published under it. Names are masked — this is for public display.
 */
export async function publishedRanking(
  executor: Executor,
  { kind, nodePath, orBelow = false }: { kind: TitleKind; nodePath: string; orBelow?: boolean },
): Promise<PublishedRanking | null> {
  const published = and(eq(rankings.kind, kind), eq(rankings.status, "published"));
  const [here] = await executor
    .select()
    .from(rankings)
    .where(and(published, sql`${nodePath} like ${rankings.territoryPath} || '%'`))
    .orderBy(sql`length(${rankings.territoryPath}) desc`, desc(rankings.publishedAt), asc(rankings.id))
    .limit(1);
  const [below] =
    here || !orBelow
      ? []
      : await executor
          .select()
          .from(rankings)
          .where(and(published, sql`${rankings.territoryPath} like ${`${nodePath}%`}`))
          .orderBy(desc(rankings.publishedAt), asc(rankings.id))
          .limit(1);
  const ranking = here ?? below;
  if (!ranking) return null;
  const rows = await executor
    .select()
    .from(rankingEntries)
    .where(eq(rankingEntries.rankingId, ranking.id))
    .orderBy(asc(rankingEntries.rank), asc(rankingEntries.holderId));
  const names = await holderNames(
    executor,
    audienceOfKind(kind),
    rows.map((r) => r.holderId),
    true,
  );
  return {
    id: ranking.id,
    kind: ranking.kind,
    period: ranking.period,
    nodeId: ranking.nodeId,
    publishedAt: ranking.publishedAt,
    entries: rows.map((r) => ({
      rank: r.rank,
      holderId: r.holderId,
      name: names.get(r.holderId) ?? "",
      score: r.score,
      citation: r.citation,
    })),
  };
}
