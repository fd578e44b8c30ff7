import { and, eq, sql } from "drizzle-orm";
import { type Actor, audited } from "../../../platform/audit/index.ts";
import type { Principal } from "../../../platform/auth/index.ts";
import type { Db, Executor } from "../../../platform/db/index.ts";
import { AppError, conflict, notFound, unprocessable } from "../../../platform/errors.ts";
import { notify } from "../../../platform/notify/index.ts";
import { post, systemAccount } from "../ledger/engine.ts";
import type { Audience } from "../rules/tables.ts";
import { normaliseCode } from "./code.ts";
import { assertHandler, findRedemption, present, viewerOf } from "./redemptions.ts";
import { type RedemptionStatus, redemptions, shopItems } from "./tables.ts";

/** A typed or scanned code's redemption, or 404 (a mistyped code is not a server error). */
async function byCode(executor: Executor, raw: string) {
  const code = normaliseCode(raw);
  const row = code ? await findRedemption(executor, { code }) : undefined;
  if (!row) throw new AppError("REDEMPTION_CODE_UNKNOWN", 404);
  return row;
}

/** 409 with where it stands: already delivered (and when), or cancelled. */
function illegal(r: { status: RedemptionStatus; deliveredAt: Date | null; cancelledAt: Date | null }) {
  return conflict("ILLEGAL_TRANSITION", {
    status: r.status,
    deliveredAt: r.deliveredAt?.toISOString() ?? null,
    cancelledAt: r.cancelledAt?.toISOString() ?? null,
  });
}

/**
 * GET /points/redemptions/lookup?code=: what a code is for and for whom (masked), shown to the shop
 * before it confirms; another shop's code is refused here already.
 */
export async function lookupCode(db: Db, principal: Principal, raw: string) {
  const row = await byCode(db, raw);
  await assertHandler(db, principal, row.r);
  const [shown] = await present(db, [row], "shop");
  return shown as NonNullable<typeof shown>;
}

/**
 * POST /points/redemptions/deliver: reserved → delivered by one conditional update, so a code
 * scanned twice (or on two phones at once) is handed over once; the second scan is told when.
 */
export async function deliver(db: Db, principal: Principal, actor: Actor, raw: string) {
  return audited(db, actor, async (tx, audit) => {
    const row = await byCode(tx, raw);
    await assertHandler(tx, principal, row.r);
    const [done] = await tx
      .update(redemptions)
      .set({ status: "delivered", deliveredAt: new Date(), deliveredBy: actor.userId })
      .where(and(eq(redemptions.id, row.r.id), eq(redemptions.status, "reserved")))
      .returning();
    if (!done) {
      const [now] = await tx.select().from(redemptions).where(eq(redemptions.id, row.r.id));
      throw illegal(now ?? row.r);
    }
    await audit({
      action: "points.redemption.deliver",
      entity: "point_redemption",
      entityId: done.id,
      before: { status: "reserved" },
      after: { status: "delivered" },
    });
    await notify(tx, [
      {
        userId: done.userId,
        kind: "points.redemption",
        title: "兑换已领取",
        body: `您兑换的「${row.itemName}」已领取。`,
        entity: "point_redemption",
        entityId: done.id,
        link: "/mobile/points/redemptions",
      },
    ]);
    const [shown] = await present(tx, [{ ...row, r: done }], "shop");
    return shown as NonNullable<typeof shown>;
  });
}

/**
 * POST /points/redemptions/{id}/cancel: while nothing is handed over, its owner (no reason needed)
 * or staff in scope (with a reason) cancel it; the points come back by a refund posting and the
 * stock with them, in one transaction. Rows are locked redemption → item → accounts, the order the
 * redemption takes them in too (item → accounts), so the two never deadlock.
 */
export async function cancelRedemption(
  db: Db,
  principal: Principal,
  actor: Actor,
  id: string,
  reason: string | undefined,
) {
  return audited(db, actor, async (tx, audit) => {
    const row = await findRedemption(tx, { id });
    if (!row) throw notFound("point_redemption", id);
    const viewer = await viewerOf(tx, principal, row);
    if (viewer === "shop") throw notFound("point_redemption", id);
    const why = reason?.trim() || null;
    if (viewer === "staff" && !why) throw unprocessable("CANCEL_REASON_REQUIRED", { field: "reason" });
    const [done] = await tx
      .update(redemptions)
      .set({ status: "cancelled", cancelledAt: new Date(), cancelledBy: actor.userId, cancelReason: why })
      .where(and(eq(redemptions.id, id), eq(redemptions.status, "reserved")))
      .returning();
    if (!done) {
      const [now] = await tx.select().from(redemptions).where(eq(redemptions.id, id));
      throw illegal(now ?? row.r);
    }
    await tx
      .update(shopItems)
      .set({ stock: sql`${shopItems.stock} + ${done.quantity}` })
      .where(eq(shopItems.id, done.itemId));
    const spent = await systemAccount(tx, "spent", row.audience as Audience, done.territoryPath);
    const [refund] = await post(tx, [
      {
        businessKey: `refund:${id}`,
        kind: "refund",
        debitAccountId: spent,
        creditAccountId: done.accountId,
        holderAccountId: done.accountId,
        amount: done.points,
        memo: row.itemName,
        actorId: actor.userId,
        territoryPath: done.territoryPath,
      },
    ]);
    await tx
      .update(redemptions)
      .set({ refundPostingId: refund?.id ?? null })
      .where(eq(redemptions.id, id));
    await audit({
      action: "points.redemption.cancel",
      entity: "point_redemption",
      entityId: id,
      before: { status: "reserved" },
      after: { status: "cancelled", reason: why, refunded: done.points },
    });
    if (viewer === "staff" && done.userId !== principal.userId)
      await notify(tx, [
        {
          userId: done.userId,
          kind: "points.redemption",
          title: "兑换已取消",
          body: `您兑换的「${row.itemName}」已被取消，${done.points} 积分已退回。原因：${why}`,
          entity: "point_redemption",
          entityId: id,
          link: "/mobile/points/redemptions",
        },
      ]);
    return { id, status: "cancelled" as const };
  });
}
