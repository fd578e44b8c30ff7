import { and, eq } from "drizzle-orm";
import { type Actor, audited } from "../../../platform/audit/index.ts";
import { inScope, type Principal } from "../../../platform/auth/index.ts";
import type { Db } from "../../../platform/db/index.ts";
import { conflict, notFound } from "../../../platform/errors.ts";
import { post } from "./engine.ts";
import { pointPostings } from "./tables.ts";

/** Points given or taken by a rule, a claim or an appraisal; spending is undone in the shop instead. */
const REVERSIBLE = new Set(["award", "deduct", "appraisal"]);

/**
 * POST /points/postings/{id}/reverse: a mistake is undone by the opposite posting, never by a
 * delete. Reversed once (ALREADY_REVERSED after); if the holder has spent the points, the engine's
 * INSUFFICIENT_POINTS stands and nothing changes.
 */
export async function reversePosting(db: Db, principal: Principal, actor: Actor, id: number, reason: string) {
  return audited(db, actor, async (tx, audit) => {
    const [p] = await tx
      .select()
      .from(pointPostings)
      .where(and(eq(pointPostings.id, id), inScope(principal, "points.manage", pointPostings.territoryPath)));
    if (!p) throw notFound("point_posting", String(id));
    if (!REVERSIBLE.has(p.kind)) throw conflict("NOT_REVERSIBLE", { kind: p.kind });
    const [done] = await tx
      .select({ id: pointPostings.id })
      .from(pointPostings)
      .where(eq(pointPostings.reversesId, id));
    if (done) throw conflict("ALREADY_REVERSED", { id: done.id });
    const [reversal] = await post(tx, [
      {
        businessKey: `reversal:${id}`,
        kind: "reversal",
        debitAccountId: p.creditAccountId,
        creditAccountId: p.debitAccountId,
        holderAccountId: p.holderAccountId,
        amount: p.amount,
        ruleId: p.ruleId,
        // The same rule code, so the reversed points no longer count against its cap.
        ruleCode: p.ruleCode,
        reversesId: id,
        memo: `冲正：${p.memo}（${reason.trim()}）`,
        actorId: principal.userId,
        territoryPath: p.territoryPath,
      },
    ]);
    // Posted concurrently by another request a moment ago: its key exists, nothing was posted.
    if (!reversal) throw conflict("ALREADY_REVERSED", { id });
    await audit({
      action: "points.posting.reverse",
      entity: "point_posting",
      entityId: String(id),
      before: { amount: p.amount, kind: p.kind, memo: p.memo },
      after: { reversalId: reversal.id, reason: reason.trim() },
    });
    return { id: reversal.id, reversesId: id, amount: p.amount };
  });
}
