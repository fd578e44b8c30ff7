import { and, count, desc, eq, type SQL, sql } from "drizzle-orm";
import { type Actor, audited } from "../../../platform/audit/index.ts";
import type { Principal } from "../../../platform/auth/index.ts";
import { chinaMonth, halfOf } from "../../../platform/china-time.ts";
import { type Db, type Executor, rowsOf } from "../../../platform/db/index.ts";
import { AppError, conflict, notFound, unprocessable } from "../../../platform/errors.ts";
import { type Paging, pageWindow } from "../../../platform/http/paging.ts";
import { membersLivingUnder } from "../../people/index.ts";
import { getNode, nodesByIds, scopedTo } from "../../territory/index.ts";
import { DEFAULT_WEIGHTS, rewardOf, SIDES } from "./combine.ts";
import {
  type AppraisalWeights,
  appraisalResults,
  appraisalRounds,
  type RaterKind,
  type RoundStatus,
} from "./tables.ts";

export type Round = typeof appraisalRounds.$inferSelect;

/** Members of a community: the most a round holds (a community's party organisation is small). */
export const MEMBERS_LIMIT = 2000;

/** The community node a round path belongs to: the last id of the path. */
export const nodeIdOf = (path: string) => path.split("/").filter(Boolean).at(-1) ?? "";

/** The party members of a round's community, by grid and name. */
export const membersOfRound = (executor: Executor, round: Pick<Round, "territoryPath">) =>
  membersLivingUnder(executor, round.territoryPath, { limit: MEMBERS_LIMIT });

const halfWords = (period: string) => `${period.slice(0, 4)}年${period.endsWith("1") ? "上" : "下"}半年`;

/** POST /points/appraisal-rounds: a community's half-year round (半年一评选一兑现). */
export async function createRound(
  db: Db,
  principal: Principal,
  actor: Actor,
  input: { nodeId: string; period?: string; title?: string; weights?: AppraisalWeights },
) {
  const node = await getNode(db, principal, input.nodeId, "points.manage");
  if (node.level !== "community")
    throw unprocessable("NOT_A_COMMUNITY", { field: "nodeId", level: node.level });
  const weights = input.weights ?? DEFAULT_WEIGHTS;
  const sum = weights.record + weights.self + weights.peer + weights.resident;
  if (sum !== 100) throw unprocessable("WEIGHTS_NOT_100", { field: "weights", sum });
  const period = input.period ?? halfOf(chinaMonth(new Date()));
  const title = input.title?.trim() || `${node.name}${halfWords(period)}党员民主评议`;
  return audited(db, actor, async (tx, audit) => {
    // One round per community and half-year: a second would split the appraisals.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`appraisal:${node.id}:${period}`}))`);
    const [existing] = await tx
      .select({ id: appraisalRounds.id })
      .from(appraisalRounds)
      .where(and(eq(appraisalRounds.nodeId, node.id), eq(appraisalRounds.period, period)));
    if (existing) throw conflict("ROUND_EXISTS", { id: existing.id });
    const [row] = await tx
      .insert(appraisalRounds)
      .values({
        nodeId: node.id,
        territoryPath: node.path,
        period,
        title,
        weights,
        createdBy: principal.userId,
      })
      .returning();
    if (!row) throw new AppError("INTERNAL", 500);
    await audit({
      action: "points.round.create",
      entity: "point_appraisal_round",
      entityId: row.id,
      after: { nodeId: node.id, period, title, weights },
    });
    return presentRound(row, node.name, 0);
  });
}

export function presentRound(r: Round, nodeName: string, appraisals: number) {
  return {
    id: r.id,
    title: r.title,
    period: r.period,
    node: { id: r.nodeId, name: nodeName },
    weights: r.weights,
    status: r.status,
    appraisals,
    createdAt: r.createdAt.toISOString(),
    closedAt: r.closedAt?.toISOString() ?? null,
  };
}

const appraisalCount = sql<number>`(select count(*)::int from point_appraisals a where a.round_id = ${appraisalRounds.id})`;

/** GET /points/appraisal-rounds: the rounds of the caller's scope, newest period first. */
export async function listRounds(
  db: Db,
  principal: Principal,
  f: Paging & { status?: RoundStatus; period?: string; underId?: string },
) {
  const conditions: Array<SQL | undefined> = await scopedTo(
    db,
    principal,
    "points.manage",
    appraisalRounds.territoryPath,
    f.underId,
  );
  if (f.status) conditions.push(eq(appraisalRounds.status, f.status));
  if (f.period) conditions.push(eq(appraisalRounds.period, f.period));
  const where = and(...conditions);
  const { limit, offset } = pageWindow(f);
  const [rows, [total]] = await Promise.all([
    db
      .select({ round: appraisalRounds, appraisals: appraisalCount })
      .from(appraisalRounds)
      .where(where)
      .orderBy(desc(appraisalRounds.period), desc(appraisalRounds.createdAt), desc(appraisalRounds.id))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(appraisalRounds).where(where),
  ]);
  const nodes = new Map(
    (
      await nodesByIds(
        db,
        rows.map((r) => r.round.nodeId),
      )
    ).map((n) => [n.id, n.name]),
  );
  return {
    items: rows.map((r) => presentRound(r.round, nodes.get(r.round.nodeId) ?? "", Number(r.appraisals))),
    total: total?.n ?? 0,
  };
}

/** A round of the caller's points.manage scope, or 404 as if it did not exist. */
export async function roundInScope(executor: Executor, principal: Principal, id: string, lock = false) {
  const conditions = await scopedTo(
    executor as Db,
    principal,
    "points.manage",
    appraisalRounds.territoryPath,
  );
  const query = executor
    .select()
    .from(appraisalRounds)
    .where(and(eq(appraisalRounds.id, id), ...conditions));
  const [row] = lock ? await query.for("update") : await query;
  if (!row) throw notFound("point_appraisal_round", id);
  return row;
}

/** GET /points/appraisal-rounds/{id}: the community's members with the appraisals so far; results once closed. */
export async function getRound(db: Db, principal: Principal, id: string) {
  const round = await roundInScope(db, principal, id);
  const [members, counts, results, [node]] = await Promise.all([
    membersOfRound(db, round),
    db
      .execute(sql`select member_id, rater_kind, count(*)::int as n from point_appraisals
        where round_id = ${round.id} group by member_id, rater_kind`)
      .then((r) => rowsOf<{ member_id: string; rater_kind: RaterKind; n: number }>(r)),
    db.select().from(appraisalResults).where(eq(appraisalResults.roundId, round.id)),
    nodesByIds(db, [round.nodeId]),
  ]);
  const byMember = new Map(results.map((r) => [r.memberId, r]));
  const total = counts.reduce((sum, c) => sum + Number(c.n), 0);
  return {
    ...presentRound(round, node?.name ?? "", total),
    members: members.map((m) => {
      const c = { self: 0, peer: 0, resident: 0 };
      for (const x of counts) if (x.member_id === m.id) c[x.rater_kind] = Number(x.n);
      const r = byMember.get(m.id);
      return {
        memberId: m.id,
        name: m.name,
        counts: c,
        result: r
          ? {
              record: Number(r.record),
              self: r.self === null ? null : Number(r.self),
              peer: r.peer === null ? null : Number(r.peer),
              resident: r.resident === null ? null : Number(r.resident),
              total: Number(r.total),
              missing: SIDES.filter((s) => r[s] === null),
              vetoed: r.vetoed,
              points: r.vetoed ? 0 : rewardOf(Number(r.total)),
            }
          : null,
      };
    }),
  };
}
