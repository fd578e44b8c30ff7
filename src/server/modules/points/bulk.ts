import { bulkInsert, type Executor } from "../../platform/db/index.ts";
import { appraisalRounds } from "./appraisal/tables.ts";
import { creditConsents } from "./credit/tables.ts";
import { consumerRatings, inspections } from "./evaluation/tables.ts";
import { pointClaims } from "./ledger/tables.ts";
import { rankingEntries, rankings } from "./rankings/tables.ts";
import { redemptions, shopItems } from "./shop/tables.ts";

/** The demo's points rows besides postings (which go through the engine): ids given by the caller. */
export interface BulkPoints {
  items: Array<typeof shopItems.$inferInsert>;
  redemptions: Array<typeof redemptions.$inferInsert>;
  claims: Array<typeof pointClaims.$inferInsert>;
  inspections: Array<typeof inspections.$inferInsert>;
  ratings: Array<typeof consumerRatings.$inferInsert>;
  rankings: Array<typeof rankings.$inferInsert>;
  rankingEntries: Array<typeof rankingEntries.$inferInsert>;
  rounds: Array<typeof appraisalRounds.$inferInsert>;
  consents: Array<typeof creditConsents.$inferInsert>;
}

export async function bulkInsertPoints(executor: Executor, rows: BulkPoints): Promise<void> {
  await bulkInsert(executor, shopItems, rows.items);
  await bulkInsert(executor, redemptions, rows.redemptions);
  await bulkInsert(executor, pointClaims, rows.claims);
  await bulkInsert(executor, inspections, rows.inspections);
  await bulkInsert(executor, consumerRatings, rows.ratings);
  await bulkInsert(executor, rankings, rows.rankings);
  await bulkInsert(executor, rankingEntries, rows.rankingEntries);
  await bulkInsert(executor, appraisalRounds, rows.rounds);
  await bulkInsert(executor, creditConsents, rows.consents);
}
