import { randomUUID } from "node:crypto";
import { nextDailyCode } from "../../platform/codes/index.ts";
import { bulkInsert, type Executor } from "../../platform/db/index.ts";
import { type DomainEvent, recordEvents } from "../../platform/events/index.ts";
import type { OrderRow } from "./access.ts";
import type { OrderAction } from "./flow.ts";
import { type OrderStatus, orderEvents, orderMisses, orders } from "./tables.ts";

interface BulkOrderEvent {
  at: Date;
  actorId: string | null;
  actorName: string | null;
  action: OrderAction;
  fromStatus: OrderStatus | null;
  toStatus: OrderStatus;
  note: string | null;
  data: Record<string, unknown>;
}

interface BulkMiss {
  userId: string;
  grabbedAt: Date;
  dueAt: Date;
  missedAt: Date;
}

/** An order with its history, as demo data (or a migration from another system) brings it. */
export type BulkOrder = Omit<OrderRow, "id" | "code" | "updatedAt"> & {
  events: BulkOrderEvent[];
  missed: BulkMiss[];
};

/**
 * Writes orders with their timelines and misses in a few statements. Codes are drawn in order of
 * creation from the counters live publishing uses, so later orders number on; completed ones get
 * their `orders.completed` event, as a completion made live would.
 */
export async function bulkInsertOrders(executor: Executor, rows: BulkOrder[]): Promise<void> {
  const sorted = [...rows].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const orderRows: Array<typeof orders.$inferInsert> = [];
  const eventRows: Array<typeof orderEvents.$inferInsert> = [];
  const missRows: Array<typeof orderMisses.$inferInsert> = [];
  const completed: DomainEvent[] = [];
  for (const { events, missed, ...r } of sorted) {
    const id = randomUUID();
    const code = await nextDailyCode(executor, "orders", "DD", r.createdAt);
    orderRows.push({ ...r, id, code, updatedAt: events.at(-1)?.at ?? r.createdAt });
    for (const e of events) eventRows.push({ ...e, id: randomUUID(), orderId: id, photos: [] });
    for (const m of missed) missRows.push({ ...m, orderId: id, territoryPath: r.territoryPath });
    if (r.completedAt)
      completed.push({
        type: "orders.completed",
        entity: "order",
        entityId: id,
        userId: r.takerUserId,
        territoryPath: r.territoryPath,
        data: { code, categoryCode: r.categoryCode, caseId: r.caseId },
      });
  }
  await bulkInsert(executor, orders, orderRows);
  await bulkInsert(executor, orderEvents, eventRows);
  await bulkInsert(executor, orderMisses, missRows);
  await recordEvents(executor, completed);
}
