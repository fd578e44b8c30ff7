import { and, asc, count, desc, eq, type SQL, sql } from "drizzle-orm";
import { inScope, type Principal } from "../../platform/auth/index.ts";
import type { Db } from "../../platform/db/index.ts";
import { type Paging, pageWindow } from "../../platform/http/paging.ts";
import { maskPhone } from "../../platform/pii/index.ts";
import { managedActivity } from "./activities.ts";
import { stageOf } from "./flow.ts";
import { activities, activitySignups, type SignupStatus, volunteers } from "./tables.ts";

export interface RosterFilter extends Paging {
  activityId?: string;
  status?: SignupStatus;
}

/**
 * 报名名单: sign-ups of the activities the caller manages, with attendance. For one activity (the
 * organiser's list) by slot, places before the waiting list, in order; across activities (an
 * attendance sheet of the area) the latest activity first.
 */
export async function listSignups(db: Db, principal: Principal, f: RosterFilter) {
  const conditions: SQL[] = [inScope(principal, "volunteering.manage", activitySignups.territoryPath)];
  if (f.activityId)
    conditions.push(eq(activitySignups.activityId, (await managedActivity(db, principal, f.activityId)).id));
  if (f.status) conditions.push(eq(activitySignups.status, f.status));
  const where = and(...conditions);
  const { limit, offset } = pageWindow(f);
  const statusOrder = sql`case ${activitySignups.status} when 'confirmed' then 0 when 'waiting' then 1 else 2 end`;
  const [rows, [total]] = await Promise.all([
    db
      .select({
        s: activitySignups,
        name: volunteers.name,
        phone: volunteers.phone,
        title: activities.title,
        startsAt: activities.startsAt,
      })
      .from(activitySignups)
      .innerJoin(volunteers, eq(volunteers.id, activitySignups.volunteerId))
      .innerJoin(activities, eq(activities.id, activitySignups.activityId))
      .where(where)
      .orderBy(
        desc(activities.startsAt),
        asc(activitySignups.activityId),
        asc(activitySignups.slotStartsAt),
        statusOrder,
        asc(activitySignups.position),
        asc(activitySignups.signedUpAt),
        asc(activitySignups.id),
      )
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(activitySignups).where(where),
  ]);
  return {
    items: rows.map(({ s, name, phone, title, startsAt }) => ({
      id: s.id,
      activityId: s.activityId,
      activityTitle: title,
      activityStartsAt: startsAt.toISOString(),
      volunteerId: s.volunteerId,
      name,
      phone: phone ? maskPhone(phone) : null,
      status: s.status,
      stage: stageOf(s),
      position: s.position,
      slotStartsAt: s.slotStartsAt?.toISOString() ?? null,
      signedUpAt: s.signedUpAt.toISOString(),
      checkedInAt: s.checkedInAt?.toISOString() ?? null,
      checkedOutAt: s.checkedOutAt?.toISOString() ?? null,
      hours: s.hours,
    })),
    total: total?.n ?? 0,
  };
}
