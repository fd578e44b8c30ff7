import { date, index, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { pathIndex } from "../../platform/db/path-index.ts";

export const RELATIONS = ["head", "spouse", "child", "parent", "grandchild", "other"] as const;
export const RESIDENCE_TYPES = ["registered", "resident", "floating"] as const;
export const MEMBER_CATEGORIES = ["resident", "inService", "retired", "mobile"] as const;
export const STAFF_ROLES = ["gridLeader", "gridWorker", "buildingHead", "entranceHead", "liaison"] as const;
export type MemberCategory = (typeof MEMBER_CATEGORIES)[number];
export type StaffRole = (typeof STAFF_ROLES)[number];

/** A household: one territory node of level household, with its address. */
export const households = pgTable(
  "households",
  {
    id: uuid("id").primaryKey(),
    nodeId: uuid("node_id").notNull().unique(),
    territoryPath: text("territory_path").notNull(),
    address: text("address").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    pathIndex("households_territory_idx", t.territoryPath),
    index("households_address_idx").on(t.address),
  ],
);

/** Residents. The 身份证 number is stored encrypted, with a blind index for lookup and its mask for lists. */
export const residents = pgTable(
  "residents",
  {
    id: uuid("id").primaryKey(),
    householdId: uuid("household_id")
      .notNull()
      .references(() => households.id),
    territoryPath: text("territory_path").notNull(),
    name: text("name").notNull(),
    sortKey: text("sort_key").notNull(),
    gender: text("gender").$type<"male" | "female">().notNull(),
    birthDate: date("birth_date").notNull(),
    idCipher: text("id_cipher").notNull(),
    idIndex: text("id_index").notNull().unique(),
    idMasked: text("id_masked").notNull(),
    phone: text("phone"),
    relation: text("relation").$type<(typeof RELATIONS)[number]>().notNull(),
    residenceType: text("residence_type").$type<(typeof RESIDENCE_TYPES)[number]>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    pathIndex("residents_territory_idx", t.territoryPath),
    index("residents_household_idx").on(t.householdId),
    index("residents_sort_idx").on(t.sortKey),
    index("residents_phone_idx").on(t.phone),
  ],
);

export const partyMembers = pgTable(
  "party_members",
  {
    id: uuid("id").primaryKey(),
    residentId: uuid("resident_id")
      .notNull()
      .references(() => residents.id),
    territoryPath: text("territory_path").notNull(),
    category: text("category").$type<MemberCategory>().notNull(),
    orgId: uuid("org_id").notNull(),
    workUnitId: uuid("work_unit_id"),
    joinedOn: date("joined_on"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    pathIndex("party_members_territory_idx", t.territoryPath),
    index("party_members_org_idx").on(t.orgId),
  ],
);

/** Grid leaders and workers, building and entrance heads, household liaisons. */
export const staff = pgTable(
  "staff",
  {
    id: uuid("id").primaryKey(),
    role: text("role").$type<StaffRole>().notNull(),
    nodeId: uuid("node_id").notNull(),
    territoryPath: text("territory_path").notNull(),
    name: text("name").notNull(),
    sortKey: text("sort_key").notNull(),
    phone: text("phone").notNull(),
    duty: text("duty").$type<"A" | "B">(),
    employment: text("employment").$type<"fullTime" | "partTime">().notNull(),
    partTimeKind: text("part_time_kind"),
    residentId: uuid("resident_id"),
    userId: uuid("user_id"),
    /** 三亮 on the contact card: a photo (platform/files, resized) and the duties in a sentence. */
    photoId: text("photo_id"),
    duties: text("duties"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [pathIndex("staff_territory_idx", t.territoryPath), index("staff_node_idx").on(t.nodeId, t.role)],
);

/** 1+1带N: the households each liaison serves. */
export const liaisonHouseholds = pgTable(
  "liaison_households",
  {
    staffId: uuid("staff_id")
      .notNull()
      .references(() => staff.id, { onDelete: "cascade" }),
    householdId: uuid("household_id")
      .notNull()
      .references(() => households.id),
  },
  (t) => [
    primaryKey({ columns: [t.staffId, t.householdId] }),
    index("liaison_households_household_idx").on(t.householdId),
  ],
);

export const MEMBER_PAIRING_KINDS = ["baobao", "oneLeadsN"] as const;
export type MemberPairingKind = (typeof MEMBER_PAIRING_KINDS)[number];

/** 包保 (a member answers for 5–8 households) and 1+1带N: the households a party member serves. */
export const memberHouseholds = pgTable(
  "member_households",
  {
    memberId: uuid("member_id")
      .notNull()
      .references(() => partyMembers.id, { onDelete: "cascade" }),
    householdId: uuid("household_id")
      .notNull()
      .references(() => households.id),
    kind: text("kind").$type<MemberPairingKind>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.memberId, t.householdId] }),
    index("member_households_household_idx").on(t.householdId),
  ],
);
