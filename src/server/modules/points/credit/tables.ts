import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { pathIndex } from "../../../platform/db/path-index.ts";
import type { Audience } from "../rules/tables.ts";

/**
 * A recorded consent (信用授权) of a resident or merchant to share his points with a partner bank
 * (县农商银行): only holders with a live consent are in a credit export. Withdrawing ends it.
 */
export const creditConsents = pgTable(
  "point_credit_consents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    audience: text("audience").$type<Audience>().notNull(),
    holderId: uuid("holder_id").notNull(),
    territoryPath: text("territory_path").notNull(),
    bank: text("bank").notNull(),
    /** The signed form, scanned (platform/files), when the consent was given on paper. */
    formFileId: text("form_file_id"),
    /** Who recorded it: the holder himself in the app, or staff with the paper form. */
    recordedBy: uuid("recorded_by").notNull(),
    givenAt: timestamp("given_at", { withTimezone: true }).notNull().defaultNow(),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
  },
  (t) => [
    pathIndex("point_credit_consents_territory_idx", t.territoryPath),
    index("point_credit_consents_holder_idx").on(t.holderId),
  ],
);
