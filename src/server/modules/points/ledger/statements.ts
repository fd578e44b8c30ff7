import { sql } from "drizzle-orm";
import { chinaDate, chinaMonth } from "../../../platform/china-time.ts";
import { type Executor, rowsOf } from "../../../platform/db/index.ts";
import type { PostingKind } from "./tables.ts";

/** One line of a statement: what moved the holder's points, signed, and his balance after it. */
export interface StatementLine {
  id: number;
  at: string;
  /** China-time day. */
  date: string;
  kind: PostingKind;
  /** The rule's name, else the memo. */
  what: string;
  ruleCode: string | null;
  /** + credited to the holder, − debited from him. */
  amount: number;
  balanceAfter: number;
}

export interface Statement {
  accountId: string | null;
  month: string;
  opening: number;
  added: number;
  deducted: number;
  closing: number;
  items: StatementLine[];
  /** The months with postings, newest first (a picker's choices). */
  months: string[];
}

export const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** An account that has not been opened yet: nothing ever moved. */
export const emptyStatement = (month: string): Statement => ({
  accountId: null,
  month,
  opening: 0,
  added: 0,
  deducted: 0,
  closing: 0,
  items: [],
  months: [],
});

/**
 * A holder account's 月度积分对账单: the balance before the month (every earlier posting summed),
 * the month's postings in order with the balance after each, and the closing balance. Reading the
 * postings rather than the stored balance means a statement is what the ledger says, always.
 */
export async function statementOf(
  executor: Executor,
  accountId: string,
  month: string = chinaMonth(new Date()),
): Promise<Statement> {
  const signed = sql`case when p.credit_account_id = ${accountId}::uuid then p.amount else -p.amount end`;
  const [[head], lines, months] = await Promise.all([
    executor
      .execute(sql`select coalesce(sum(${signed}), 0)::bigint as opening from point_postings p
        where p.holder_account_id = ${accountId}::uuid and p.month < ${month}`)
      .then((r) => rowsOf<{ opening: string | number }>(r)),
    executor
      .execute(sql`select p.id, p.at, p.kind, p.rule_code, p.memo, r.name as rule_name, ${signed} as amount
        from point_postings p left join point_rules r on r.id = p.rule_id
        where p.holder_account_id = ${accountId}::uuid and p.month = ${month}
        order by p.at, p.id`)
      .then((r) =>
        rowsOf<{
          id: string | number;
          at: string | Date;
          kind: PostingKind;
          rule_code: string | null;
          memo: string;
          rule_name: string | null;
          amount: string | number;
        }>(r),
      ),
    executor
      .execute(sql`select distinct month from point_postings where holder_account_id = ${accountId}::uuid
        order by month desc`)
      .then((r) => rowsOf<{ month: string }>(r).map((m) => m.month)),
  ]);
  const opening = Number(head?.opening ?? 0);
  let balance = opening;
  let added = 0;
  let deducted = 0;
  const items = lines.map((l): StatementLine => {
    const amount = Number(l.amount);
    balance += amount;
    if (amount > 0) added += amount;
    else deducted -= amount;
    const at = new Date(l.at);
    return {
      id: Number(l.id),
      at: at.toISOString(),
      date: chinaDate(at),
      kind: l.kind,
      what: l.rule_name ?? l.memo,
      ruleCode: l.rule_code,
      amount,
      balanceAfter: balance,
    };
  });
  return { accountId, month, opening, added, deducted, closing: balance, items, months };
}
