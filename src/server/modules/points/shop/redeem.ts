import { randomUUID } from "node:crypto";
import { and, eq, gte, sql } from "drizzle-orm";
import { type Actor, audited } from "../../../platform/audit/index.ts";
import type { Principal } from "../../../platform/auth/index.ts";
import type { Db, Executor } from "../../../platform/db/index.ts";
import { AppError, conflict, notFound, unprocessable } from "../../../platform/errors.ts";
import { notify } from "../../../platform/notify/index.ts";
import { maskName } from "../../../platform/pii/index.ts";
import { usersByPhones } from "../../accounts/index.ts";
import { merchantPhones } from "../../places/index.ts";
import { post, systemAccount } from "../ledger/engine.ts";
import { callerHolders } from "../ledger/holders.ts";
import { newRedemptionCode } from "./code.ts";
import { choosePayer, payersOf } from "./offers.ts";
import type { PayingAudience } from "./schemas.ts";
import { redemptions, shopItems } from "./tables.ts";

export interface RedeemForm {
  itemId: string;
  quantity?: number;
  audience?: PayingAudience;
}

/**
 * POST /points/redemptions: ONE transaction takes the stock (a single conditional update, so the
 * last one cannot go twice however many ask at once), then the points (the engine refuses a
 * balance below zero, and the stock taken rolls back with it), then records the redemption with
 * its pick-up code and tells the shop's accounts.
 */
export async function redeem(db: Db, principal: Principal, actor: Actor, form: RedeemForm) {
  const quantity = form.quantity ?? 1;
  const [item] = await db.select().from(shopItems).where(eq(shopItems.id, form.itemId));
  const holders = await callerHolders(db, principal);
  const payers = item ? payersOf(item, holders) : [];
  // An item offered elsewhere, or taken off the shelves, is not found, as one that never was.
  if (!item?.active || !holders.some((h) => h.territoryPath.startsWith(item.territoryPath)))
    throw notFound("point_shop_item", form.itemId);
  if (payers.length === 0) throw unprocessable("NOT_FOR_YOUR_POINTS", { field: "itemId" });
  const payer = choosePayer(item, payers, quantity, form.audience);
  if (!payer) throw unprocessable("NOT_FOR_YOUR_POINTS", { field: "audience" });
  const accountId = payer.accountId;
  // No account yet: he was never credited, so has nothing to pay with.
  if (!accountId) throw conflict("INSUFFICIENT_POINTS", { balance: 0 });
  const id = randomUUID();
  const points = item.price * quantity;
  return audited(db, actor, async (tx, audit) => {
    const [taken] = await tx
      .update(shopItems)
      .set({ stock: sql`${shopItems.stock} - ${quantity}` })
      .where(and(eq(shopItems.id, item.id), eq(shopItems.active, true), gte(shopItems.stock, quantity)))
      .returning({ stock: shopItems.stock });
    if (!taken) {
      const [now] = await tx
        .select({ active: shopItems.active, stock: shopItems.stock })
        .from(shopItems)
        .where(eq(shopItems.id, item.id));
      if (!now?.active) throw notFound("point_shop_item", item.id);
      throw conflict("OUT_OF_STOCK", { stock: now.stock });
    }
    const spent = await systemAccount(tx, "spent", payer.audience, item.territoryPath);
    const [posted] = await post(tx, [
      {
        businessKey: `redeem:${id}`,
        kind: "redeem",
        debitAccountId: accountId,
        creditAccountId: spent,
        holderAccountId: accountId,
        amount: points,
        memo: quantity > 1 ? `${item.name} ×${quantity}` : item.name,
        actorId: actor.userId,
        territoryPath: payer.territoryPath,
      },
    ]);
    if (!posted) throw new AppError("INTERNAL", 500);
    const code = await insertWithCode(tx, {
      id,
      itemId: item.id,
      accountId,
      userId: principal.userId,
      merchantId: item.merchantId,
      quantity,
      points,
      territoryPath: item.territoryPath,
      postingId: posted.id,
    });
    await audit({
      action: "points.redemption.create",
      entity: "point_redemption",
      entityId: id,
      after: { itemId: item.id, quantity, points, audience: payer.audience, stockLeft: taken.stock },
    });
    if (item.merchantId)
      await tellShop(tx, item.merchantId, {
        id,
        title: "有新的积分兑换待核销",
        body: `${maskName(payer.name)}用积分兑换了「${item.name}」×${quantity}，将凭兑换码到店领取。`,
      });
    return { id, code, status: "reserved" as const, points, stockLeft: taken.stock };
  });
}

type NewRedemption = Omit<typeof redemptions.$inferInsert, "code">;

/** Inserts the redemption with a fresh code; a code already taken (one in 10^11) draws another. */
async function insertWithCode(tx: Executor, values: NewRedemption): Promise<string> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const code = newRedemptionCode();
    const [row] = await tx
      .insert(redemptions)
      .values({ ...values, code })
      .onConflictDoNothing({ target: redemptions.code })
      .returning({ code: redemptions.code });
    if (row) return row.code;
  }
  throw new AppError("INTERNAL", 500);
}

/** In-app notices to the accounts of a shop: merchant accounts meet shops by their phone. */
export async function tellShop(
  tx: Executor,
  merchantId: string,
  notice: { id: string; title: string; body: string },
) {
  const phone = (await merchantPhones(tx, [merchantId])).get(merchantId);
  if (!phone) return;
  const users = await usersByPhones(tx, [phone]);
  await notify(
    tx,
    [...users.values()].map((userId) => ({
      userId,
      kind: "points.redemption",
      title: notice.title,
      body: notice.body,
      entity: "point_redemption",
      entityId: notice.id,
      link: "/mobile/points/scan",
    })),
  );
}
