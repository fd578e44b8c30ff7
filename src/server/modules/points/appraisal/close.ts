import { eq, sql } from "drizzle-orm";
import { type Actor, audited } from "../../../platform/audit/index.ts";
import type { Principal } from "../../../platform/auth/index.ts";
import { monthsOfHalf } from "../../../platform/china-time.ts";
import { type Db, rowsOf } from "../../../platform/db/index.ts";
import { conflict } from "../../../platform/errors.ts";
import { holderAccounts, post, systemAccount, type Transfer } from "../ledger/engine.ts";
import { scoresOf } from "../ledger/score.ts";
import { average, combine, recordParts, rewardOf } from "./combine.ts";
import { getRound, membersOfRound, roundInScope } from "./rounds.ts";
import { appraisalResults, appraisalRounds, type RaterKind } from "./tables.ts";

/** What a vetoed member's result says (一票否决: the period scores 0, nothing is credited). */
export const VETO_REASON = "本期有一票否决事项";

/**
 * POST /points/appraisal-rounds/{id}/close: the round's results and their 兑现, in one transaction.
 * Per member: the record part (his half-year score, the best of the round = 100), the average of
 * each side's appraisals, the weighted total (a missing side's weight spread over the others); a
 * vetoed member scores 0. Each member is credited round(total / 10) 先锋积分, once by business key.
 */
export async function closeRound(db: Db, principal: Principal, actor: Actor, id: string) {
  await audited(db, actor, async (tx, audit) => {
    const round = await roundInScope(tx, principal, id, true);
    if (round.status !== "open") throw conflict("ILLEGAL_TRANSITION", { status: round.status });
    const members = await membersOfRound(tx, round);
    const scores = await scoresOf(
      tx,
      "member",
      members.map((m) => ({ holderId: m.id, territoryPath: m.territoryPath })),
      monthsOfHalf(round.period),
    );
    const records = recordParts(new Map(members.map((m) => [m.id, scores.get(m.id)?.score ?? 0])));
    const given = rowsOf<{ member_id: string; rater_kind: RaterKind; score: number }>(
      await tx.execute(
        sql`select member_id, rater_kind, score from point_appraisals where round_id = ${round.id}`,
      ),
    );
    const results = members.map((m) => {
      const side = (kind: RaterKind) =>
        average(
          given.filter((g) => g.member_id === m.id && g.rater_kind === kind).map((g) => Number(g.score)),
        );
      const parts = {
        record: records.get(m.id) ?? 0,
        self: side("self"),
        peer: side("peer"),
        resident: side("resident"),
      };
      const vetoed = scores.get(m.id)?.vetoed ? VETO_REASON : null;
      const { total } = combine(parts, round.weights);
      return { member: m, parts, total: vetoed ? 0 : total, vetoed };
    });
    if (results.length > 0)
      await tx.insert(appraisalResults).values(
        results.map((r) => ({
          roundId: round.id,
          memberId: r.member.id,
          territoryPath: r.member.territoryPath,
          ...r.parts,
          total: r.total,
          vetoed: r.vetoed,
        })),
      );
    const rewarded = results.filter((r) => rewardOf(r.total) > 0);
    if (rewarded.length > 0) {
      const issuer = await systemAccount(tx, "issuer", "member", round.territoryPath);
      const accounts = await holderAccounts(
        tx,
        rewarded.map((r) => ({
          audience: "member",
          holderId: r.member.id,
          territoryPath: r.member.territoryPath,
        })),
      );
      const transfers: Transfer[] = rewarded.map((r) => {
        const holder = accounts.get(`member:${r.member.id}`) as string;
        return {
          businessKey: `appraisal:${round.id}:${r.member.id}`,
          kind: "appraisal",
          debitAccountId: issuer,
          creditAccountId: holder,
          holderAccountId: holder,
          amount: rewardOf(r.total),
          memo: `${round.title}兑现`,
          actorId: actor.userId,
          territoryPath: r.member.territoryPath,
        };
      });
      await post(tx, transfers);
    }
    await tx
      .update(appraisalRounds)
      .set({ status: "closed", closedAt: new Date() })
      .where(eq(appraisalRounds.id, round.id));
    await audit({
      action: "points.round.close",
      entity: "point_appraisal_round",
      entityId: round.id,
      before: { status: "open" },
      after: {
        status: "closed",
        members: results.length,
        vetoed: results.filter((r) => r.vetoed).length,
        points: rewarded.reduce((sum, r) => sum + rewardOf(r.total), 0),
      },
    });
  });
  return getRound(db, principal, id);
}
