import { and, eq } from "drizzle-orm";
import type { Actor } from "../../platform/audit/index.ts";
import type { Principal } from "../../platform/auth/index.ts";
import type { Db } from "../../platform/db/index.ts";
import { type AppError, conflict } from "../../platform/errors.ts";
import { notify } from "../../platform/notify/index.ts";
import type { Queue } from "../../platform/queue/index.ts";
import { distanceTo, refusalOf, type Spot } from "./eligibility.ts";
import { TAKEN_STATUSES } from "./flow.ts";
import { scheduleMiss } from "./jobs.ts";
import { recordStep } from "./record.ts";
import { loadOrder } from "./service.ts";
import { type OrderStatus, orders } from "./tables.ts";

const MINUTE = 60_000;

/**
 * 抢单. Eligibility is judged first (who he is does not change while he waits); then one
 * conditional UPDATE `… where id = $1 and status = 'open'` decides: of any number of grabs at the
 * same moment exactly one changes the row, and every other is told who was quicker (409).
 */
export async function grab(
  db: Db,
  queue: Queue | undefined,
  principal: Principal,
  actor: Actor,
  idOrCode: string,
  at: Spot | undefined,
) {
  const { row: seen, grabber, skill } = await loadOrder(db, principal, idOrCode);
  if (seen.status !== "open") throw notOpen(seen, principal.userId);
  const refusal = await refusalOf({ ...seen, skill }, grabber, at, true);
  if (refusal) throw refusal;

  const now = new Date();
  const dueAt = new Date(now.getTime() + seen.onSiteMinutes * MINUTE);
  const won = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(orders)
      .set({
        status: "grabbed",
        takerUserId: principal.userId,
        takerName: principal.name,
        grabbedAt: now,
        onSiteDueAt: dueAt,
        updatedAt: now,
      })
      .where(and(eq(orders.id, seen.id), eq(orders.status, "open")))
      .returning();
    if (!row) return null;
    const distanceMeters = distanceTo(row, at);
    await recordStep(tx, actor, {
      orderId: row.id,
      action: "grab",
      from: "open",
      to: "grabbed",
      at: now,
      data: { onSiteDueAt: dueAt.toISOString(), ...(distanceMeters !== null ? { distanceMeters } : {}) },
    });
    await notify(tx, [
      {
        userId: row.requesterUserId,
        phone: row.requesterUserId ? null : row.requesterPhone,
        kind: "order.grab",
        title: "已有人接单",
        body: `您的「${row.title}」已由${principal.name}接单，将在 ${row.onSiteMinutes} 分钟内上门`,
        entity: "order",
        entityId: row.id,
        link: `/mobile/orders/${row.code}`,
      },
    ]);
    return row;
  });
  if (!won) {
    const [current] = await db
      .select({ status: orders.status, takerUserId: orders.takerUserId })
      .from(orders)
      .where(eq(orders.id, seen.id));
    throw notOpen(
      { status: current?.status ?? "cancelled", takerUserId: current?.takerUserId ?? null },
      principal.userId,
    );
  }
  await scheduleMiss(
    queue,
    { orderId: won.id, takerUserId: principal.userId, grabbedAt: now.toISOString() },
    dueAt,
  );
  return { id: won.id, code: won.code, status: won.status, onSiteDueAt: dueAt.toISOString() };
}

/** The answer to a grab of an order no longer in the pool: taken (by another, or already by you), or cancelled. */
function notOpen(row: { status: OrderStatus; takerUserId: string | null }, userId: string): AppError {
  if (TAKEN_STATUSES.includes(row.status) || row.status === "completed" || row.status === "rated") {
    if (row.takerUserId === userId) return conflict("ALREADY_GRABBED", { status: row.status });
    return conflict("ORDER_TAKEN", { status: row.status });
  }
  return conflict("ILLEGAL_TRANSITION", { status: row.status, action: "grab" });
}
