import { boolean, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { pathIndex } from "../../../platform/db/path-index.ts";

/**
 * 人才库 (P6): a resident or member offering skills (a doctor, a teacher, a lawyer, an electrician),
 * and when he can help. Phone kept whole for the staff who call; lists mask it.
 */
export const talents = pgTable(
  "talents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    phone: text("phone").notNull(),
    memberId: uuid("member_id"),
    territoryPath: text("territory_path").notNull(),
    skills: jsonb("skills").$type<string[]>().notNull(),
    /** Words for the search by skill (pinyin initials too). */
    searchText: text("search_text").notNull(),
    availability: text("availability"),
    note: text("note"),
    active: boolean("active").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [pathIndex("talents_territory_idx", t.territoryPath)],
);

export const SEEKER_STATUSES = ["registered", "training", "employed", "closed"] as const;
export type SeekerStatus = (typeof SEEKER_STATUSES)[number];

/** A job seeker registered by the community (就业帮扶, P6). */
export const jobSeekers = pgTable(
  "job_seekers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    phone: text("phone").notNull(),
    territoryPath: text("territory_path").notNull(),
    wanted: text("wanted").notNull(),
    skills: jsonb("skills").$type<string[]>().notNull().default([]),
    status: text("status").$type<SeekerStatus>().notNull().default("registered"),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [pathIndex("job_seekers_territory_idx", t.territoryPath)],
);

export const MATCH_KINDS = ["training", "opening"] as const;
export type MatchKind = (typeof MATCH_KINDS)[number];
export const MATCH_OUTCOMES = ["proposed", "attended", "hired", "declined"] as const;
export type MatchOutcome = (typeof MATCH_OUTCOMES)[number];

/** A training or job opening proposed to a seeker, and how it ended. */
export const jobMatches = pgTable(
  "job_matches",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    seekerId: uuid("seeker_id")
      .notNull()
      .references(() => jobSeekers.id, { onDelete: "cascade" }),
    kind: text("kind").$type<MatchKind>().notNull(),
    title: text("title").notNull(),
    provider: text("provider").notNull(),
    outcome: text("outcome").$type<MatchOutcome>().notNull().default("proposed"),
    note: text("note"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
  },
  (t) => [index("job_matches_seeker_idx").on(t.seekerId)],
);
