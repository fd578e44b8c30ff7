import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { pathIndex } from "../../../platform/db/path-index.ts";

/** 民主评议: the member himself, the other members of his organisation, and residents (群众测评). */
export const RATER_KINDS = ["self", "peer", "resident"] as const;
export type RaterKind = (typeof RATER_KINDS)[number];

/** How the period's score is made: the daily record (日常记实) and each side of the appraisal, in %. */
export interface AppraisalWeights {
  record: number;
  self: number;
  peer: number;
  resident: number;
}

export const ROUND_STATUSES = ["open", "closed"] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

/**
 * A half-yearly appraisal round of a community's party members (半年一评选一兑现): open for
 * appraisals until closed, when each member's record and appraisals are combined into his score.
 */
export const appraisalRounds = pgTable(
  "point_appraisal_rounds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    nodeId: uuid("node_id").notNull(),
    territoryPath: text("territory_path").notNull(),
    /** 2026H2. */
    period: text("period").notNull(),
    title: text("title").notNull(),
    weights: jsonb("weights").$type<AppraisalWeights>().notNull(),
    status: text("status").$type<RoundStatus>().notNull().default("open"),
    createdBy: uuid("created_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
  },
  (t) => [
    pathIndex("point_appraisal_rounds_territory_idx", t.territoryPath),
    index("point_appraisal_rounds_node_idx").on(t.nodeId, t.period),
  ],
);

/** One appraisal of a member (0–100): one per rater and member in a round. */
export const appraisals = pgTable(
  "point_appraisals",
  {
    roundId: uuid("round_id")
      .notNull()
      .references(() => appraisalRounds.id),
    memberId: uuid("member_id").notNull(),
    raterKind: text("rater_kind").$type<RaterKind>().notNull(),
    /** The rating account (self, peer) or the resident's household (one per household). */
    raterKey: text("rater_key").notNull(),
    score: integer("score").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.roundId, t.memberId, t.raterKind, t.raterKey] }),
    check("point_appraisals_score", sql`${t.score} between 0 and 100`),
  ],
);

/** A closed round's result per member: the parts and the combined score; vetoed members score 0. */
export const appraisalResults = pgTable(
  "point_appraisal_results",
  {
    roundId: uuid("round_id")
      .notNull()
      .references(() => appraisalRounds.id),
    memberId: uuid("member_id").notNull(),
    territoryPath: text("territory_path").notNull(),
    record: numeric("record", { precision: 8, scale: 2, mode: "number" }).notNull(),
    self: numeric("self", { precision: 8, scale: 2, mode: "number" }),
    peer: numeric("peer", { precision: 8, scale: 2, mode: "number" }),
    resident: numeric("resident", { precision: 8, scale: 2, mode: "number" }),
    total: numeric("total", { precision: 8, scale: 2, mode: "number" }).notNull(),
    vetoed: text("vetoed"),
  },
  (t) => [
    primaryKey({ columns: [t.roundId, t.memberId] }),
    index("point_appraisal_results_member_idx").on(t.memberId),
  ],
);
