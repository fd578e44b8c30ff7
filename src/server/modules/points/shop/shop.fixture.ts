import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { expect } from "vitest";
import { type Db, rowsOf } from "../../../platform/db/index.ts";
import { holderAccounts, post, systemAccount } from "../ledger/engine.ts";
import type { Audience } from "../rules/tables.ts";

/** Gives a holder points as an award would (issuer → holder), through the engine. */
export async function award(
  db: Db,
  holder: { audience: Audience; holderId: string; territoryPath: string },
  amount: number,
): Promise<string> {
  return db.transaction(async (tx) => {
    const accounts = await holderAccounts(tx, [holder]);
    const account = accounts.get(`${holder.audience}:${holder.holderId}`) as string;
    const issuer = await systemAccount(tx, "issuer", holder.audience, holder.territoryPath);
    await post(tx, [
      {
        businessKey: `test-award:${randomUUID()}`,
        kind: "award",
        debitAccountId: issuer,
        creditAccountId: account,
        holderAccountId: account,
        amount,
        territoryPath: holder.territoryPath,
      },
    ]);
    return account;
  });
}

export async function balanceOf(db: Db, accountId: string): Promise<number> {
  const [row] = rowsOf<{ balance: string | number }>(
    await db.execute(sql`select balance from point_accounts where id = ${accountId}`),
  );
  return Number(row?.balance ?? 0);
}

/**
 * The ledger's two invariants: the accounts sum to zero, and every account's balance is what its
 * postings make it; no holder below zero.
 */
export async function expectLedgerSound(db: Db) {
  const [sums] = rowsOf<{ total: string; drift: string; negative: string }>(
    await db.execute(sql`
      with moved as (
        select account_id, sum(delta) as net from (
          select credit_account_id as account_id, amount as delta from point_postings
          union all select debit_account_id, -amount from point_postings) m group by account_id)
      select coalesce(sum(a.balance), 0) as total,
        count(*) filter (where a.balance <> coalesce(moved.net, 0)) as drift,
        count(*) filter (where a.kind = 'holder' and a.balance < 0) as negative
      from point_accounts a left join moved on moved.account_id = a.id`),
  );
  expect({
    total: Number(sums?.total),
    drift: Number(sums?.drift),
    negative: Number(sums?.negative),
  }).toEqual({
    total: 0,
    drift: 0,
    negative: 0,
  });
}
