import { sql } from "drizzle-orm";
import {
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { pathIndex } from "../../platform/db/path-index.ts";

/** 群众点单、社区派单、党员接单 (R5): the states of an order; the transitions are in flow.ts. */
export const ORDER_STATUSES = ["open", "grabbed", "onSite", "completed", "rated", "cancelled"] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** Who may grab: party members, registered volunteers, or both. */
export const AUDIENCES = ["members", "volunteers", "both"] as const;
export type Audience = (typeof AUDIENCES)[number];

/** Kinds of small service (帮代办, repairs, accompanying …), each with its own on-site deadline. */
export const orderCategories = pgTable("order_categories", {
  code: text("code").primaryKey(),
  name: text("name").notNull(),
  nameEn: text("name_en").notNull(),
  /** Minutes from the grab to arriving on site (务川: 30) before the order returns to the pool. */
  onSiteMinutes: integer("on_site_minutes").notNull().default(30),
  /** A volunteer skill that makes a volunteer eligible (volunteering's skill words), if any. */
  skill: text("skill"),
  sortOrder: integer("sort_order").notNull().default(0),
});

/**
 * An order published to members and volunteers. Published from a case (a resident's request or a
 * one-key call) it carries the case; completing it resolves the case and the rating closes it.
 */
export const orders = pgTable(
  "orders",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** `DD-20261125-0001`. */
    code: text("code").notNull().unique(),
    caseId: uuid("case_id"),
    categoryCode: text("category_code").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    address: text("address"),
    lat: doublePrecision("lat"),
    lng: doublePrecision("lng"),
    /** The grid (or community) the service is in: the order's scope. */
    nodeId: uuid("node_id").notNull(),
    territoryPath: text("territory_path").notNull(),
    /** Who may grab: people whose home node lies under this path (a grid, a community …). */
    audiencePath: text("audience_path").notNull(),
    audience: text("audience").$type<Audience>().notNull().default("both"),
    /** Only volunteers of this team, if set. */
    teamId: uuid("team_id"),
    /** Only grabbers within this distance of the place (their phone's location), if set. */
    maxDistanceMeters: integer("max_distance_meters"),
    /** Minutes to arrive; copied from the category when published. */
    onSiteMinutes: integer("on_site_minutes").notNull(),
    requesterUserId: uuid("requester_user_id"),
    requesterName: text("requester_name"),
    requesterPhone: text("requester_phone"),
    status: text("status").$type<OrderStatus>().notNull().default("open"),
    takerUserId: uuid("taker_user_id"),
    takerName: text("taker_name"),
    grabbedAt: timestamp("grabbed_at", { withTimezone: true }),
    onSiteDueAt: timestamp("on_site_due_at", { withTimezone: true }),
    arrivedAt: timestamp("arrived_at", { withTimezone: true }),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    completionNote: text("completion_note"),
    completionPhotos: jsonb("completion_photos").$type<string[]>().notNull().default([]),
    score: smallint("score"),
    ratingComment: text("rating_comment"),
    ratedAt: timestamp("rated_at", { withTimezone: true }),
    /** Times a taker let the on-site deadline pass and the order went back to the pool. */
    misses: integer("misses").notNull().default(0),
    publishedBy: uuid("published_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    pathIndex("orders_territory_idx", t.territoryPath),
    index("orders_status_idx").on(t.status, t.createdAt),
    index("orders_taker_idx").on(t.takerUserId),
    index("orders_due_idx").on(t.onSiteDueAt),
    // One live order per case; a cancelled one leaves the case free to be published again.
    uniqueIndex("orders_case_live_idx").on(t.caseId).where(sql`status <> 'cancelled'`),
  ],
);

/** The order's timeline: publish, grab, arrive, miss, complete, rate, cancel. */
export const orderEvents = pgTable(
  "order_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid("actor_id"),
    actorName: text("actor_name"),
    action: text("action").notNull(),
    fromStatus: text("from_status").$type<OrderStatus>(),
    toStatus: text("to_status").$type<OrderStatus>(),
    note: text("note"),
    photos: jsonb("photos").$type<string[]>().notNull().default([]),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index("order_events_order_idx").on(t.orderId, t.at)],
);

/** A taker who did not arrive in time: the record behind 'missed' figures. */
export const orderMisses = pgTable(
  "order_misses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    userId: uuid("user_id").notNull(),
    grabbedAt: timestamp("grabbed_at", { withTimezone: true }).notNull(),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    missedAt: timestamp("missed_at", { withTimezone: true }).notNull().defaultNow(),
    territoryPath: text("territory_path").notNull(),
  },
  (t) => [
    index("order_misses_user_idx").on(t.userId),
    pathIndex("order_misses_territory_idx", t.territoryPath),
  ],
);
