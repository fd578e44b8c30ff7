import { sql } from "drizzle-orm";
import { doublePrecision, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** Service centres, rest stations, grid service posts, neighbourhood centres. */
export const venues = pgTable(
  "venues",
  {
    id: uuid("id").primaryKey(),
    kind: text("kind").notNull(),
    name: text("name").notNull(),
    sortKey: text("sort_key").notNull(),
    nodeId: uuid("node_id").notNull(),
    territoryPath: text("territory_path").notNull(),
    address: text("address").notNull(),
    lat: doublePrecision("lat").notNull(),
    lng: doublePrecision("lng").notNull(),
    hours: text("hours"),
    facilities: jsonb("facilities").$type<string[]>().notNull().default([]),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("venues_territory_idx").using("btree", sql`${t.territoryPath} text_pattern_ops`)],
);

/** Shops in the 15-minute circle. */
export const merchants = pgTable(
  "merchants",
  {
    id: uuid("id").primaryKey(),
    name: text("name").notNull(),
    sortKey: text("sort_key").notNull(),
    category: text("category").notNull(),
    uscc: text("uscc").unique(),
    nodeId: uuid("node_id").notNull(),
    territoryPath: text("territory_path").notNull(),
    address: text("address").notNull(),
    lat: doublePrecision("lat").notNull(),
    lng: doublePrecision("lng").notNull(),
    phone: text("phone"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("merchants_territory_idx").using("btree", sql`${t.territoryPath} text_pattern_ops`)],
);
