import { type Actor, recordAudit } from "../../platform/audit/index.ts";
import type { Executor } from "../../platform/db/index.ts";
import type { OrderAction } from "./flow.ts";
import { type OrderStatus, orderEvents } from "./tables.ts";

/** A step on the order's timeline and its audit row, in the step's transaction. */
export async function recordStep(
  tx: Executor,
  actor: Actor,
  step: {
    orderId: string;
    action: OrderAction;
    from: OrderStatus;
    to: OrderStatus;
    at: Date;
    note?: string | null;
    photos?: string[];
    data?: Record<string, unknown>;
  },
): Promise<void> {
  const data = step.data ?? {};
  await tx.insert(orderEvents).values({
    orderId: step.orderId,
    at: step.at,
    actorId: actor.userId,
    actorName: actor.name ?? null,
    action: step.action,
    fromStatus: step.from,
    toStatus: step.to,
    note: step.note ?? null,
    photos: step.photos ?? [],
    data,
  });
  await recordAudit(tx, actor, {
    action: `orders.${step.action}`,
    entity: "order",
    entityId: step.orderId,
    before: { status: step.from },
    after: { status: step.to, ...data },
  });
}
