import { Type } from "@sinclair/typebox";
import { Enum, Nullable, Time, Uuid } from "../../../platform/http/types.ts";
import { AUDIENCES } from "../rules/tables.ts";
import { ACCOUNT_KINDS, POSTING_KINDS } from "./tables.ts";

/** Schemas of the ledger's views: my points, statements, accounts, postings, the check. */
export const Month = Type.String({
  pattern: "^\\d{4}-(0[1-9]|1[0-2])$",
  maxLength: 7,
  description: "2026-11 (China time)",
});
const Int = Type.Integer();

export const Score = Type.Object({
  base: Int,
  added: Int,
  deducted: Int,
  score: Type.Integer({ description: "base + added − deducted; 0 when vetoed (一票否决)" }),
  vetoed: Type.Boolean(),
});

export const MyPoints = Type.Object({
  month: Month,
  half: Type.String({ description: "2026H2" }),
  items: Type.Array(
    Type.Object({
      audience: Enum(AUDIENCES),
      holderId: Uuid,
      name: Type.String(),
      accountId: Nullable(Uuid),
      balance: Int,
      monthAdded: Int,
      monthDeducted: Int,
      score: Score,
      rank: Nullable(Type.Object({ position: Int, of: Int }, { description: "by balance in his community" })),
    }),
  ),
});

export const Statement = Type.Object({
  accountId: Nullable(Uuid),
  audience: Enum(AUDIENCES),
  name: Type.String(),
  month: Month,
  opening: Int,
  added: Int,
  deducted: Int,
  closing: Int,
  items: Type.Array(
    Type.Object({
      id: Int,
      at: Time,
      date: Type.String(),
      kind: Enum(POSTING_KINDS),
      what: Type.String({ description: "the rule's name, else the memo" }),
      ruleCode: Nullable(Type.String()),
      amount: Type.Integer({ description: "+ credited, − debited" }),
      balanceAfter: Int,
    }),
  ),
  months: Type.Array(Month, { description: "months with postings, newest first" }),
});

export const StatementQuery = {
  month: Type.Optional(Month),
};

export const AccountItem = Type.Object({
  id: Uuid,
  audience: Enum(AUDIENCES),
  holderId: Uuid,
  name: Type.String(),
  balance: Int,
  createdAt: Time,
});

export const PostingItem = Type.Object({
  id: Int,
  at: Time,
  date: Type.String(),
  month: Month,
  kind: Enum(POSTING_KINDS),
  audience: Enum(AUDIENCES),
  accountId: Uuid,
  holderName: Type.String(),
  amount: Type.Integer({ description: "+ to the holder, − from him" }),
  ruleCode: Nullable(Type.String()),
  what: Type.String(),
  memo: Type.String(),
  reversesId: Nullable(Int),
});

export const LedgerCheck = Type.Object({
  ok: Type.Boolean({ description: "the balances sum to 0 and each equals its credits − debits" }),
  postings: Int,
  accounts: Int,
  sumOfBalances: Int,
  issued: Type.Integer({ description: "given out net of deductions: −(issuers' balances)" }),
  spent: Type.Integer({ description: "redeemed" }),
  held: Type.Integer({ description: "in holders' hands" }),
  mismatched: Int,
  accountsWrong: Type.Array(
    Type.Object({
      id: Uuid,
      kind: Enum(ACCOUNT_KINDS),
      audience: Enum(AUDIENCES),
      name: Type.String(),
      balance: Int,
      fromPostings: Int,
    }),
    { description: `the first ${50} whose stored balance differs from their postings` },
  ),
});
