import { eq } from "drizzle-orm";
import type { Actor } from "../../platform/audit/index.ts";
import type { Principal } from "../../platform/auth/index.ts";
import type { Db } from "../../platform/db/index.ts";
import { AppError, conflict } from "../../platform/errors.ts";
import { recordEvent } from "../../platform/events/index.ts";
import { assertFilesExist } from "../../platform/files/index.ts";
import { type Notice, notify } from "../../platform/notify/index.ts";
import { rateCaseForOrder, resolveCaseForOrder } from "../cases/index.ts";
import { allowedActions, type OrderRow } from "./access.ts";
import { distanceTo, type Spot } from "./eligibility.ts";
import { type OrderAction, orderTransitionFor } from "./flow.ts";
import { sweepMisses } from "./jobs.ts";
import { recordStep } from "./record.ts";
import { loadOrder } from "./service.ts";
import { orders } from "./tables.ts";

export type StepAction = Extract<OrderAction, "release" | "arrive" | "complete" | "rate" | "cancel">;

export interface StepInput {
  note?: string;
  photos?: string[];
  score?: number;
  comment?: string;
  /** Where the taker's phone is when he arrives. */
  at?: Spot;
}

/**
 * A step on an order (all but the grab, grab.ts): the row is locked, so two people pressing
 * buttons at once take turns; an action the flow table does not allow now is 409 with the status.
 */
export async function takeStep(
  db: Db,
  principal: Principal,
  actor: Actor,
  idOrCode: string,
  action: StepAction,
  input: StepInput,
) {
  await assertFilesExist(db, input.photos ?? []);
  const outcome = await db.transaction(async (tx) => {
    const { row, standing } = await loadOrder(tx, principal, idOrCode, { lock: true });
    const rule = orderTransitionFor(action, row.status);
    const allowed = allowedActions(standing, row);
    if (!rule)
      throw conflict("ILLEGAL_TRANSITION", {
        status: row.status,
        action,
        allowedActions: allowed,
      });
    if (!rule.by.some((a) => standing.actors.has(a)))
      throw new AppError("NOT_YOUR_STEP", 403, {
        status: row.status,
        action,
        allowedActions: allowed,
      });
    const now = new Date();
    // Too late to arrive: the deadline's miss is due, whether or not its job has run yet.
    if (action === "arrive" && row.onSiteDueAt && row.onSiteDueAt <= now) return { late: row };

    const set: Partial<OrderRow> = { status: rule.to, updatedAt: now };
    const data: Record<string, unknown> = {};
    const notices: Notice[] = [];
    const requester = (title: string, body: string): Notice => ({
      userId: row.requesterUserId,
      phone: row.requesterUserId ? null : row.requesterPhone,
      kind: `order.${action}`,
      title,
      body,
      entity: "order",
      entityId: row.id,
      link: `/mobile/orders/${row.code}`,
    });
    const note = input.note?.trim() || null;
    switch (action) {
      case "release":
        Object.assign(set, { takerUserId: null, takerName: null, grabbedAt: null, onSiteDueAt: null });
        data.takerUserId = row.takerUserId;
        notices.push({
          userId: row.publishedBy,
          kind: "order.release",
          title: "接单人放弃了订单",
          body: `${row.code}「${row.title}」已退回抢单大厅${note ? `：${note}` : ""}`,
          entity: "order",
          entityId: row.id,
          link: `/admin/orders/${row.code}`,
        });
        break;
      case "arrive": {
        set.arrivedAt = now;
        const distanceMeters = distanceTo(row, input.at);
        if (distanceMeters !== null) data.distanceMeters = distanceMeters;
        break;
      }
      case "complete": {
        const photos = input.photos ?? [];
        Object.assign(set, { completedAt: now, completionNote: note, completionPhotos: photos });
        // Points are credited from this event (the points module reads the outbox).
        await recordEvent(tx, {
          type: "orders.completed",
          entity: "order",
          entityId: row.id,
          userId: row.takerUserId,
          territoryPath: row.territoryPath,
          data: { code: row.code, categoryCode: row.categoryCode, caseId: row.caseId },
        });
        if (row.caseId)
          data.caseStatus = await resolveCaseForOrder(tx, actor, row.caseId, { note: note ?? "", photos });
        notices.push(requester("服务已完成", `您的「${row.title}」已完成服务，请对服务进行评价`));
        break;
      }
      case "rate": {
        const score = input.score as number;
        const comment = input.comment?.trim() || null;
        Object.assign(set, { score, ratingComment: comment, ratedAt: now });
        data.score = score;
        // The resident himself, or the community on a phone callback (回访).
        data.by = standing.actors.has("requester") ? "requester" : "callback";
        if (row.caseId)
          data.caseStatus = await rateCaseForOrder(tx, actor, row.caseId, {
            score,
            ...(comment ? { comment } : {}),
          });
        notices.push({
          userId: row.takerUserId,
          kind: "order.rate",
          title: "服务获得评价",
          body: `您完成的 ${row.code}「${row.title}」获得 ${score} 星评价`,
          entity: "order",
          entityId: row.id,
          link: `/mobile/orders/${row.code}`,
        });
        break;
      }
      case "cancel":
        if (row.takerUserId)
          notices.push({
            userId: row.takerUserId,
            kind: "order.cancel",
            title: "订单已取消",
            body: `您抢到的 ${row.code}「${row.title}」已由社区取消${note ? `：${note}` : ""}`,
            entity: "order",
            entityId: row.id,
            link: `/mobile/orders/${row.code}`,
          });
        break;
    }
    await tx.update(orders).set(set).where(eq(orders.id, row.id));
    await recordStep(tx, actor, {
      orderId: row.id,
      action,
      from: row.status,
      to: rule.to,
      at: now,
      note: action === "rate" ? (input.comment?.trim() ?? null) : note,
      photos: input.photos,
      data,
    });
    await notify(tx, notices);
    return { done: { id: row.id, code: row.code, status: rule.to } };
  });
  if ("done" in outcome) return outcome.done;
  const late = outcome.late;
  await sweepMisses(db, {
    orderId: late.id,
    takerUserId: late.takerUserId ?? "",
    grabbedAt: late.grabbedAt?.toISOString() ?? "",
  });
  throw conflict("ON_SITE_OVERDUE", {
    status: "open",
    onSiteDueAt: late.onSiteDueAt?.toISOString() ?? null,
  });
}
