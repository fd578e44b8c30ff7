import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import type { MultiPolygon, Polygon } from "geojson";

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

/** 片区型 / 小区型 / 楼院型 / 单位型 */
export const GRID_TYPES = ["area", "compound", "courtyard", "unit"] as const;
export type GridType = (typeof GRID_TYPES)[number];

/** The grid types a district uses: the four built-in ones, renamed or added to from the pages. */
export const gridTypes = pgTable("grid_types", {
  code: text("code").primaryKey(),
  name: text("name").notNull(),
  nameEn: text("name_en").notNull(),
  sortOrder: integer("sort_order").notNull().default(0),
  active: boolean("active").notNull().default(true),
});

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
    /** Grids: a code of grid_types (片区/小区/楼院/单位, or one the district added). */
    gridType: text("grid_type"),
    /** Grids: the 15-digit unit-grid code (division 6 + street 3 + community 3 + grid 3, GB/T 30428). */
    unitCode: text("unit_code").unique(),
    /** District, streets, communities, grids, compounds: GeoJSON (lng, lat). */
    geometry: jsonb("geometry").$type<Polygon | MultiPolygon>(),
    /** Buildings and households: a point; areas: their centroid. */
    lat: doublePrecision("lat"),
    lng: doublePrecision("lng"),
    address: text("address"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("territory_nodes_path_idx").using("btree", sql`${t.path} text_pattern_ops`),
    index("territory_nodes_parent_idx").on(t.parentId, t.sortKey),
    index("territory_nodes_level_idx").on(t.level, t.sortKey),
  ],
);
export type TerritoryNodeRow = typeof territoryNodes.$inferSelect;

/**
 * One row: bumped whenever a polygon changes, so every process knows to reload its spatial
 * index (ARCHITECTURE: several processes share one database).
 */
export const territoryState = pgTable("territory_state", {
  id: integer("id").primaryKey(),
  geoVersion: bigint("geo_version", { mode: "number" }).notNull(),
});
