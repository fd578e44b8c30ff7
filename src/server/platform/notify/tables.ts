import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * In-app notifications. A recipient is a user, or only a phone number (a hotline caller
 * without an account), which an SMS provider can reach.
 */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id"),
    phone: text("phone"),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    entity: text("entity"),
    entityId: text("entity_id"),
    /** Where the notice leads in the pages ("/admin/cases/XG-…", "/mobile/wishes/…"). */
    link: text("link"),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (t) => [
    index("notifications_user_idx").on(t.userId, t.createdAt),
    index("notifications_phone_idx").on(t.phone),
  ],
);
