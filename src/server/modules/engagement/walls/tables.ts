import { integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { pathIndex } from "../../../platform/db/path-index.ts";

export const PROMISE_STATUSES = ["pending", "published", "returned"] as const;
export type PromiseStatus = (typeof PROMISE_STATUSES)[number];

/**
 * 承诺墙 (P4): a member's promise for the year, published on his community's wall once the
 * community has read it, and kept (践诺) with a note and photos.
 */
export const memberPromises = pgTable(
  "member_promises",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    memberId: uuid("member_id").notNull(),
    userId: uuid("user_id"),
    territoryPath: text("territory_path").notNull(),
    year: integer("year").notNull(),
    text: text("text").notNull(),
    /** His photo on the walls (platform/files). */
    photoId: text("photo_id"),
    status: text("status").$type<PromiseStatus>().notNull().default("pending"),
    returnReason: text("return_reason"),
    keptNote: text("kept_note"),
    keptPhotos: jsonb("kept_photos").$type<string[]>().notNull().default([]),
    keptAt: timestamp("kept_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    pathIndex("member_promises_territory_idx", t.territoryPath),
    uniqueIndex("member_promises_member_year_idx").on(t.memberId, t.year),
  ],
);

/** 先锋墙 (P4): members the community holds up, with why. */
export const pioneers = pgTable(
  "wall_pioneers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    memberId: uuid("member_id").notNull(),
    territoryPath: text("territory_path").notNull(),
    year: integer("year").notNull(),
    citation: text("citation").notNull(),
    photoId: text("photo_id"),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    pathIndex("wall_pioneers_territory_idx", t.territoryPath),
    uniqueIndex("wall_pioneers_member_year_idx").on(t.memberId, t.year),
  ],
);
