import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const ORG_KINDS = [
  "streetCommittee",
  "communityCommittee",
  "gridBranch",
  "compoundBranch",
  "buildingGroup",
  "unitBranch",
] as const;
/** The built-in kinds; a district adds its own to `org_kinds`, so an organisation's kind is a string. */
export type OrgKind = (typeof ORG_KINDS)[number];

export const UNIT_KINDS = ["unit", "propertyCompany", "ownersCommittee"] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/**
 * The kinds of party organisation a district uses: the built-in ones plus its own (行业党委 for
 * couriers and drivers, 临时党支部 …), edited from the pages.
 */
export const orgKinds = pgTable("org_kinds", {
  code: text("code").primaryKey(),
  name: text("name").notNull(),
  nameEn: text("name_en").notNull(),
  sortOrder: integer("sort_order").notNull().default(0),
  active: boolean("active").notNull().default(true),
});

/**
 * The party organisation tree, any depth, each organisation laid over a territory node.
 * `territoryPath` copies that node's path so scope is one indexed condition, no join.
 */
export const partyOrgs = pgTable(
  "party_orgs",
  {
    id: uuid("id").primaryKey(),
    parentId: uuid("parent_id"),
    /** Materialised path of org ids. */
    path: text("path").notNull(),
    /** An `org_kinds` code: one of ORG_KINDS or a kind the district added. */
    kind: text("kind").notNull(),
    name: text("name").notNull(),
    sortKey: text("sort_key").notNull(),
    nodeId: uuid("node_id").notNull(),
    territoryPath: text("territory_path").notNull(),
    unitId: uuid("unit_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("party_orgs_kind_idx").on(t.kind),
    index("party_orgs_parent_idx").on(t.parentId, t.sortKey),
    index("party_orgs_territory_idx").using("btree", sql`${t.territoryPath} text_pattern_ops`),
  ],
);

/** Units (机关/企事业单位), property companies and owners' committees. */
export const units = pgTable(
  "units",
  {
    id: uuid("id").primaryKey(),
    kind: text("kind").$type<UnitKind>().notNull(),
    name: text("name").notNull(),
    sortKey: text("sort_key").notNull(),
    uscc: text("uscc").unique(),
    nodeId: uuid("node_id").notNull(),
    territoryPath: text("territory_path").notNull(),
    contactName: text("contact_name"),
    contactPhone: text("contact_phone"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("units_territory_idx").using("btree", sql`${t.territoryPath} text_pattern_ops`)],
);

/** 大党委/大工委 part-time members (兼职委员) sent by units, property companies and owners' committees. */
export const partTimeMembers = pgTable(
  "org_part_time_members",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => partyOrgs.id, { onDelete: "cascade" }),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => units.id),
    name: text("name").notNull(),
    phone: text("phone"),
    position: text("position").notNull(),
  },
  (t) => [index("org_part_time_members_org_idx").on(t.orgId)],
);
