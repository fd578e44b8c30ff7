import { index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { pathIndex } from "../../../platform/db/path-index.ts";

/** What an emergency call-up raises (P5): 临时党支部, 突击队, 党员先锋岗, 责任区. */
export const MOBILISATION_KINDS = ["branch", "squad", "post", "area"] as const;
export type MobilisationKind = (typeof MOBILISATION_KINDS)[number];

/** A call-up (应急动员): raised from a template at a node, dissolved with its record kept. */
export const mobilisations = pgTable(
  "mobilisations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").$type<MobilisationKind>().notNull(),
    /** The template it was raised from (flood, epidemic, snow …), words in the locales. */
    template: text("template").notNull(),
    name: text("name").notNull(),
    purpose: text("purpose").notNull(),
    nodeId: uuid("node_id").notNull(),
    territoryPath: text("territory_path").notNull(),
    /** Where members gather (a place in words, and a point when known). */
    place: text("place"),
    location: jsonb("location").$type<{ lat: number; lng: number }>(),
    raisedBy: uuid("raised_by"),
    raisedAt: timestamp("raised_at", { withTimezone: true }).notNull().defaultNow(),
    dissolvedAt: timestamp("dissolved_at", { withTimezone: true }),
    dissolveNote: text("dissolve_note"),
  },
  (t) => [pathIndex("mobilisations_territory_idx", t.territoryPath)],
);

/** A member called up: told when, reported (报到) when and where. */
export const mobilisationMembers = pgTable(
  "mobilisation_members",
  {
    mobilisationId: uuid("mobilisation_id")
      .notNull()
      .references(() => mobilisations.id, { onDelete: "cascade" }),
    memberId: uuid("member_id").notNull(),
    userId: uuid("user_id"),
    /** The squad's or branch's leader, or a member. */
    leader: text("leader").$type<"leader" | "member">().notNull().default("member"),
    notifiedAt: timestamp("notified_at", { withTimezone: true }),
    reportedAt: timestamp("reported_at", { withTimezone: true }),
    reportedLocation: jsonb("reported_location").$type<{ lat: number; lng: number }>(),
    reportedNote: text("reported_note"),
  },
  (t) => [
    primaryKey({ columns: [t.mobilisationId, t.memberId] }),
    index("mobilisation_members_member_idx").on(t.memberId),
  ],
);
