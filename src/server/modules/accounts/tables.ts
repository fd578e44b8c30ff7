import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { Role } from "../../platform/auth/roles.ts";
import type { TokenScope } from "../../platform/auth/scopes.ts";

export const users = pgTable("users", {
  id: uuid("id").primaryKey().defaultRandom(),
  phone: text("phone").notNull().unique(),
  name: text("name").notNull(),
  /** scrypt, `scrypt$N$r$p$salt$hash`; null = cannot log in with a password. */
  passwordHash: text("password_hash"),
  disabled: boolean("disabled").notNull().default(false),
  /** Set with a temporary password (created or reset by staff): the next sign-in must change it. */
  mustChangePassword: boolean("must_change_password").notNull().default(false),
  /** He asked for his notices by SMS too (in-app always). */
  smsNotices: boolean("sms_notices").notNull().default(false),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** A role bound to a territory node: the user's scope for that role is the node's subtree. */
export const roleAssignments = pgTable(
  "role_assignments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role").$type<Role>().notNull(),
    nodeId: uuid("node_id").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("role_assignments_unique").on(t.userId, t.role, t.nodeId)],
);

/** Server-side sessions; the cookie holds a random secret, the table only its SHA-256. */
export const sessions = pgTable(
  "sessions",
  {
    idHash: text("id_hash").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    ip: text("ip"),
    userAgent: text("user_agent"),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** Bearer tokens for API clients: shown once, stored hashed, listed and revocable. */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    /** The first characters, so a person can tell tokens apart in the list. */
    prefix: text("prefix").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    scopes: text("scopes").array().$type<TokenScope[]>().notNull(),
    /** The token or session it was made with: revoking that, or logging out of it, revokes this. */
    parentTokenId: uuid("parent_token_id").references((): AnyPgColumn => apiTokens.id),
    parentSessionHash: text("parent_session_hash"),
  },
  (t) => [
    index("api_tokens_user_idx").on(t.userId),
    index("api_tokens_parent_token_idx").on(t.parentTokenId),
    index("api_tokens_parent_session_idx").on(t.parentSessionHash),
  ],
);

/**
 * Failed logins, counted per phone and per address over a window to refuse guessing (429); and
 * attempts whose password is being checked (`pending`), which count until they are settled.
 */
export const loginFailures = pgTable(
  "login_failures",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    phone: text("phone").notNull(),
    ip: text("ip").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    pending: boolean("pending").notNull().default(false),
  },
  (t) => [index("login_failures_phone_idx").on(t.phone, t.at), index("login_failures_ip_idx").on(t.ip, t.at)],
);

export const SMS_PURPOSES = ["login", "reset"] as const;
export type SmsPurpose = (typeof SMS_PURPOSES)[number];

/**
 * One-time sign-in and password-reset codes sent by SMS: stored as SHA-256 only, valid 5 minutes,
 * a few wrong guesses spend them; the rows also count sends per phone and per address.
 */
export const smsCodes = pgTable(
  "sms_codes",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    phone: text("phone").notNull(),
    purpose: text("purpose").$type<SmsPurpose>().notNull(),
    codeHash: text("code_hash").notNull(),
    ip: text("ip").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [
    index("sms_codes_phone_idx").on(t.phone, t.createdAt),
    index("sms_codes_ip_idx").on(t.ip, t.createdAt),
  ],
);

export const BINDING_STATUSES = ["pending", "confirmed", "rejected"] as const;
export type BindingStatus = (typeof BINDING_STATUSES)[number];

/**
 * A resident account asking to be bound to a household. Confirmed at once when the name and
 * 身份证 number match the register, else by the community; `territoryPath` is the community's (or
 * the household's) path, so the request shows in that community's to-dos.
 */
export const householdBindings = pgTable(
  "household_bindings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    householdId: uuid("household_id"),
    territoryPath: text("territory_path").notNull(),
    name: text("name").notNull(),
    /** What he says of his home (building, unit, room), for the community to find the household. */
    address: text("address").notNull().default(""),
    status: text("status").$type<BindingStatus>().notNull().default("pending"),
    reason: text("reason"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decidedBy: uuid("decided_by"),
  },
  (t) => [
    index("household_bindings_user_idx").on(t.userId),
    index("household_bindings_path_idx").using("btree", sql`${t.territoryPath} text_pattern_ops`),
  ],
);
