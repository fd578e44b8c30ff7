import type { Principal } from "../../../platform/auth/index.ts";
import type { Db } from "../../../platform/db/index.ts";
import type { Paging } from "../../../platform/http/paging.ts";
import { callerHolders, type Holder } from "../ledger/holders.ts";
import { type ItemRow, offeredItems, presentItems } from "./items.ts";
import { PAYING_AUDIENCES, type PayingAudience } from "./schemas.ts";
import type { ItemKind } from "./tables.ts";

const paying = (h: Holder): h is Holder & { audience: PayingAudience } =>
  (PAYING_AUDIENCES as readonly string[]).includes(h.audience);

/** The caller's holders whose points may pay for an item: the right audience, living under its node. */
export function payersOf<H extends { audience: string; territoryPath: string }>(item: ItemRow, holders: H[]) {
  return holders.filter(
    (h) =>
      (item.audiences as string[]).includes(h.audience) && h.territoryPath.startsWith(item.territoryPath),
  );
}

/**
 * Which of his points pay for `quantity` of an item: the audience asked for, else the first of
 * the item's audiences he holds with enough points, else the first he holds at all (the engine
 * then refuses it for want of points).
 */
export function choosePayer<H extends { audience: string; balance: number }>(
  item: ItemRow,
  payers: H[],
  quantity: number,
  audience?: PayingAudience,
): H | undefined {
  const ordered = item.audiences.flatMap((a) => payers.filter((h) => h.audience === a));
  if (audience) return ordered.find((h) => h.audience === audience);
  return ordered.find((h) => h.balance >= item.price * quantity) ?? ordered[0];
}

/** GET /points/shop: what the caller may buy where he lives, and what he can afford with which points. */
export async function listOffers(db: Db, principal: Principal, f: Paging & { kind?: ItemKind }) {
  const holders = (await callerHolders(db, principal)).filter(paying);
  const { rows, total } = await offeredItems(db, holders, f);
  const shown = await presentItems(db, rows);
  return {
    items: rows.map((row, i) => {
      const payer = choosePayer(row, payersOf(row, holders), 1);
      return {
        ...(shown[i] as (typeof shown)[number]),
        payWith: payer?.audience ?? null,
        affordable: !!payer && payer.balance >= row.price && row.stock > 0,
      };
    }),
    total,
    balances: holders.map((h) => ({ audience: h.audience, balance: h.balance })),
  };
}
