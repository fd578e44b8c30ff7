import type { Db } from "../db/index.ts";
import type { EventConsumer } from "../module/index.ts";
import type { Queue } from "../queue/index.ts";
import { consumeEvents } from "./events.ts";

export const DELIVERY_JOB = "events.deliver";

/** Hands every consumer its new events, batch after batch until none is left. */
export async function deliverEvents(db: Db, consumers: readonly EventConsumer[]): Promise<number> {
  let delivered = 0;
  for (const consumer of consumers) {
    for (;;) {
      const n = await consumeEvents(db, consumer.name, consumer.handle);
      delivered += n;
      if (n === 0) break;
    }
  }
  return delivered;
}

/** The modules' outbox consumers run every minute (events wait SETTLE before they are handed out). */
export function defineEventDelivery(queue: Queue, db: Db, consumers: readonly EventConsumer[]): void {
  if (consumers.length === 0) return;
  queue.define(DELIVERY_JOB, async () => {
    await deliverEvents(db, consumers);
  });
  queue.every(DELIVERY_JOB, "* * * * *", { atStart: true });
}
