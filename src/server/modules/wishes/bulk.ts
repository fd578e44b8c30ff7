import { randomUUID } from "node:crypto";
import { nextDailyCode } from "../../platform/codes/index.ts";
import { bulkInsert, type Executor } from "../../platform/db/index.ts";
import { recordEvents } from "../../platform/events/index.ts";
import type { WishAction } from "./flow.ts";
import { type WishRow, type WishStatus, wishEvents, wishes } from "./tables.ts";

export interface BulkWishEvent {
  at: Date;
  actorId: string | null;
  actorName: string | null;
  action: WishAction | "post";
  fromStatus: WishStatus | null;
  toStatus: WishStatus;
  note: string | null;
}

/** A wish with its history, as demo data (or a migration from another system) brings it. */
export type BulkWish = Omit<WishRow, "id" | "code" | "updatedAt"> & { events: BulkWishEvent[] };

/**
 * Writes wishes with their timelines in a few statements. Codes are drawn in order of the day
 * each wish was made, from the same counters live posting uses, so later wishes number on; the
 * confirmed ones get their `wishes.confirmed` event, as a confirmation made live would.
 */
export async function bulkInsertWishes(executor: Executor, rows: BulkWish[]): Promise<void> {
  const sorted = [...rows].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const wishRows: Array<typeof wishes.$inferInsert> = [];
  const eventRows: Array<typeof wishEvents.$inferInsert> = [];
  const confirmed: Parameters<typeof recordEvents>[1] = [];
  for (const { events, ...r } of sorted) {
    const id = randomUUID();
    const code = await nextDailyCode(executor, "wishes", "XY", r.createdAt);
    wishRows.push({ ...r, id, code, updatedAt: events.at(-1)?.at ?? r.createdAt });
    for (const e of events) eventRows.push({ ...e, id: randomUUID(), wishId: id, photos: [] });
    if (r.status === "confirmed")
      confirmed.push({
        type: "wishes.confirmed",
        entity: "wish",
        entityId: id,
        userId: r.claimerUserId,
        territoryPath: r.territoryPath,
        data: { code, claimerKind: r.claimerKind, claimerUnitId: r.claimerUnitId, confirmedBy: "wisher" },
      });
  }
  await bulkInsert(executor, wishes, wishRows);
  await bulkInsert(executor, wishEvents, eventRows);
  await recordEvents(executor, confirmed);
}
