import { and, asc, desc, eq, type SQL, sql } from "drizzle-orm";
import type { Principal } from "../../../platform/auth/index.ts";
import type { Db } from "../../../platform/db/index.ts";
import { type Paging, pageWindow } from "../../../platform/http/paging.ts";
import { nodesByIds, scopedTo } from "../../territory/index.ts";
import { holderNames } from "../ledger/holders.ts";
import { type RankingStatus, rankingEntries, rankings, type TitleKind } from "./tables.ts";
import { audienceOfKind } from "./titles.ts";

export interface EntryFilter extends Paging {
  rankingId?: string;
  kind?: TitleKind;
  status?: RankingStatus;
  period?: string;
}

/**
 * GET /points/rankings/entries: who stands on the rankings of the caller's scope (one ranking with
 * rankingId), newest ranking first, then by rank — the list the 积分榜单 page exports.
 */
export async function listEntries(db: Db, principal: Principal, f: EntryFilter) {
  const conditions: SQL[] = await scopedTo(db, principal, "points.manage", rankings.territoryPath);
  if (f.rankingId) conditions.push(eq(rankings.id, f.rankingId));
  if (f.kind) conditions.push(eq(rankings.kind, f.kind));
  if (f.status) conditions.push(eq(rankings.status, f.status));
  if (f.period) conditions.push(eq(rankings.period, f.period));
  const where = and(...conditions);
  const { limit, offset } = pageWindow(f);
  const [rows, [total]] = await Promise.all([
    db
      .select({ entry: rankingEntries, ranking: rankings })
      .from(rankingEntries)
      .innerJoin(rankings, eq(rankings.id, rankingEntries.rankingId))
      .where(where)
      .orderBy(
        desc(rankings.createdAt),
        asc(rankings.id),
        asc(rankingEntries.rank),
        asc(rankingEntries.holderId),
      )
      .limit(limit)
      .offset(offset),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(rankingEntries)
      .innerJoin(rankings, eq(rankings.id, rankingEntries.rankingId))
      .where(where),
  ]);
  const ids = (kind: "member" | "merchant") =>
    rows.filter((r) => audienceOfKind(r.ranking.kind) === kind).map((r) => r.entry.holderId);
  const [members, shops, nodes] = await Promise.all([
    holderNames(db, "member", ids("member")),
    holderNames(db, "merchant", ids("merchant")),
    nodesByIds(db, [...new Set(rows.map((r) => r.ranking.nodeId))]),
  ]);
  const nodeName = new Map(nodes.map((n) => [n.id, n.name]));
  return {
    items: rows.map(({ entry, ranking }) => ({
      rank: entry.rank,
      holderId: entry.holderId,
      name: (ranking.kind === "starMember" ? members : shops).get(entry.holderId) ?? "",
      score: entry.score,
      citation: entry.citation,
      ranking: {
        id: ranking.id,
        kind: ranking.kind,
        period: ranking.period,
        nodeName: nodeName.get(ranking.nodeId) ?? "",
        status: ranking.status,
      },
    })),
    total: total?.n ?? 0,
  };
}
