import { and, eq, inArray } from "drizzle-orm";
import { type Actor, audited } from "../../platform/audit/index.ts";
import type { Principal } from "../../platform/auth/index.ts";
import type { Db, Executor } from "../../platform/db/index.ts";
import { unprocessable } from "../../platform/errors.ts";
import { recordEvent } from "../../platform/events/index.ts";
import { managedActivity } from "./activities.ts";
import { parseCode, tokenMatches } from "./checkin-code.ts";
import { assertActivityOpen, assertSignupStep, stageOf } from "./flow.ts";
import { CHECKIN_OPENS_BEFORE, hoursServed, slotOfSignup } from "./schedule.ts";
import { activitySignups, volunteers } from "./tables.ts";

export const ATTENDANCE_ACTIONS = ["checkIn", "checkOut"] as const;
export type AttendanceAction = (typeof ATTENDANCE_ACTIONS)[number];

const invalidCode = () => unprocessable("CHECKIN_CODE_INVALID", { field: "code" });

/** The sign-up a scanned or typed code stands for, locked; a code of another activity or a forged one is refused. */
async function signupOfCode(tx: Executor, activityId: string, secret: string, raw: string) {
  const code = parseCode(raw);
  if (!code) throw invalidCode();
  const candidates = await tx
    .select({ id: activitySignups.id })
    .from(activitySignups)
    .where(
      and(
        eq(activitySignups.activityId, activityId),
        code.signupId
          ? eq(activitySignups.id, code.signupId)
          : inArray(activitySignups.status, ["confirmed", "waiting"]),
      ),
    );
  // A typed token is matched against the activity's sign-ups: a few hundred HMACs at most.
  const match = candidates.find((c) => tokenMatches(secret, c.id, code.token));
  if (!match) throw invalidCode();
  const [row] = await tx.select().from(activitySignups).where(eq(activitySignups.id, match.id)).for("update");
  if (!row) throw invalidCode();
  return row;
}

/**
 * 扫码签到 / 签退 by the organiser. Check-in opens 30 minutes before the start (of the booked slot)
 * and closes at its end; check-out credits the hours and records `volunteering.hours` for points in
 * the same transaction. Each step happens once: the same step again is 409 with the current stage.
 */
export async function recordAttendance(
  db: Db,
  principal: Principal,
  actor: Actor,
  activityId: string,
  input: { code: string; action: AttendanceAction },
  now = new Date(),
) {
  return audited(db, actor, async (tx, audit) => {
    const a = await managedActivity(tx, principal, activityId);
    const s = await signupOfCode(tx, a.id, a.checkinSecret, input.code);
    const stage = stageOf(s);
    assertSignupStep(input.action, stage);
    const slot = slotOfSignup(a, s.slotStartsAt);
    const [v] = await tx
      .select({ name: volunteers.name, userId: volunteers.userId })
      .from(volunteers)
      .where(eq(volunteers.id, s.volunteerId));
    let change: Partial<typeof activitySignups.$inferInsert>;
    if (input.action === "checkIn") {
      // A cancelled activity takes no one in; one already in may still be checked out.
      if (a.status === "cancelled") assertActivityOpen(a, now);
      const opensAt = new Date(slot.startsAt.getTime() - CHECKIN_OPENS_BEFORE);
      if (now < opensAt)
        throw unprocessable("CHECKIN_NOT_OPEN", {
          opensAt: opensAt.toISOString(),
        });
      if (now >= slot.endsAt)
        throw unprocessable("CHECKIN_CLOSED", {
          endsAt: slot.endsAt.toISOString(),
        });
      change = { checkedInAt: now };
    } else {
      const checkedInAt = s.checkedInAt ?? now;
      change = { checkedOutAt: now, hours: hoursServed(checkedInAt, now, slot) };
    }
    const [after] = await tx
      .update(activitySignups)
      .set(change)
      .where(eq(activitySignups.id, s.id))
      .returning();
    if (!after) throw new Error("sign-up vanished under its lock");
    if (input.action === "checkOut")
      await recordEvent(tx, {
        type: "volunteering.hours",
        entity: "activity_signup",
        entityId: s.id,
        userId: v?.userId ?? null,
        territoryPath: a.territoryPath,
        data: {
          hours: after.hours ?? 0,
          activityId: a.id,
          volunteerId: s.volunteerId,
          checkedInAt: after.checkedInAt?.toISOString() ?? null,
          checkedOutAt: now.toISOString(),
        },
      });
    const view = {
      signupId: s.id,
      volunteerName: v?.name ?? "",
      stage: stageOf(after),
      slotStartsAt: after.slotStartsAt?.toISOString() ?? null,
      checkedInAt: after.checkedInAt?.toISOString() ?? null,
      checkedOutAt: after.checkedOutAt?.toISOString() ?? null,
      hours: after.hours,
    };
    await audit({
      action: input.action === "checkIn" ? "activity.checkin" : "activity.checkout",
      entity: "activity_signup",
      entityId: s.id,
      before: { stage },
      after: view,
    });
    return view;
  });
}
