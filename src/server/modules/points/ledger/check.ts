import { sql } from "drizzle-orm";
import { type Principal, scopePaths } from "../../../platform/auth/index.ts";
import { type Db, rowsOf } from "../../../platform/db/index.ts";
import type { Audience } from "../rules/tables.ts";
import { namesOf } from "./accounts-list.ts";
import { districtOfPath } from "./engine.ts";
import type { AccountKind } from "./tables.ts";

/** How many wrong accounts the check lists (it counts them all). */
export const MISMATCH_LIMIT = 50;

interface CheckRow {
  postings: string | number;
  accounts: string | number;
  sum_balance: string | number;
  issued: string | number;
  spent: string | number;
  held: string | number;
  mismatched: string | number;
  wrong: Array<{
    id: string;
    kind: AccountKind;
    audience: Audience;
    holder_id: string;
    balance: number;
    net: number;
  }> | null;
}

/**
 * GET /points/ledger/check: the ledger proves itself. Over the caller's district(s) — points are
 * issued per district, so only a whole district sums to zero — one statement reads every posting
 * once, sums each account's credits − debits, and compares them with the stored balances: the
 * balances must sum to 0, and each must equal what its postings say.
 */
export async function ledgerCheck(db: Db, principal: Principal) {
  const districts = [...new Set(scopePaths(principal, "points.manage").map(districtOfPath))].filter(Boolean);
  const patterns = districts.map((d) => `/${d}/%`);
  const [row] = rowsOf<CheckRow>(
    await db.execute(sql`
      with p as (
        select debit_account_id, credit_account_id, amount::bigint as amount from point_postings
        where territory_path like any(${sql.param(patterns)}::text[])),
      flow as (
        select account_id, sum(delta) as net, count(*) as sides from (
          select credit_account_id as account_id, amount as delta from p
          union all select debit_account_id, -amount from p) x
        group by account_id),
      acc as (
        select a.id, a.kind, a.audience, a.holder_id, a.balance, coalesce(f.net, 0)::bigint as net
        from point_accounts a left join flow f on f.account_id = a.id
        where a.district_id::text = any(${sql.param(districts)}::text[]))
      select (select coalesce(sum(sides), 0) / 2 from flow) as postings,
        count(*) as accounts,
        coalesce(sum(balance), 0) as sum_balance,
        coalesce(-sum(balance) filter (where kind = 'issuer'), 0) as issued,
        coalesce(sum(balance) filter (where kind = 'spent'), 0) as spent,
        coalesce(sum(balance) filter (where kind = 'holder'), 0) as held,
        count(*) filter (where balance <> net) as mismatched,
        (select json_agg(w) from (select id, kind, audience, holder_id, balance, net from acc
          where balance <> net order by id limit ${MISMATCH_LIMIT}) w) as wrong
      from acc`),
  );
  const wrong = row?.wrong ?? [];
  const names = await namesOf(
    db,
    wrong.filter((w) => w.kind === "holder").map((w) => ({ audience: w.audience, holderId: w.holder_id })),
  );
  const sumOfBalances = Number(row?.sum_balance ?? 0);
  const mismatched = Number(row?.mismatched ?? 0);
  return {
    ok: sumOfBalances === 0 && mismatched === 0,
    postings: Number(row?.postings ?? 0),
    accounts: Number(row?.accounts ?? 0),
    sumOfBalances,
    /** Points given out, net of deductions returned: −(the issuers' balances). */
    issued: Number(row?.issued ?? 0),
    /** Points redeemed (the spent accounts). */
    spent: Number(row?.spent ?? 0),
    /** Points in holders' hands. */
    held: Number(row?.held ?? 0),
    mismatched,
    accountsWrong: wrong.map((w) => ({
      id: w.id,
      kind: w.kind,
      audience: w.audience,
      name: w.kind === "holder" ? (names.get(`${w.audience}:${w.holder_id}`) ?? "") : "",
      balance: Number(w.balance),
      fromPostings: Number(w.net),
    })),
  };
}
