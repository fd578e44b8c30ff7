import { sql } from "drizzle-orm";
import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { type CaseAction, type CaseStatus, type HandlerLevel, OPEN_STATUSES } from "./flow.ts";

// The open statuses as literals: the deadline sweep (jobs.ts) writes the same list, so PostgreSQL
// matches its queries to the partial indexes below.
const OPEN = sql.raw(OPEN_STATUSES.map((s) => `'${s}'`).join(", "));

/** Where a case came from (R1). */
export const CHANNELS = [
  "selfService",
  "device",
  "patrol",
  "courier",
  "hotline",
  "walkIn",
  "open311",
] as const;
export type Channel = (typeof CHANNELS)[number];

/** 咨询/求助/投诉/举报/建议, as 12345 centres classify a request. */
export const REQUEST_TYPES = ["consultation", "help", "complaint", "report", "suggestion"] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

export const URGENCIES = ["normal", "urgent"] as const;
export type Urgency = (typeof URGENCIES)[number];

/** An extra question a category asks (Open311 service attributes). */
export interface CategoryQuestion {
  code: string;
  label: string;
  labelEn: string;
  datatype: "string" | "text" | "number" | "singlevaluelist";
  required: boolean;
  values?: Array<{ key: string; name: string }>;
}

/**
 * Case categories: routing (default handler), SLA and duplicate rules are data, so a district
 * sets its own (大丰's 5-minute response, 务川's 30-minute on-site) without code.
 */
export const caseCategories = pgTable("case_categories", {
  code: text("code").primaryKey(),
  name: text("name").notNull(),
  nameEn: text("name_en").notNull(),
  description: text("description").notNull().default(""),
  /** Where a new case of this category starts: its grid, its community, or a department. */
  defaultLevel: text("default_level").$type<HandlerLevel>().notNull(),
  departmentCode: text("department_code"),
  responseMinutes: integer("response_minutes").notNull(),
  resolveMinutes: integer("resolve_minutes").notNull(),
  /** How long before a deadline the handler is reminded. */
  remindMinutes: integer("remind_minutes").notNull(),
  duplicateMeters: integer("duplicate_meters").notNull(),
  duplicateHours: integer("duplicate_hours").notNull(),
  questions: jsonb("questions").$type<CategoryQuestion[]>().notNull().default([]),
  sortOrder: integer("sort_order").notNull().default(0),
  active: boolean("active").notNull().default(true),
});

/** Government departments that "report" when a community "whistles" (吹哨报到). */
export const departments = pgTable("departments", {
  id: uuid("id").primaryKey().defaultRandom(),
  code: text("code").notNull().unique(),
  name: text("name").notNull(),
  nameEn: text("name_en").notNull(),
  sortOrder: integer("sort_order").notNull().default(0),
});

/** Which department a department-staff user works for. */
export const departmentStaff = pgTable(
  "department_staff",
  {
    departmentId: uuid("department_id")
      .notNull()
      .references(() => departments.id, { onDelete: "cascade" }),
    userId: uuid("user_id").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.departmentId, t.userId] }),
    index("department_staff_user_idx").on(t.userId),
  ],
);

export const cases = pgTable(
  "cases",
  {
    id: uuid("id").primaryKey(),
    /** Human code, `XG-20261123-0001`; also the Open311 service_request_id. */
    code: text("code").notNull().unique(),
    channel: text("channel").$type<Channel>().notNull(),
    /** Hotline record id or device id: with the channel, makes an import idempotent. */
    sourceRef: text("source_ref"),
    categoryCode: text("category_code").notNull(),
    requestType: text("request_type").$type<RequestType>().notNull(),
    urgency: text("urgency").$type<Urgency>().notNull().default("normal"),
    description: text("description").notNull(),
    photos: jsonb("photos").$type<string[]>().notNull().default([]),
    lat: doublePrecision("lat"),
    lng: doublePrecision("lng"),
    address: text("address"),
    householdId: uuid("household_id"),
    gridId: uuid("grid_id"),
    communityId: uuid("community_id"),
    streetId: uuid("street_id"),
    /** Path of the grid (or community) the case belongs to: scope is one LIKE on it. */
    territoryPath: text("territory_path").notNull(),
    status: text("status").$type<CaseStatus>().notNull(),
    departmentId: uuid("department_id"),
    reporterUserId: uuid("reporter_user_id"),
    reporterName: text("reporter_name"),
    reporterPhone: text("reporter_phone"),
    /** A possible duplicate found at intake (same category, near, recent): staff decide. */
    suggestedMasterId: uuid("suggested_master_id"),
    masterId: uuid("master_id"),
    responseDueAt: timestamp("response_due_at", { withTimezone: true }).notNull(),
    resolveDueAt: timestamp("resolve_due_at", { withTimezone: true }).notNull(),
    respondedAt: timestamp("responded_at", { withTimezone: true }),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    /** Deadlines handled so far ("response.remind", "resolve.escalate", …): each happens once. */
    slaDone: jsonb("sla_done").$type<string[]>().notNull().default([]),
    /** 督办: set when a deadline passed; the level that now supervises. */
    supervisedBy: text("supervised_by").$type<HandlerLevel>(),
    rating: smallint("rating"),
    ratingComment: text("rating_comment"),
    needsReview: boolean("needs_review").notNull().default(false),
    /** Hotline fields, Open311 attributes and the like, kept as received. */
    extra: jsonb("extra").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("cases_territory_idx").using("btree", sql`${t.territoryPath} text_pattern_ops`),
    index("cases_status_idx").on(t.status, t.createdAt),
    index("cases_category_time_idx").on(t.categoryCode, t.createdAt),
    index("cases_reporter_idx").on(t.reporterUserId, t.createdAt),
    index("cases_department_idx").on(t.departmentId),
    index("cases_master_idx").on(t.masterId),
    index("cases_created_idx").on(t.createdAt),
    // The figures' refresh (figures-refresh.ts) finds the days whose cases changed since its last run.
    index("cases_updated_idx").on(t.updatedAt),
    // Overdue now and the command centre's live list read only open cases, by place.
    index("cases_open_path_idx")
      .using("btree", sql`${t.territoryPath} text_pattern_ops`)
      .where(sql`status in (${OPEN})`),
    uniqueIndex("cases_source_unique").on(t.channel, t.sourceRef),
    // The duplicate check at intake (intake-batch.ts): open, unmerged cases of a category near a point.
    index("cases_duplicate_idx")
      .on(t.categoryCode, t.lat, t.lng)
      .where(sql`master_id is null and status not in ('merged', 'withdrawn', 'closed')`),
    // The deadline sweep runs every minute: it must read only what can still fall due.
    index("cases_response_due_idx")
      .on(t.responseDueAt)
      .where(sql`status in (${OPEN}) and responded_at is null and not (sla_done ? 'response.escalate')`),
    index("cases_resolve_due_idx")
      .on(t.resolveDueAt)
      .where(sql`status in (${OPEN}) and not (sla_done ? 'resolve.escalate')`),
  ],
);
export type CaseRow = typeof cases.$inferSelect;

/** Every transition of a case: the timeline. */
export const caseEvents = pgTable(
  "case_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid("actor_id"),
    actorName: text("actor_name"),
    action: text("action").$type<CaseAction | "submit" | "remind" | "supervise" | "follow">().notNull(),
    fromStatus: text("from_status").$type<CaseStatus>(),
    toStatus: text("to_status").$type<CaseStatus>(),
    note: text("note"),
    photos: jsonb("photos").$type<string[]>().notNull().default([]),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index("case_events_case_idx").on(t.caseId, t.at)],
);

/** One counter per day for the human case code. */
export const caseCounters = pgTable("case_counters", {
  day: text("day").primaryKey(),
  n: integer("n").notNull(),
});

/** `withdrawn`: the whistle was called off before the department reported (撤回吹哨). */
export const WHISTLE_STATUSES = ["pending", "accepted", "reported", "rated", "withdrawn"] as const;
export type WhistleStatus = (typeof WHISTLE_STATUSES)[number];

/** 吹哨报到: one row per department whistled for a case. */
export const whistles = pgTable(
  "whistles",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    departmentId: uuid("department_id")
      .notNull()
      .references(() => departments.id),
    territoryPath: text("territory_path").notNull(),
    status: text("status").$type<WhistleStatus>().notNull().default("pending"),
    request: text("request").notNull(),
    deadline: timestamp("deadline", { withTimezone: true }).notNull(),
    whistledBy: uuid("whistled_by"),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    reportedAt: timestamp("reported_at", { withTimezone: true }),
    report: text("report"),
    reportPhotos: jsonb("report_photos").$type<string[]>().notNull().default([]),
    score: smallint("score"),
    ratingComment: text("rating_comment"),
    overdue: boolean("overdue").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("whistles_case_idx").on(t.caseId),
    index("whistles_updated_idx").on(t.updatedAt),
    index("whistles_department_idx").on(t.departmentId, t.status),
    uniqueIndex("whistles_case_department_unique").on(t.caseId, t.departmentId),
    index("whistles_due_idx").on(t.deadline).where(sql`status in ('pending', 'accepted') and not overdue`),
  ],
);

/** 一键通 devices, registered per household; the secret is stored hashed. */
export const devices = pgTable(
  "devices",
  {
    id: text("id").primaryKey(),
    householdId: uuid("household_id").notNull(),
    territoryPath: text("territory_path").notNull(),
    label: text("label").notNull(),
    secretHash: text("secret_hash").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastCallAt: timestamp("last_call_at", { withTimezone: true }),
  },
  (t) => [index("devices_household_idx").on(t.householdId)],
);

export type FigureGrain = "day" | "month";

/**
 * D1 figures of the cases created in one China day or month under one territory node (every
 * ancestor of a case's grid has its own row), kept by figures-refresh.ts. The plain columns rank and
 * colour many nodes at once; `detail` holds the breakdowns of one node (figures/service.ts adds them up).
 */
export const caseFigures = pgTable(
  "case_figures",
  {
    grain: text("grain").$type<FigureGrain>().notNull(),
    /** The day, or the first day of the month. */
    period: date("period", { mode: "string" }).notNull(),
    nodeId: uuid("node_id").notNull(),
    cases: integer("cases").notNull(),
    open: integer("open").notNull(),
    rated: integer("rated").notNull(),
    satisfied: integer("satisfied").notNull(),
    late: integer("late").notNull(),
    whistles: integer("whistles").notNull(),
    detail: jsonb("detail").$type<FigureDetail>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.grain, t.nodeId, t.period] })],
);

/** Breakdowns of a figures row: counts by key, and histograms over figures-buckets.ts. */
export interface FigureDetail {
  status: Record<string, number>;
  category: Record<string, number>;
  channel: Record<string, number>;
  /** Minutes from intake to the first response, and to resolution. */
  response: number[];
  resolution: number[];
  /** Ratings 1 to 5 at index 0 to 4. */
  rating: number[];
  lateResponse: number;
  lateResolution: number;
  whistles: Record<string, WhistleFigures>;
}

/** One department's whistles: how many, reported back, overdue, scores 1–5, minutes to report. */
export interface WhistleFigures {
  n: number;
  reported: number;
  overdue: number;
  score: number[];
  response: number[];
}

/** How far the figures have been brought up to date (one row). */
export const caseFiguresState = pgTable("case_figures_state", {
  id: smallint("id").primaryKey(),
  refreshedThrough: timestamp("refreshed_through", { withTimezone: true }).notNull(),
});
