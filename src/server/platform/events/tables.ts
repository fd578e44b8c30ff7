import { bigint, bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * The outbox (ARCHITECTURE.md): a module whose change must cause work in another writes an event
 * here in the same transaction. Consumers (points credits service completions) read in `seq`
 * order from their own cursor, so nothing is lost and nothing is counted twice.
 */
export const domainEvents = pgTable(
  "domain_events",
  {
    seq: bigserial("seq", { mode: "number" }).primaryKey(),
    /** `orders.completed`, `wishes.confirmed`, `volunteering.hours` … */
    type: text("type").notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id").notNull(),
    /** The person the event is about: who served, who fulfilled, who volunteered. */
    userId: uuid("user_id"),
    territoryPath: text("territory_path").notNull(),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("domain_events_type_idx").on(t.type, t.seq), index("domain_events_user_idx").on(t.userId)],
);

/** How far each consumer has read. */
export const eventCursors = pgTable("event_cursors", {
  consumer: text("consumer").primaryKey(),
  seq: bigint("seq", { mode: "number" }).notNull().default(0),
});
