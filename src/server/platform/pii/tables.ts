import { bigint, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** One row for every read of an unmasked personal-data value (PIPL). Append-only. */
export const piiAccessLog = pgTable(
  "pii_access_log",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid("actor_id"),
    entity: text("entity").notNull(),
    entityId: text("entity_id").notNull(),
    field: text("field").notNull(),
    purpose: text("purpose"),
    ip: text("ip"),
  },
  (t) => [
    index("pii_access_log_entity_idx").on(t.entity, t.entityId),
    index("pii_access_log_actor_idx").on(t.actorId),
  ],
);
