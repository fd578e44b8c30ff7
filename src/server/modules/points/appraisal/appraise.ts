import { and, asc, eq } from "drizzle-orm";
import { type Actor, audited } from "../../../platform/audit/index.ts";
import type { Principal } from "../../../platform/auth/index.ts";
import type { Db } from "../../../platform/db/index.ts";
import { AppError, conflict, notFound, unprocessable } from "../../../platform/errors.ts";
import { memberByPhone, membersByIds, residentByPhone } from "../../people/index.ts";
import { nodesByIds } from "../../territory/index.ts";
import { membersOfRound, type Round } from "./rounds.ts";
import { appraisalRounds, appraisals, type RaterKind } from "./tables.ts";

/**
 * Who the caller is in a round's community: one of its party members (himself: 自评, another
 * member: 互评), else one of its residents (群众测评), whose household speaks once per member.
 */
interface Rater {
  as: "member" | "resident";
  memberId?: string;
  key: string;
}

async function raterOf(db: Db, principal: Principal) {
  const [member, resident] = await Promise.all([
    memberByPhone(db, principal.phone),
    residentByPhone(db, principal.phone),
  ]);
  return (round: Pick<Round, "territoryPath">): Rater | null => {
    if (member?.territoryPath.startsWith(round.territoryPath))
      return { as: "member", memberId: member.id, key: `member:${member.id}` };
    if (resident?.territoryPath.startsWith(round.territoryPath))
      return { as: "resident", key: `household:${resident.householdId}` };
    return null;
  };
}

const kindFor = (rater: Rater, memberId: string): RaterKind =>
  rater.as === "resident" ? "resident" : rater.memberId === memberId ? "self" : "peer";

/** GET /points/appraisal-rounds/mine: the open rounds the caller can appraise in, and whom. */
export async function myRounds(db: Db, principal: Principal) {
  const raterIn = await raterOf(db, principal);
  const open = await db
    .select()
    .from(appraisalRounds)
    .where(eq(appraisalRounds.status, "open"))
    .orderBy(asc(appraisalRounds.createdAt), asc(appraisalRounds.id));
  const mine = open.flatMap((round) => {
    const rater = raterIn(round);
    return rater ? [{ round, rater }] : [];
  });
  const nodes = new Map(
    (
      await nodesByIds(
        db,
        mine.map((m) => m.round.nodeId),
      )
    ).map((n) => [n.id, n.name]),
  );
  const items = [];
  for (const { round, rater } of mine) {
    const [members, given] = await Promise.all([
      membersOfRound(db, round),
      db
        .select({ memberId: appraisals.memberId, score: appraisals.score })
        .from(appraisals)
        .where(and(eq(appraisals.roundId, round.id), eq(appraisals.raterKey, rater.key))),
    ]);
    const scores = new Map(given.map((g) => [g.memberId, g.score]));
    // Himself first: 自评 comes before 互评.
    const ordered = [...members].sort(
      (a, b) => Number(b.id === rater.memberId) - Number(a.id === rater.memberId),
    );
    items.push({
      id: round.id,
      title: round.title,
      period: round.period,
      node: { id: round.nodeId, name: nodes.get(round.nodeId) ?? "" },
      as: rater.as,
      members: ordered.map((m) => ({
        memberId: m.id,
        name: m.name,
        raterKind: kindFor(rater, m.id),
        score: scores.get(m.id) ?? null,
      })),
    });
  }
  return { items, total: items.length };
}

/**
 * POST /points/appraisal-rounds/{id}/appraisals: one appraisal of a member, its side decided by
 * who calls. One per rater and member — for residents one per household — by the table's key;
 * the round is read with a share lock, so it cannot close halfway through.
 */
export async function appraise(
  db: Db,
  principal: Principal,
  actor: Actor,
  roundId: string,
  input: { memberId: string; score: number },
) {
  const raterIn = await raterOf(db, principal);
  return audited(db, actor, async (tx, audit) => {
    const [round] = await tx
      .select()
      .from(appraisalRounds)
      .where(eq(appraisalRounds.id, roundId))
      .for("share");
    if (!round) throw notFound("point_appraisal_round", roundId);
    const rater = raterIn(round);
    if (!rater) throw new AppError("NOT_A_RATER", 403);
    if (round.status !== "open") throw conflict("ROUND_CLOSED", { status: round.status });
    const [member] = await membersByIds(tx, [input.memberId]);
    if (!member?.territoryPath.startsWith(round.territoryPath))
      throw unprocessable("MEMBER_NOT_IN_ROUND", { field: "memberId" });
    const raterKind = kindFor(rater, member.id);
    const inserted = await tx
      .insert(appraisals)
      .values({ roundId, memberId: member.id, raterKind, raterKey: rater.key, score: input.score })
      .onConflictDoNothing()
      .returning({ score: appraisals.score });
    if (inserted.length === 0) throw conflict("ALREADY_APPRAISED", { memberId: member.id });
    await audit({
      action: "points.appraisal.submit",
      entity: "point_appraisal_round",
      entityId: roundId,
      after: { memberId: member.id, raterKind, score: input.score },
    });
    return { roundId, memberId: member.id, raterKind, score: input.score };
  });
}
