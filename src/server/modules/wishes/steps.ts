import { eq } from "drizzle-orm";
import { type Actor, audited, type RecordAudit } from "../../platform/audit/index.ts";
import type { Principal } from "../../platform/auth/index.ts";
import type { Db, Executor } from "../../platform/db/index.ts";
import { AppError, conflict, notFound, unprocessable } from "../../platform/errors.ts";
import { recordEvent } from "../../platform/events/index.ts";
import { assertFilesExist } from "../../platform/files/index.ts";
import { inWords } from "../../platform/i18n/words.ts";
import { type Notice, notify } from "../../platform/notify/index.ts";
import { allowedActions, mayReach, type Standing, standingOf } from "./access.ts";
import { transitionFor, type WishAction } from "./flow.ts";
import { type WishRow, type WishStatus, wishEvents, wishes } from "./tables.ts";

export type StepAction = Exclude<WishAction, "claim">;

export interface StepInput {
  note?: string;
  photos?: string[];
  thanks?: string;
}

/** Actions that need a note: a rejection says why, a fulfilment says what was done. */
const NEEDS_NOTE: readonly StepAction[] = ["reject", "fulfil"];

/** 409 for an action the table does not allow from the current status. */
export const illegal = (status: WishStatus, action: WishAction, standing: Standing) =>
  conflict("ILLEGAL_TRANSITION", {
    status,
    action,
    allowedActions: allowedActions(standing, status),
  });

/** A notice to the wisher: in-app with an account, else by SMS to the phone staff entered. */
export const wisherNotice = (row: WishRow, kind: string, title: string, body: string): Notice => ({
  userId: row.wisherUserId,
  phone: row.wisherUserId ? null : row.wisherPhone,
  kind,
  title,
  body,
  entity: "wish",
  entityId: row.id,
  link: "/mobile/wishes/mine",
});

/** Writes the wish's timeline entry and audit row for a step just taken. */
export async function recordStep(
  tx: Executor,
  actor: Actor,
  row: WishRow,
  step: { action: WishAction; to: WishStatus; note?: string | null; photos?: string[]; at: Date },
  audit: RecordAudit,
) {
  await tx.insert(wishEvents).values({
    wishId: row.id,
    at: step.at,
    actorId: actor.userId,
    actorName: actor.name ?? null,
    action: step.action,
    fromStatus: row.status,
    toStatus: step.to,
    note: step.note || null,
    photos: step.photos ?? [],
  });
  await audit({
    action: `wishes.${step.action}`,
    entity: "wish",
    entityId: row.id,
    before: { status: row.status },
    after: { status: step.to },
  });
}

/**
 * Review, release, fulfil, confirm and withdraw. The row is locked, so two people pressing buttons
 * at once take turns; an action the table does not allow now is 409 with the current status.
 */
export async function wishStep(
  db: Db,
  principal: Principal,
  actor: Actor,
  id: string,
  action: StepAction,
  input: StepInput,
): Promise<{ id: string; status: WishStatus }> {
  await assertFilesExist(db, input.photos ?? []);
  return audited(db, actor, async (tx, audit) => {
    const [row] = await tx.select().from(wishes).where(eq(wishes.id, id)).for("update");
    const standing = row && standingOf(principal, row);
    if (!row || !standing || !mayReach(standing, row.status)) throw notFound("wish", id);
    const rule = transitionFor(action, row.status);
    if (!rule) throw illegal(row.status, action, standing);
    if (!rule.by.some((a) => standing[a]))
      throw new AppError("NOT_YOUR_STEP", 403, {
        status: row.status,
        action,
        allowedActions: allowedActions(standing, row.status),
      });
    const note = input.note?.trim() || null;
    if (NEEDS_NOTE.includes(action) && !note)
      throw unprocessable("MISSING_FIELDS", {
        missing: ["note"],
        labels: inWords((w) =>
          action === "reject" ? w.wishesAdmin.review.rejectTitle : w.wishes.mine.fulfilLabel,
        ),
      });

    const now = new Date();
    const set: Partial<WishRow> = { status: rule.to, updatedAt: now };
    const notices: Notice[] = [];
    const about = `${row.code}「${row.title}」`;
    switch (action) {
      case "approve":
        Object.assign(set, { publishedAt: now, reviewedBy: principal.userId, reviewNote: note });
        notices.push(
          wisherNotice(row, "wish.published", "心愿已上墙", `您的心愿${about}已通过审核，发布到心愿墙。`),
        );
        break;
      case "reject":
        Object.assign(set, { reviewedBy: principal.userId, reviewNote: note });
        notices.push(
          wisherNotice(row, "wish.rejected", "心愿未通过审核", `您的心愿${about}未通过审核：${note}`),
        );
        break;
      case "release":
        Object.assign(set, {
          claimerUserId: null,
          claimerName: null,
          claimerKind: null,
          claimerUnitId: null,
          claimerUnitName: null,
          claimedAt: null,
        });
        notices.push(
          wisherNotice(
            row,
            "wish.released",
            "心愿重新待认领",
            `您的心愿${about}的认领已取消，已重新回到心愿墙。`,
          ),
        );
        break;
      case "fulfil":
        Object.assign(set, { fulfilledAt: now, fulfilNote: note, fulfilPhotos: input.photos ?? [] });
        notices.push(
          wisherNotice(
            row,
            "wish.fulfilled",
            "心愿已实现，请确认",
            `您的心愿${about}已实现：${note}。请在“我的心愿”中确认。`,
          ),
        );
        break;
      case "confirm": {
        const thanks = input.thanks?.trim() || null;
        Object.assign(set, { confirmedAt: now, thanks });
        // The outbox: the claimer's service is credited by the points module from this event.
        await recordEvent(tx, {
          type: "wishes.confirmed",
          entity: "wish",
          entityId: row.id,
          userId: row.claimerUserId,
          territoryPath: row.territoryPath,
          data: {
            code: row.code,
            claimerKind: row.claimerKind,
            claimerUnitId: row.claimerUnitId,
            confirmedBy: standing.wisher ? "wisher" : "community",
          },
        });
        notices.push({
          userId: row.claimerUserId,
          kind: "wish.confirmed",
          title: "心愿人已确认",
          body: thanks ? `${about}已确认实现。心愿人留言：${thanks}` : `${about}已确认实现，感谢您的付出！`,
          entity: "wish",
          entityId: row.id,
          link: "/mobile/wishes/mine?as=claimer",
        });
        break;
      }
      case "withdraw":
        break;
    }
    await tx.update(wishes).set(set).where(eq(wishes.id, row.id));
    await recordStep(
      tx,
      actor,
      row,
      {
        action,
        to: rule.to,
        note: action === "confirm" ? input.thanks?.trim() : note,
        photos: input.photos,
        at: now,
      },
      audit,
    );
    await notify(tx, notices);
    return { id: row.id, status: rule.to };
  });
}
