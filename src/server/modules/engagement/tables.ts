import { sql } from "drizzle-orm";
import {
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { pathIndex } from "../../platform/db/path-index.ts";

/**
 * 双报到 and what follows it (P1–P3): units paired with communities, their in-service members
 * reporting in where they live, the services they do there (纪实手册), the feedback to their unit,
 * and the households they visit. Words: shared/locales/engagement.*.ts.
 */

/** 六定: what a unit commits to in its pairing agreement, one sentence each. */
export const SIX_FIXES = ["post", "duty", "time", "task", "assessment", "reward"] as const;
export type SixFix = (typeof SIX_FIXES)[number];

/** The 1+X menu (东湖): what a member who reported in chooses to do in the community. */
export const MENU_ITEMS = ["partyActivity", "pairing", "volunteering", "wish", "suggestion"] as const;
export type MenuItem = (typeof MENU_ITEMS)[number];

/** 六个一 (兴国): the year's checklist of a member of a paired unit. */
export const SIX_ONES = ["partyLife", "talk", "survey", "wish", "volunteerDay", "pairHousehold"] as const;
export type SixOne = (typeof SIX_ONES)[number];

/** A unit's pairing with a community (结对共建), under an agreement with dates and its 六定. */
export const unitPairings = pgTable(
  "unit_pairings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    unitId: uuid("unit_id").notNull(),
    communityId: uuid("community_id").notNull(),
    /** The community's path: who sees the pairing. */
    territoryPath: text("territory_path").notNull(),
    startsOn: date("starts_on").notNull(),
    endsOn: date("ends_on").notNull(),
    commitments: jsonb("commitments").$type<Record<SixFix, string>>().notNull(),
    /** The signed agreement, scanned (platform/files), if uploaded. */
    agreementFileId: text("agreement_file_id"),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
  },
  (t) => [
    pathIndex("unit_pairings_territory_idx", t.territoryPath),
    index("unit_pairings_unit_idx").on(t.unitId),
    // One pairing of a unit with a community at a time.
    uniqueIndex("unit_pairings_live_idx").on(t.unitId, t.communityId).where(sql`${t.endedAt} is null`),
  ],
);

/** The accounts that act for a unit (its party organisation's contact): unit staff. */
export const unitStaff = pgTable("unit_staff", {
  userId: uuid("user_id").primaryKey(),
  unitId: uuid("unit_id").notNull(),
});

export const REPORT_IN_STATUSES = ["pending", "approved", "returned"] as const;
export type ReportInStatus = (typeof REPORT_IN_STATUSES)[number];

/** An in-service member's report-in (报到) for a year at the community where he lives. */
export const reportIns = pgTable(
  "report_ins",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    memberId: uuid("member_id").notNull(),
    userId: uuid("user_id"),
    unitId: uuid("unit_id").notNull(),
    pairingId: uuid("pairing_id").notNull(),
    communityId: uuid("community_id").notNull(),
    territoryPath: text("territory_path").notNull(),
    year: integer("year").notNull(),
    status: text("status").$type<ReportInStatus>().notNull().default("pending"),
    /** 介绍信: an uploaded scan, or none when the unit's account issued it here (`letterIssuedAt`). */
    letterFileId: text("letter_file_id"),
    letterIssuedAt: timestamp("letter_issued_at", { withTimezone: true }),
    menu: jsonb("menu").$type<MenuItem[]>().notNull().default([]),
    returnReason: text("return_reason"),
    decidedBy: uuid("decided_by"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    pathIndex("report_ins_territory_idx", t.territoryPath),
    index("report_ins_unit_idx").on(t.unitId, t.year),
    // One live report-in per member and year; a returned one may be sent again.
    uniqueIndex("report_ins_live_idx").on(t.memberId, t.year).where(sql`${t.status} <> 'returned'`),
  ],
);

/** 六个一: an item of a member's yearly checklist, ticked when a service record fulfils it. */
export const sixOnes = pgTable(
  "six_ones",
  {
    memberId: uuid("member_id").notNull(),
    year: integer("year").notNull(),
    item: text("item").$type<SixOne>().notNull(),
    doneOn: date("done_on").notNull(),
    recordId: uuid("record_id"),
  },
  (t) => [primaryKey({ columns: [t.memberId, t.year, t.item] })],
);

export const RECORD_KINDS = [
  "order",
  "wish",
  "volunteering",
  "visit",
  "suggestion",
  "partyActivity",
  "other",
] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export const RECORD_STATUSES = ["pending", "approved", "rejected"] as const;
export type RecordStatus = (typeof RECORD_STATUSES)[number];

/**
 * 纪实手册: one row per service a member did. Rows from other modules' events carry the event's
 * business key (`sourceKey`, unique) so a redelivered event lands once; manual rows wait for the
 * community's approval.
 */
export const serviceRecords = pgTable(
  "service_records",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    memberId: uuid("member_id").notNull(),
    userId: uuid("user_id"),
    /** His unit when he served (for the unit's ledger), if in service. */
    unitId: uuid("unit_id"),
    territoryPath: text("territory_path").notNull(),
    kind: text("kind").$type<RecordKind>().notNull(),
    sourceKey: text("source_key").unique(),
    title: text("title").notNull(),
    hours: numeric("hours", { precision: 6, scale: 2, mode: "number" }),
    servedOn: date("served_on").notNull(),
    photos: jsonb("photos").$type<string[]>().notNull().default([]),
    status: text("status").$type<RecordStatus>().notNull().default("approved"),
    decidedBy: uuid("decided_by"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    rejectReason: text("reject_reason"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    pathIndex("service_records_territory_idx", t.territoryPath),
    index("service_records_member_idx").on(t.memberId, t.servedOn),
    index("service_records_unit_idx").on(t.unitId, t.servedOn),
    index("service_records_status_idx").on(t.status),
  ],
);

/** 反馈卡: the community's quarterly word on a member, sent to his unit. */
export const feedbackCards = pgTable(
  "feedback_cards",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    memberId: uuid("member_id").notNull(),
    unitId: uuid("unit_id").notNull(),
    territoryPath: text("territory_path").notNull(),
    year: integer("year").notNull(),
    quarter: integer("quarter").notNull(),
    comment: text("comment").notNull(),
    /** 优秀/良好/一般/较差, as the cards in use grade. */
    grade: text("grade").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("feedback_cards_member_quarter_idx").on(t.memberId, t.year, t.quarter),
    index("feedback_cards_unit_idx").on(t.unitId, t.year, t.quarter),
    pathIndex("feedback_cards_territory_idx", t.territoryPath),
  ],
);

/** 周六报到: which paired unit reports to which community on which Saturday. */
export const saturdayRota = pgTable(
  "saturday_rota",
  {
    pairingId: uuid("pairing_id").notNull(),
    unitId: uuid("unit_id").notNull(),
    communityId: uuid("community_id").notNull(),
    territoryPath: text("territory_path").notNull(),
    day: date("day").notNull(),
    remindedAt: timestamp("reminded_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.communityId, t.day] }),
    index("saturday_rota_unit_idx").on(t.unitId, t.day),
  ],
);

/** A problem found on a visit; `caseId` once it became a case. */
export interface VisitProblem {
  text: string;
  caseId?: string;
}

/** 民情日记: a member's (or liaison's) visit to a household he is paired with. */
export const householdVisits = pgTable(
  "household_visits",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    memberId: uuid("member_id").notNull(),
    userId: uuid("user_id"),
    householdId: uuid("household_id").notNull(),
    territoryPath: text("territory_path").notNull(),
    visitedAt: timestamp("visited_at", { withTimezone: true }).notNull(),
    note: text("note").notNull(),
    photos: jsonb("photos").$type<string[]>().notNull().default([]),
    problems: jsonb("problems").$type<VisitProblem[]>().notNull().default([]),
    /** Made by the phone, so a visit sent twice (offline, then again) is kept once. */
    clientKey: text("client_key").unique(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    pathIndex("household_visits_territory_idx", t.territoryPath),
    index("household_visits_member_idx").on(t.memberId, t.visitedAt),
    index("household_visits_household_idx").on(t.householdId, t.visitedAt),
  ],
);

export const SUGGESTION_STATUSES = ["pending", "adopted", "declined"] as const;
export type SuggestionStatus = (typeof SUGGESTION_STATUSES)[number];

/** 提出一条意见建议: a member's suggestion to the community; an adopted one lands in his record. */
export const suggestions = pgTable(
  "member_suggestions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    memberId: uuid("member_id").notNull(),
    userId: uuid("user_id"),
    territoryPath: text("territory_path").notNull(),
    text: text("text").notNull(),
    status: text("status").$type<SuggestionStatus>().notNull().default("pending"),
    answer: text("answer"),
    decidedBy: uuid("decided_by"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    pathIndex("member_suggestions_territory_idx", t.territoryPath),
    index("member_suggestions_member_idx").on(t.memberId),
  ],
);
