import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { pathIndex } from "../../../platform/db/path-index.ts";

/** Whose points a rule set governs: party members (先锋/美德信用积分), residents (睦邻积分), shops (商铺积分). */
export const AUDIENCES = ["member", "resident", "merchant"] as const;
export type Audience = (typeof AUDIENCES)[number];

/** 1+1−1 and the veto: 基础分, 加分项, 扣分项, 一票否决. */
export const RULE_KINDS = ["base", "add", "deduct", "veto"] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

export const CAP_PERIODS = ["day", "month", "quarter", "year"] as const;
export type CapPeriod = (typeof CAP_PERIODS)[number];

export const RULE_SET_STATUSES = ["draft", "active", "retired"] as const;
export type RuleSetStatus = (typeof RULE_SET_STATUSES)[number];

/**
 * One version of a district's (or street's, community's) rules for an audience. Editing an active
 * set makes a new draft version of the same family; activating it retires the one before. Postings
 * keep the rule version they were made under, so a change never rewrites the past.
 */
export const pointRuleSets = pgTable(
  "point_rule_sets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Shared by every version of the same rules. */
    family: uuid("family").notNull(),
    version: integer("version").notNull(),
    nodeId: uuid("node_id").notNull(),
    territoryPath: text("territory_path").notNull(),
    audience: text("audience").$type<Audience>().notNull(),
    name: text("name").notNull(),
    status: text("status").$type<RuleSetStatus>().notNull().default("draft"),
    /** The 基础分 a new account opens with (members 60 in 费县, shops 100). */
    baseScore: integer("base_score").notNull().default(0),
    note: text("note"),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    activatedAt: timestamp("activated_at", { withTimezone: true }),
  },
  (t) => [
    pathIndex("point_rule_sets_territory_idx", t.territoryPath),
    uniqueIndex("point_rule_sets_version_idx").on(t.family, t.version),
    // One active version per family, one active family per node and audience.
    uniqueIndex("point_rule_sets_active_idx").on(t.nodeId, t.audience).where(sql`${t.status} = 'active'`),
  ],
);

/**
 * One rule of a version. `trigger` is `manual` (entered and approved) or the outbox event type of
 * another module (`orders.completed` …) that credits it by itself. For shops, `indicator` is the
 * first-level indicator (弘扬美德, 门前五包 …) and `name` the second-level one.
 */
export const pointRules = pgTable(
  "point_rules",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ruleSetId: uuid("rule_set_id")
      .notNull()
      .references(() => pointRuleSets.id),
    /** Stable across versions: caps count postings by code, not by version. */
    code: text("code").notNull(),
    name: text("name").notNull(),
    indicator: text("indicator"),
    kind: text("kind").$type<RuleKind>().notNull(),
    trigger: text("trigger").notNull().default("manual"),
    /** Points per occurrence (or per hour where `perHour`); a deduction is written positive. */
    points: integer("points").notNull(),
    perHour: boolean("per_hour").notNull().default(false),
    /** At most this many points from the rule per holder and period. */
    capPoints: integer("cap_points"),
    capPeriod: text("cap_period").$type<CapPeriod>(),
    evidenceRequired: boolean("evidence_required").notNull().default(false),
    /** The role that approves a manual entry (its 积分制管理小组). */
    approverRole: text("approver_role"),
    sort: integer("sort").notNull().default(0),
  },
  (t) => [
    uniqueIndex("point_rules_code_idx").on(t.ruleSetId, t.code),
    index("point_rules_trigger_idx").on(t.trigger),
  ],
);
