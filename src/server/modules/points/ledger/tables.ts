import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { pathIndex } from "../../../platform/db/path-index.ts";
import type { Audience } from "../rules/tables.ts";

/**
 * `holder`: a person's or shop's points. `issuer`: where a district's points of an audience come
 * from (it goes negative as they are given). `spent`: where redeemed points go.
 */
export const ACCOUNT_KINDS = ["holder", "issuer", "spent"] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];

/**
 * A points account. A holder is a resident (睦邻积分), a party member (先锋积分) or a merchant
 * (商铺积分): `holderId` is the residents, party_members or merchants row. `balance` is kept in step
 * with the postings in the same statement batch; a holder's can never go below zero.
 */
export const pointAccounts = pgTable(
  "point_accounts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").$type<AccountKind>().notNull(),
    audience: text("audience").$type<Audience>().notNull(),
    /** The resident, member or merchant; for issuer and spent accounts, the district node. */
    holderId: uuid("holder_id").notNull(),
    districtId: uuid("district_id").notNull(),
    territoryPath: text("territory_path").notNull(),
    balance: bigint("balance", { mode: "number" }).notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("point_accounts_holder_idx").on(t.kind, t.audience, t.holderId),
    pathIndex("point_accounts_territory_idx", t.territoryPath),
    check("point_accounts_not_negative", sql`${t.kind} <> 'holder' or ${t.balance} >= 0`),
  ],
);

export const POSTING_KINDS = ["award", "deduct", "redeem", "refund", "reversal", "appraisal"] as const;
export type PostingKind = (typeof POSTING_KINDS)[number];

/**
 * The ledger: append-only; each row moves `amount` from the debited account to the credited one, so
 * the accounts always sum to zero. `businessKey` makes a posting idempotent (the same event or
 * request never posts twice); a mistake is undone by a reversal, never by a delete.
 */
export const pointPostings = pgTable(
  "point_postings",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    businessKey: text("business_key").notNull().unique(),
    kind: text("kind").$type<PostingKind>().notNull(),
    debitAccountId: uuid("debit_account_id").notNull(),
    creditAccountId: uuid("credit_account_id").notNull(),
    amount: integer("amount").notNull(),
    /** The rule version it was made under, if any: its points stay as they were. */
    ruleId: uuid("rule_id"),
    ruleCode: text("rule_code"),
    /** The holder's account (credited by an award, debited by a deduction or redemption). */
    holderAccountId: uuid("holder_account_id").notNull(),
    reversesId: bigint("reverses_id", { mode: "number" }).unique(),
    memo: text("memo").notNull().default(""),
    /** A manual entry's evidence (platform/files ids). */
    evidence: jsonb("evidence").$type<string[]>(),
    actorId: uuid("actor_id"),
    territoryPath: text("territory_path").notNull(),
    /** China-time month (2026-12), for statements and caps. */
    month: text("month").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("point_postings_holder_idx").on(t.holderAccountId, t.month),
    index("point_postings_rule_idx").on(t.holderAccountId, t.ruleCode, t.month),
    pathIndex("point_postings_territory_idx", t.territoryPath),
    check("point_postings_positive", sql`${t.amount} > 0`),
  ],
);

export const CLAIM_STATUSES = ["pending", "approved", "rejected"] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/**
 * A manual entry (积分申报/认定): a rule applied to a holder with evidence, posted only when someone
 * holding the rule's approver role (not its submitter) approves it. A veto (一票否决) is a claim
 * too: approved, it zeroes the holder's score for its month's half-year.
 */
export const pointClaims = pgTable(
  "point_claims",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id").notNull(),
    ruleId: uuid("rule_id").notNull(),
    quantity: integer("quantity").notNull().default(1),
    /** The points the rule gave when the claim was made. */
    points: integer("points").notNull(),
    note: text("note").notNull().default(""),
    evidence: jsonb("evidence").$type<string[]>().notNull().default([]),
    status: text("status").$type<ClaimStatus>().notNull().default("pending"),
    approverRole: text("approver_role"),
    territoryPath: text("territory_path").notNull(),
    /** The China-time date the deed happened on. */
    happenedOn: text("happened_on").notNull(),
    submittedBy: uuid("submitted_by").notNull(),
    decidedBy: uuid("decided_by"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    reason: text("reason"),
    postingId: bigint("posting_id", { mode: "number" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    pathIndex("point_claims_territory_idx", t.territoryPath),
    index("point_claims_status_idx").on(t.status, t.createdAt),
    index("point_claims_account_idx").on(t.accountId),
  ],
);
