import {
  doublePrecision,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { pathIndex } from "../../platform/db/path-index.ts";

/**
 * How an activity is scheduled (W2): 无职党员定时 fixed time, 在职党员错时 after working hours,
 * 志愿者预约 by appointment (each volunteer books one of the activity's slots).
 */
export const SCHEDULE_MODES = ["fixedTime", "afterHours", "byAppointment"] as const;
export type ScheduleMode = (typeof SCHEDULE_MODES)[number];

export const ACTIVITY_STATUSES = ["open", "cancelled", "finished"] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

/** A place in an activity: confirmed, on the waiting list (in `position` order), or cancelled. */
export const SIGNUP_STATUSES = ["confirmed", "waiting", "cancelled"] as const;
export type SignupStatus = (typeof SIGNUP_STATUSES)[number];

/** A volunteer: a user who serves, with the skills orders and teams look for. */
export const volunteers = pgTable(
  "volunteers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").notNull().unique(),
    name: text("name").notNull(),
    phone: text("phone"),
    /** Skill words: 维修, 陪护, 理发, 法律, 医疗, 教育, 跑腿 … */
    skills: jsonb("skills").$type<string[]>().notNull().default([]),
    /** The node the volunteer lives or serves in. */
    nodeId: uuid("node_id").notNull(),
    territoryPath: text("territory_path").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [pathIndex("volunteers_territory_idx", t.territoryPath)],
);

/** A team by speciality (服务队: 666 — six teams, six stewards, six services). */
export const volunteerTeams = pgTable(
  "volunteer_teams",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    speciality: text("speciality").notNull(),
    description: text("description").notNull().default(""),
    leaderUserId: uuid("leader_user_id"),
    nodeId: uuid("node_id").notNull(),
    territoryPath: text("territory_path").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [pathIndex("volunteer_teams_territory_idx", t.territoryPath)],
);

export const teamMembers = pgTable(
  "team_members",
  {
    teamId: uuid("team_id")
      .notNull()
      .references(() => volunteerTeams.id, { onDelete: "cascade" }),
    volunteerId: uuid("volunteer_id")
      .notNull()
      .references(() => volunteers.id, { onDelete: "cascade" }),
    joinedAt: timestamp("joined_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.volunteerId] }),
    index("team_members_volunteer_idx").on(t.volunteerId),
  ],
);

export const activities = pgTable(
  "activities",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    teamId: uuid("team_id"),
    mode: text("mode").$type<ScheduleMode>().notNull(),
    place: text("place").notNull(),
    lat: doublePrecision("lat"),
    lng: doublePrecision("lng"),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    /** Places in all (fixed time, after hours) or per slot (by appointment). */
    capacity: integer("capacity").notNull(),
    /** By appointment: the activity's time cut into slots of this many minutes. */
    slotMinutes: integer("slot_minutes"),
    status: text("status").$type<ActivityStatus>().notNull().default("open"),
    /** Secret behind the check-in QR codes (never sent to volunteers as such). */
    checkinSecret: text("checkin_secret").notNull(),
    nodeId: uuid("node_id").notNull(),
    territoryPath: text("territory_path").notNull(),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    pathIndex("activities_territory_idx", t.territoryPath),
    index("activities_starts_idx").on(t.startsAt),
  ],
);

export const activitySignups = pgTable(
  "activity_signups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    activityId: uuid("activity_id")
      .notNull()
      .references(() => activities.id, { onDelete: "cascade" }),
    volunteerId: uuid("volunteer_id")
      .notNull()
      .references(() => volunteers.id),
    /** By appointment: the slot booked. */
    slotStartsAt: timestamp("slot_starts_at", { withTimezone: true }),
    status: text("status").$type<SignupStatus>().notNull(),
    /** Order on the waiting list. */
    position: integer("position"),
    signedUpAt: timestamp("signed_up_at", { withTimezone: true }).notNull().defaultNow(),
    checkedInAt: timestamp("checked_in_at", { withTimezone: true }),
    checkedOutAt: timestamp("checked_out_at", { withTimezone: true }),
    /** Service hours credited at check-out. */
    hours: numeric("hours", { precision: 6, scale: 2, mode: "number" }),
    territoryPath: text("territory_path").notNull(),
  },
  (t) => [
    uniqueIndex("activity_signups_unique").on(t.activityId, t.volunteerId),
    index("activity_signups_volunteer_idx").on(t.volunteerId),
    pathIndex("activity_signups_territory_idx", t.territoryPath),
  ],
);
