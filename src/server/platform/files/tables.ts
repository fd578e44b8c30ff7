import { integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * One row per stored file. The id is the sha256 of the bytes (hex), so the same content uploaded
 * twice is one row and one file under DATA_DIR/files.
 */
export const files = pgTable("files", {
  id: text("id").primaryKey(),
  /** Detected from the bytes (magic numbers), never taken from the client. */
  mime: text("mime").notNull(),
  size: integer("size").notNull(),
  /** The first uploader; null for files the system stored itself. */
  createdBy: uuid("created_by"),
  createdAt: timestamp("created_at", { withTimezone: true }).defaultNow(),
});
