import { and, asc, eq, gt, lt, sql } from "drizzle-orm";
import type { Db, Executor } from "../db/index.ts";
import { domainEvents, eventCursors } from "./tables.ts";

export type DomainEvent = Omit<typeof domainEvents.$inferInsert, "seq" | "at">;
export type StoredEvent = typeof domainEvents.$inferSelect;

/** Records events in the caller's transaction: they exist exactly when the change does. */
export async function recordEvents(executor: Executor, events: DomainEvent[]): Promise<void> {
  if (events.length > 0) await executor.insert(domainEvents).values(events);
}

const SETTLE = "10 seconds";

export const recordEvent = (executor: Executor, event: DomainEvent) => recordEvents(executor, [event]);

/**
 * Hands a consumer the events after its cursor, oldest first, and moves the cursor in the same
 * transaction as the consumer's own writes: a crash before commit re-delivers, never skips.
 * The cursor row is locked, so two processes never take the same events. Sequence numbers are
 * taken before commit, so a younger event can become visible before an older one: only events
 * older than SETTLE are handed out, by which time every transaction that wrote one has ended.
 */
export async function consumeEvents(
  db: Db,
  consumer: string,
  handle: (tx: Executor, events: StoredEvent[]) => Promise<void>,
  limit = 500,
): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.insert(eventCursors).values({ consumer, seq: 0 }).onConflictDoNothing();
    const [cursor] = await tx
      .select({ seq: eventCursors.seq })
      .from(eventCursors)
      .where(eq(eventCursors.consumer, consumer))
      .for("update");
    const events = await tx
      .select()
      .from(domainEvents)
      .where(
        and(gt(domainEvents.seq, cursor?.seq ?? 0), lt(domainEvents.at, sql`now() - ${SETTLE}::interval`)),
      )
      .orderBy(asc(domainEvents.seq))
      .limit(limit);
    if (events.length === 0) return 0;
    await handle(tx, events);
    await tx
      .update(eventCursors)
      .set({ seq: sql`${events.at(-1)?.seq ?? 0}` })
      .where(eq(eventCursors.consumer, consumer));
    return events.length;
  });
}
