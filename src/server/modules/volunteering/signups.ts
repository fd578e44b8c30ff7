import { and, asc, count, eq, gt, isNull, max, type SQL, sql } from "drizzle-orm";
import { type Actor, audited } from "../../platform/audit/index.ts";
import type { Principal } from "../../platform/auth/index.ts";
import type { Db, Executor } from "../../platform/db/index.ts";
import { conflict, unprocessable } from "../../platform/errors.ts";
import { notify } from "../../platform/notify/index.ts";
import { type ActivityRow, activityInArea } from "./activities.ts";
import { areaOf } from "./area.ts";
import { assertActivityOpen, assertSignupStep, stageOf } from "./flow.ts";
import { slotFor, slotOfSignup } from "./schedule.ts";
import { activitySignups, volunteers } from "./tables.ts";

/** The sign-ups of one slot (by appointment) or of the whole activity. */
const sameSlot = (activityId: string, slot: Date | null): SQL =>
  and(
    eq(activitySignups.activityId, activityId),
    slot ? eq(activitySignups.slotStartsAt, slot) : isNull(activitySignups.slotStartsAt),
  ) as SQL;

async function volunteerIdOf(executor: Executor, userId: string): Promise<string> {
  const [v] = await executor
    .select({ id: volunteers.id })
    .from(volunteers)
    .where(eq(volunteers.userId, userId));
  if (!v) throw unprocessable("NOT_A_VOLUNTEER");
  return v.id;
}

/**
 * 报名. The activity row is locked for the whole transaction, so concurrent sign-ups take turns:
 * each counts the confirmed places of its slot and is confirmed while one is left, else goes
 * on the waiting list behind everyone already there. Capacity is never exceeded and positions
 * are 1..n in the order the sign-ups got the lock.
 */
export async function signUp(
  db: Db,
  principal: Principal,
  actor: Actor,
  activityId: string,
  input: { slotStartsAt?: string },
  now = new Date(),
) {
  const volunteerId = await volunteerIdOf(db, principal.userId);
  const area = await areaOf(db, principal);
  return audited(db, actor, async (tx, audit) => {
    const a = await activityInArea(tx, area, activityId, true);
    assertActivityOpen(a, now);
    const { slot, stored } = slotFor(a, input.slotStartsAt);
    if (slot.endsAt <= now) throw unprocessable("SLOT_OVER", { field: "slotStartsAt" });
    const [existing] = await tx
      .select()
      .from(activitySignups)
      .where(and(eq(activitySignups.activityId, a.id), eq(activitySignups.volunteerId, volunteerId)));
    if (existing) assertSignupStep("signUp", stageOf(existing));
    const [taken] = await tx
      .select({ n: count() })
      .from(activitySignups)
      .where(and(sameSlot(a.id, stored), eq(activitySignups.status, "confirmed")));
    const confirmed = (taken?.n ?? 0) < a.capacity;
    let position: number | null = null;
    if (!confirmed) {
      const [last] = await tx
        .select({ p: max(activitySignups.position) })
        .from(activitySignups)
        .where(and(sameSlot(a.id, stored), eq(activitySignups.status, "waiting")));
      position = (last?.p ?? 0) + 1;
    }
    const fields = {
      status: confirmed ? ("confirmed" as const) : ("waiting" as const),
      position,
      slotStartsAt: stored,
      // The clock at the insert, not the transaction's start: the order of the lock is the order.
      signedUpAt: sql`clock_timestamp()`,
      checkedInAt: null,
      checkedOutAt: null,
      hours: null,
    };
    const [row] = existing
      ? await tx.update(activitySignups).set(fields).where(eq(activitySignups.id, existing.id)).returning()
      : await tx
          .insert(activitySignups)
          .values({ activityId: a.id, volunteerId, territoryPath: a.territoryPath, ...fields })
          .returning();
    if (!row) throw new Error("sign-up not written");
    const view = {
      id: row.id,
      status: row.status,
      position: row.position,
      slotStartsAt: stored?.toISOString() ?? null,
    };
    await audit({ action: "activity.signup", entity: "activity_signup", entityId: row.id, after: view });
    // 报名成功: a confirmed place is written down for him (and texted, if he asked for texts).
    if (confirmed)
      await notify(tx, [
        {
          userId: principal.userId,
          kind: "volunteering.confirmed",
          title: "志愿活动报名成功",
          body: `您已报名“${a.title}”，${chinaTime(slot.startsAt)} 在 ${a.place}，请准时参加。`,
          entity: "activity",
          entityId: a.id,
          link: `/mobile/volunteering/activities/${a.id}`,
        },
      ]);
    return view;
  });
}

/**
 * 取消报名. A freed place goes at once to the first on the same slot's waiting list (who is told),
 * and everyone behind moves up one, all in the sign-up's transaction under the activity lock.
 */
export async function cancelMySignup(
  db: Db,
  principal: Principal,
  actor: Actor,
  activityId: string,
  now = new Date(),
) {
  const volunteerId = await volunteerIdOf(db, principal.userId);
  const area = await areaOf(db, principal);
  return audited(db, actor, async (tx, audit) => {
    const a = await activityInArea(tx, area, activityId, true);
    assertActivityOpen(a, now);
    const [mine] = await tx
      .select()
      .from(activitySignups)
      .where(and(eq(activitySignups.activityId, a.id), eq(activitySignups.volunteerId, volunteerId)));
    if (!mine) throw conflict("NOT_SIGNED_UP", { status: "none", action: "cancel" });
    assertSignupStep("cancel", stageOf(mine));
    await tx
      .update(activitySignups)
      .set({ status: "cancelled", position: null })
      .where(eq(activitySignups.id, mine.id));
    let promoted: string | null = null;
    let gap = mine.position;
    if (mine.status === "confirmed") {
      const [first] = await tx
        .select()
        .from(activitySignups)
        .where(and(sameSlot(a.id, mine.slotStartsAt), eq(activitySignups.status, "waiting")))
        .orderBy(asc(activitySignups.position))
        .limit(1);
      if (first) {
        await promote(tx, a, first);
        promoted = first.id;
        gap = first.position;
      }
    }
    if (gap !== null)
      await tx
        .update(activitySignups)
        .set({ position: sql`${activitySignups.position} - 1` })
        .where(
          and(
            sameSlot(a.id, mine.slotStartsAt),
            eq(activitySignups.status, "waiting"),
            gt(activitySignups.position, gap),
          ),
        );
    await audit({
      action: "activity.signup_cancel",
      entity: "activity_signup",
      entityId: mine.id,
      before: { status: mine.status, position: mine.position },
      after: { status: "cancelled", promoted },
    });
    return { id: mine.id, status: "cancelled" as const, promotedSignupId: promoted };
  });
}

/** "12-07 09:30", China time, for a notice. */
const chinaTime = (at: Date) =>
  new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(5, 16).replace("T", " ");

/** The first on the waiting list gets the freed place and a notice. */
async function promote(tx: Executor, a: ActivityRow, s: typeof activitySignups.$inferSelect) {
  assertSignupStep("promote", stageOf(s));
  await tx
    .update(activitySignups)
    .set({ status: "confirmed", position: null })
    .where(eq(activitySignups.id, s.id));
  const [v] = await tx
    .select({ userId: volunteers.userId })
    .from(volunteers)
    .where(eq(volunteers.id, s.volunteerId));
  const when = chinaTime(slotOfSignup(a, s.slotStartsAt).startsAt);
  await notify(tx, [
    {
      userId: v?.userId,
      kind: "volunteering.promoted",
      title: "候补成功",
      body: `您已从候补转为正式报名：“${a.title}”，${when} 在 ${a.place}，请准时参加。`,
      entity: "activity",
      entityId: a.id,
      link: `/mobile/volunteering/activities/${a.id}`,
    },
  ]);
}
