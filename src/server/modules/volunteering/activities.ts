import { and, eq, inArray } from "drizzle-orm";
import { type Actor, audited } from "../../platform/audit/index.ts";
import { inScope, newSecret, type Principal } from "../../platform/auth/index.ts";
import type { Db, Executor } from "../../platform/db/index.ts";
import { notFound, unprocessable } from "../../platform/errors.ts";
import { notify } from "../../platform/notify/index.ts";
import { getNode } from "../territory/index.ts";
import { type Area, isInArea } from "./area.ts";
import { assertActivityStep, statusAt } from "./flow.ts";
import { checkSchedule } from "./schedule.ts";
import { activities, activitySignups, type ScheduleMode, volunteers, volunteerTeams } from "./tables.ts";

export type ActivityRow = typeof activities.$inferSelect;

export interface NewActivity {
  title: string;
  description?: string;
  teamId?: string;
  mode: ScheduleMode;
  place: string;
  lat?: number;
  lng?: number;
  startsAt: string;
  endsAt: string;
  capacity: number;
  slotMinutes?: number;
  nodeId: string;
}

/** The activity, locked for the caller's transaction when `lock`; 404 outside the area. */
export async function activityInArea(executor: Executor, area: Area, id: string, lock = false) {
  const query = executor.select().from(activities).where(eq(activities.id, id));
  const [row] = lock ? await query.for("update") : await query;
  if (!row || !isInArea(area, row.territoryPath)) throw notFound("activity", id);
  return row;
}

/** An activity the caller manages (volunteering.manage over its node), else 404. */
export async function managedActivity(executor: Executor, principal: Principal, id: string, lock = false) {
  const query = executor
    .select()
    .from(activities)
    .where(and(eq(activities.id, id), inScope(principal, "volunteering.manage", activities.territoryPath)));
  const [row] = lock ? await query.for("update") : await query;
  if (!row) throw notFound("activity", id);
  return row;
}

/** Where a team is (for other modules naming it): no scope check. */
export async function teamPlace(executor: Executor, id: string) {
  const [team] = await executor
    .select({
      id: volunteerTeams.id,
      nodeId: volunteerTeams.nodeId,
      territoryPath: volunteerTeams.territoryPath,
    })
    .from(volunteerTeams)
    .where(eq(volunteerTeams.id, id));
  return team;
}

/** A team of the caller's area (those he may see and join), else 404. */
export async function teamInArea(executor: Executor, area: Area, id: string) {
  const [team] = await executor.select().from(volunteerTeams).where(eq(volunteerTeams.id, id));
  if (!team || !isInArea(area, team.territoryPath)) throw notFound("team", id);
  return team;
}

/** A team the caller manages (volunteering.manage over its node), if any. */
export async function teamInScope(executor: Executor, principal: Principal, teamId: string) {
  const [team] = await executor
    .select()
    .from(volunteerTeams)
    .where(
      and(
        eq(volunteerTeams.id, teamId),
        inScope(principal, "volunteering.manage", volunteerTeams.territoryPath),
      ),
    );
  return team;
}

const logged = ({ checkinSecret: _, ...row }: ActivityRow) => row;

/** Staff publish an activity on a node they manage; the schedule rules of its mode are checked first. */
export async function createActivity(
  db: Db,
  principal: Principal,
  actor: Actor,
  input: NewActivity,
  now = new Date(),
) {
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  checkSchedule({ mode: input.mode, startsAt, endsAt, slotMinutes: input.slotMinutes }, now);
  return audited(db, actor, async (tx, audit) => {
    const node = await getNode(tx, principal, input.nodeId, "volunteering.manage");
    if (input.teamId && !(await teamInScope(tx, principal, input.teamId)))
      throw unprocessable("UNKNOWN_TEAM", { field: "teamId" });
    const [row] = await tx
      .insert(activities)
      .values({
        title: input.title.trim(),
        description: input.description?.trim() ?? "",
        teamId: input.teamId ?? null,
        mode: input.mode,
        place: input.place.trim(),
        lat: input.lat ?? null,
        lng: input.lng ?? null,
        startsAt,
        endsAt,
        capacity: input.capacity,
        slotMinutes: input.mode === "byAppointment" ? (input.slotMinutes ?? null) : null,
        checkinSecret: newSecret(),
        nodeId: node.id,
        territoryPath: node.path,
        createdBy: principal.userId,
      })
      .returning();
    if (!row) throw new Error("insert returned nothing");
    await audit({ action: "activity.create", entity: "activity", entityId: row.id, after: logged(row) });
    return { id: row.id, status: row.status };
  });
}

/** Staff call an activity off; everyone still signed up (confirmed or waiting) is told. */
export async function cancelActivity(
  db: Db,
  principal: Principal,
  actor: Actor,
  id: string,
  reason: string | undefined,
  now = new Date(),
) {
  return audited(db, actor, async (tx, audit) => {
    const before = await managedActivity(tx, principal, id, true);
    assertActivityStep("cancel", statusAt(before, now));
    const [after] = await tx
      .update(activities)
      .set({ status: "cancelled", updatedAt: now })
      .where(eq(activities.id, id))
      .returning();
    if (!after) throw notFound("activity", id);
    const signedUp = await tx
      .select({ userId: volunteers.userId })
      .from(activitySignups)
      .innerJoin(volunteers, eq(volunteers.id, activitySignups.volunteerId))
      .where(
        and(eq(activitySignups.activityId, id), inArray(activitySignups.status, ["confirmed", "waiting"])),
      );
    await notify(
      tx,
      signedUp.map((s) => ({
        userId: s.userId,
        kind: "volunteering.cancelled",
        title: "志愿活动已取消",
        body: `您报名的“${before.title}”已取消${reason ? `：${reason}` : "。"}`,
        entity: "activity",
        entityId: id,
        link: `/mobile/volunteering/activities/${id}`,
      })),
    );
    await audit({
      action: "activity.cancel",
      entity: "activity",
      entityId: id,
      before: { status: before.status },
      after: { status: after.status, reason: reason ?? null, notified: signedUp.length },
    });
    return { id, status: after.status };
  });
}

/** Teams that organised activities, by id, for names in lists. */
export async function teamNames(executor: Executor, ids: Array<string | null>) {
  const wanted = [...new Set(ids.filter((x): x is string => x !== null))];
  if (wanted.length === 0) return new Map<string, string>();
  const rows = await executor
    .select({ id: volunteerTeams.id, name: volunteerTeams.name })
    .from(volunteerTeams)
    .where(inArray(volunteerTeams.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}
