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
