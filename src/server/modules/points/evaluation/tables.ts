import {
  date,
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

/** One indicator scored in an inspection: the rule (second-level indicator) and what was seen. */
export interface InspectionItem {
  ruleId: string;
  /** Occurrences (1 for most). */
  quantity: number;
  note?: string;
}

/**
 * An inspector's visit to a shop (社区人员日常检查, 执法队员巡查) from the phone: the indicators
 * found, with photos. Each item posts to the shop's account under its rule, keyed by inspection.
 */
export const inspections = pgTable(
  "point_inspections",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    merchantId: uuid("merchant_id").notNull(),
    territoryPath: text("territory_path").notNull(),
    inspectorId: uuid("inspector_id").notNull(),
    items: jsonb("items").$type<InspectionItem[]>().notNull(),
    photos: jsonb("photos").$type<string[]>().notNull().default([]),
    note: text("note").notNull().default(""),
    /** Points added less points deducted. */
    net: integer("net").notNull(),
    /** A phone-made key: the same inspection sent twice is kept once. */
    clientKey: text("client_key").unique(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    pathIndex("point_inspections_territory_idx", t.territoryPath),
    index("point_inspections_merchant_idx").on(t.merchantId),
  ],
);

/**
 * A consumer's rating from the shop's QR code: one per phone per shop per China day. The phone is
 * kept only as a keyed hash (platform/pii blind index), never in the clear.
 */
export const consumerRatings = pgTable(
  "point_consumer_ratings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    merchantId: uuid("merchant_id").notNull(),
    territoryPath: text("territory_path").notNull(),
    phoneIndex: text("phone_index").notNull(),
    day: date("day").notNull(),
    stars: integer("stars").notNull(),
    comment: text("comment").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("point_consumer_ratings_once_idx").on(t.merchantId, t.phoneIndex, t.day),
    index("point_consumer_ratings_merchant_idx").on(t.merchantId, t.createdAt),
  ],
);
