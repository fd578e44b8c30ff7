import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { pathIndex } from "../../platform/db/path-index.ts";

/** 微心愿 (W1): the states of a wish; the transitions are in flow.ts. */
export const WISH_STATUSES = [
  "pending",
  "published",
  "claimed",
  "fulfilled",
  "confirmed",
  "rejected",
  "withdrawn",
] as const;
export type WishStatus = (typeof WISH_STATUSES)[number];

/** Who wished: a resident, or a new-economy worker (couriers, riders, drivers). */
export const WISHER_KINDS = ["resident", "newEconomyWorker"] as const;
export type WisherKind = (typeof WISHER_KINDS)[number];

export const WISH_CATEGORIES = ["study", "daily", "health", "elderly", "children", "work", "other"] as const;
export type WishCategory = (typeof WISH_CATEGORIES)[number];

/** Who claimed: a party member for himself, or on behalf of a paired unit. */
export const CLAIMER_KINDS = ["member", "unit"] as const;
export type ClaimerKind = (typeof CLAIMER_KINDS)[number];

export const wishes = pgTable(
  "wishes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** `XY-20261125-0001`. */
    code: text("code").notNull().unique(),
    wisherUserId: uuid("wisher_user_id"),
    /** Stored whole; shown masked (王*明) on the wall. */
    wisherName: text("wisher_name").notNull(),
    wisherPhone: text("wisher_phone"),
    wisherKind: text("wisher_kind").$type<WisherKind>().notNull().default("resident"),
    category: text("category").$type<WishCategory>().notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    photos: jsonb("photos").$type<string[]>().notNull().default([]),
    nodeId: uuid("node_id").notNull(),
    territoryPath: text("territory_path").notNull(),
    status: text("status").$type<WishStatus>().notNull().default("pending"),
    reviewedBy: uuid("reviewed_by"),
    reviewNote: text("review_note"),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    claimerUserId: uuid("claimer_user_id"),
    claimerName: text("claimer_name"),
    claimerKind: text("claimer_kind").$type<ClaimerKind>(),
    claimerUnitId: uuid("claimer_unit_id"),
    claimerUnitName: text("claimer_unit_name"),
    claimedAt: timestamp("claimed_at", { withTimezone: true }),
    fulfilledAt: timestamp("fulfilled_at", { withTimezone: true }),
    fulfilNote: text("fulfil_note"),
    fulfilPhotos: jsonb("fulfil_photos").$type<string[]>().notNull().default([]),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    thanks: text("thanks"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    pathIndex("wishes_territory_idx", t.territoryPath),
    index("wishes_status_idx").on(t.status, t.createdAt),
    index("wishes_wisher_idx").on(t.wisherUserId),
    index("wishes_claimer_idx").on(t.claimerUserId),
  ],
);

export const wishEvents = pgTable(
  "wish_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    wishId: uuid("wish_id")
      .notNull()
      .references(() => wishes.id, { onDelete: "cascade" }),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid("actor_id"),
    actorName: text("actor_name"),
    action: text("action").notNull(),
    fromStatus: text("from_status").$type<WishStatus>(),
    toStatus: text("to_status").$type<WishStatus>(),
    note: text("note"),
    photos: jsonb("photos").$type<string[]>().notNull().default([]),
  },
  (t) => [index("wish_events_wish_idx").on(t.wishId, t.at)],
);

export type WishRow = typeof wishes.$inferSelect;
