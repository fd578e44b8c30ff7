import { sql } from "drizzle-orm";
import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const TERRITORY_LEVELS = [
  "district",
  "street",
  "community",
  "grid",
  "microgrid",
  "compound",
  "building",
  "entrance",
  "household",
] as const;
export type TerritoryLevel = (typeof TERRITORY_LEVELS)[number];

/**
 * The territory tree. `path` is the materialised path of ids (`/<district>/<street>/…/<self>/`);
 * a role's scope is every node whose path starts with its node's path.
 */
export const territoryNodes = pgTable(
  "territory_nodes",
  {
    id: uuid("id").primaryKey(),
    parentId: uuid("parent_id"),
    /** The district (tenant) the node belongs to; the district points to itself. */
    districtId: uuid("district_id").notNull(),
    level: text("level").$type<TerritoryLevel>().notNull(),
    code: text("code").notNull().unique(),
    name: text("name").notNull(),
    /** pinyin-pro sort key: the same order on every database collation. */
    sortKey: text("sort_key").notNull(),
    path: text("path").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("territory_nodes_path_idx").using("btree", sql`${t.path} text_pattern_ops`),
    index("territory_nodes_parent_idx").on(t.parentId, t.sortKey),
  ],
);
export type TerritoryNodeRow = typeof territoryNodes.$inferSelect;
