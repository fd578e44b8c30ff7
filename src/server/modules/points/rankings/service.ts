import { and, asc, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { type Actor, audited } from "../../../platform/audit/index.ts";
import { type Principal, scopePaths } from "../../../platform/auth/index.ts";
import type { Db, Executor } from "../../../platform/db/index.ts";
import { AppError, badRequest, conflict, notFound, unprocessable } from "../../../platform/errors.ts";
import { type Paging, pageWindow } from "../../../platform/http/paging.ts";
import { userCards } from "../../accounts/index.ts";
import { getNode, nodesByIds, scopedTo } from "../../territory/index.ts";
import { holderNames } from "../ledger/holders.ts";
import { candidatesOf } from "./draw.ts";
import { allowedActions, type RankingAction, TRANSITIONS } from "./flow.ts";
import { tellTitled } from "./notices.ts";
import { monthsOfPeriod } from "./period.ts";
import { topOf } from "./rank.ts";
import { type RankingStatus, rankingEntries, rankings, type TitleKind } from "./tables.ts";
import { audienceOfKind } from "./titles.ts";

type RankingRow = typeof rankings.$inferSelect;

/** Rankings are drawn for these levels: a community's, a street's or the district's best. */
const RANKING_LEVELS = new Set(["community", "street", "district"]);
export const DEFAULT_SIZE = 10;
/** Each step's audit action, spelt out so the audit log's words can be checked against them. */
const AUDIT_ACTIONS: Record<RankingAction, string> = {
  approve: "points.ranking.approve",
  publish: "points.ranking.publish",
  withdraw: "points.ranking.withdraw",
};

/** A ranking as the list shows it: its area and who drew and approved it, and what may be done now. */
async function present(executor: Executor, rows: RankingRow[], principal: Principal) {
  const ids = rows.map((r) => r.id);
  const [nodes, cards, counts] = await Promise.all([
    nodesByIds(executor, [...new Set(rows.map((r) => r.nodeId))]),
    userCards(
      executor,
      rows.flatMap((r) => [r.createdBy, ...(r.approvedBy ? [r.approvedBy] : [])]),
    ),
    ids.length === 0
      ? []
      : executor
          .select({ id: rankingEntries.rankingId, n: sql<number>`count(*)::int` })
          .from(rankingEntries)
          .where(inArray(rankingEntries.rankingId, ids))
          .groupBy(rankingEntries.rankingId),
  ]);
  const node = new Map(nodes.map((n) => [n.id, { id: n.id, name: n.name, level: n.level }]));
  const entries = new Map(counts.map((c) => [c.id, c.n]));
  const person = (id: string | null) => (id ? { id, name: cards.get(id)?.name ?? "" } : null);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    period: r.period,
    node: node.get(r.nodeId) ?? { id: r.nodeId, name: "", level: "community" },
    status: r.status,
    size: r.size,
    entries: entries.get(r.id) ?? 0,
    createdBy: person(r.createdBy) as { id: string; name: string },
    createdAt: r.createdAt.toISOString(),
    approvedBy: person(r.approvedBy),
    approvedAt: r.approvedAt?.toISOString() ?? null,
    publishedAt: r.publishedAt?.toISOString() ?? null,
    allowedActions: allowedActions(r, principal.userId),
  }));
}

export interface DrawInput {
  kind: TitleKind;
  period: string;
  nodeId: string;
  size?: number;
}

/**
 * POST /points/rankings: a draft drawn from the scores as they stand now, for a community, street
 * or the district in the caller's scope. One draft per kind, period and node: drawing again while
 * one exists is 409 RANKING_DRAFT_EXISTS naming it, so two people do not draft the same list.
 */
export async function drawRanking(db: Db, principal: Principal, actor: Actor, input: DrawInput) {
  const months = monthsOfPeriod(input.period);
  if (!months) throw badRequest("VALIDATION_FAILED", { field: "period" });
  const node = await getNode(db, principal, input.nodeId, "points.manage");
  if (!RANKING_LEVELS.has(node.level)) throw unprocessable("NOT_A_RANKING_AREA", { level: node.level });
  const size = input.size ?? DEFAULT_SIZE;
  const top = topOf(await candidatesOf(db, input.kind, node.path, input.period, months), size);
  const id = await audited(db, actor, async (tx, audit) => {
    // Drawers of the same list queue here, so the second sees the first's draft.
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtext(${`ranking:${input.kind}:${input.period}:${node.id}`}))`,
    );
    const [draft] = await tx
      .select({ id: rankings.id })
      .from(rankings)
      .where(
        and(
          eq(rankings.kind, input.kind),
          eq(rankings.period, input.period),
          eq(rankings.nodeId, node.id),
          eq(rankings.status, "draft"),
        ),
      );
    if (draft) throw conflict("RANKING_DRAFT_EXISTS", { id: draft.id });
    const [row] = await tx
      .insert(rankings)
      .values({
        kind: input.kind,
        period: input.period,
        nodeId: node.id,
        territoryPath: node.path,
        size,
        createdBy: principal.userId,
      })
      .returning({ id: rankings.id });
    const rankingId = (row as { id: string }).id;
    if (top.length > 0)
      await tx
        .insert(rankingEntries)
        .values(top.map((e) => ({ rankingId, rank: e.rank, holderId: e.holderId, score: e.score })));
    await audit({
      action: "points.ranking.draft",
      entity: "point_ranking",
      entityId: rankingId,
      after: { kind: input.kind, period: input.period, nodeId: node.id, size, entries: top.length },
    });
    return rankingId;
  });
  return getRanking(db, principal, id);
}

export interface RankingFilter extends Paging {
  kind?: TitleKind;
  status?: RankingStatus;
  period?: string;
  underId?: string;
}

/** GET /points/rankings: rankings drawn in the caller's scope, newest first. */
export async function listRankings(db: Db, principal: Principal, f: RankingFilter) {
  const conditions: SQL[] = await scopedTo(db, principal, "points.manage", rankings.territoryPath, f.underId);
  if (f.kind) conditions.push(eq(rankings.kind, f.kind));
  if (f.status) conditions.push(eq(rankings.status, f.status));
  if (f.period) conditions.push(eq(rankings.period, f.period));
  const where = and(...conditions);
  const { limit, offset } = pageWindow(f);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(rankings)
      .where(where)
      .orderBy(desc(rankings.createdAt), asc(rankings.id))
      .limit(limit)
      .offset(offset),
    db.select({ n: sql<number>`count(*)::int` }).from(rankings).where(where),
  ]);
  return { items: await present(db, rows, principal), total: total?.n ?? 0 };
}

/** The ranking if the caller manages points where it was drawn, else 404. */
async function rankingInScope(executor: Executor, principal: Principal, id: string): Promise<RankingRow> {
  const paths = scopePaths(principal, "points.manage");
  const [row] = await executor.select().from(rankings).where(eq(rankings.id, id));
  if (!row || !paths.some((p) => row.territoryPath.startsWith(p))) throw notFound("ranking", id);
  return row;
}

/** GET /points/rankings/{id}: the ranking and its entries, named in full (staff see whole names). */
export async function getRanking(db: Db, principal: Principal, id: string) {
  const row = await rankingInScope(db, principal, id);
  const entries = await db
    .select()
    .from(rankingEntries)
    .where(eq(rankingEntries.rankingId, id))
    .orderBy(asc(rankingEntries.rank), asc(rankingEntries.holderId));
  const names = await holderNames(
    db,
    audienceOfKind(row.kind),
    entries.map((e) => e.holderId),
  );
  const [ranking] = await present(db, [row], principal);
  return {
    ...(ranking as NonNullable<typeof ranking>),
    items: entries.map((e) => ({
      rank: e.rank,
      holderId: e.holderId,
      name: names.get(e.holderId) ?? "",
      score: e.score,
      citation: e.citation,
    })),
    total: entries.length,
  };
}

/** PUT /points/rankings/{id}/entries/{holderId}: the line the wall shows beside a name; drafts only. */
export async function setCitation(
  db: Db,
  principal: Principal,
  actor: Actor,
  id: string,
  holderId: string,
  citation: string,
) {
  const text = citation.trim() || null;
  await audited(db, actor, async (tx, audit) => {
    const row = await rankingInScope(tx, principal, id);
    if (row.status !== "draft") throw conflict("ILLEGAL_TRANSITION", { status: row.status });
    const mine = and(eq(rankingEntries.rankingId, id), eq(rankingEntries.holderId, holderId));
    const [before] = await tx.select({ citation: rankingEntries.citation }).from(rankingEntries).where(mine);
    if (!before) throw notFound("ranking entry", holderId);
    await tx.update(rankingEntries).set({ citation: text }).where(mine);
    await audit({
      action: "points.ranking.draft",
      entity: "point_ranking",
      entityId: id,
      before: { holderId, citation: before.citation },
      after: { holderId, citation: text },
    });
  });
  return getRanking(db, principal, id);
}

/**
 * Moves a ranking along flow.ts, in one transaction with its audit row: approve (someone other than
 * the drafter: 403 OWN_RANKING), publish, withdraw (with a reason, kept in the audit log). An
 * illegal move is 409 ILLEGAL_TRANSITION with the current state.
 */
export async function moveRanking(
  db: Db,
  principal: Principal,
  actor: Actor,
  id: string,
  action: RankingAction,
  reason?: string,
) {
  if (action === "withdraw" && !reason?.trim()) throw badRequest("VALIDATION_FAILED", { field: "reason" });
  await audited(db, actor, async (tx, audit) => {
    const row = await rankingInScope(tx, principal, id);
    const { from, to } = TRANSITIONS.find((t) => t.action === action) as (typeof TRANSITIONS)[number];
    if (action === "approve" && row.createdBy === principal.userId && row.status === "draft")
      throw new AppError("OWN_RANKING", 403);
    const now = new Date();
    const [moved] = await tx
      .update(rankings)
      .set({
        status: to,
        ...(action === "approve" ? { approvedBy: principal.userId, approvedAt: now } : {}),
        ...(action === "publish" ? { publishedAt: now } : {}),
      })
      // The state is checked in the update itself: of two racing approvals one moves it.
      .where(and(eq(rankings.id, id), inArray(rankings.status, [...from])))
      .returning();
    if (!moved) {
      const [current] = await tx
        .select({ status: rankings.status })
        .from(rankings)
        .where(eq(rankings.id, id));
      throw conflict("ILLEGAL_TRANSITION", { status: current?.status ?? row.status });
    }
    await audit({
      action: AUDIT_ACTIONS[action],
      entity: "point_ranking",
      entityId: id,
      before: { status: row.status },
      after: { status: to, ...(reason ? { reason: reason.trim() } : {}) },
    });
    if (action === "publish") await tellTitled(tx, moved);
  });
  return getRanking(db, principal, id);
}
