import { and, desc, eq, inArray, ne } from "drizzle-orm";
import type { Executor } from "../../platform/db/index.ts";
import { pinyinSortKey } from "../../platform/i18n/pinyin.ts";
import { teamNames } from "./activities.ts";
import { stageOf, statusAt } from "./flow.ts";
import { activities, activitySignups, teamMembers, volunteerTeams } from "./tables.ts";

/**
 * 志愿服务记录: every activity the volunteer signed up for and did not withdraw from, latest
 * first, with attendance and hours; the total counts checked-out sign-ups only.
 */
export async function recordOf(executor: Executor, volunteerId: string, now = new Date()) {
  const rows = await executor
    .select({ s: activitySignups, a: activities })
    .from(activitySignups)
    .innerJoin(activities, eq(activities.id, activitySignups.activityId))
    .where(and(eq(activitySignups.volunteerId, volunteerId), ne(activitySignups.status, "cancelled")))
    .orderBy(desc(activities.startsAt), desc(activitySignups.id));
  const teams = await teamNames(
    executor,
    rows.map((r) => r.a.teamId),
  );
  const entries = rows.map(({ s, a }) => ({
    signupId: s.id,
    activity: {
      id: a.id,
      title: a.title,
      mode: a.mode,
      place: a.place,
      startsAt: a.startsAt.toISOString(),
      endsAt: a.endsAt.toISOString(),
      status: statusAt(a, now),
      teamName: a.teamId ? (teams.get(a.teamId) ?? null) : null,
    },
    status: s.status,
    stage: stageOf(s),
    position: s.position,
    slotStartsAt: s.slotStartsAt?.toISOString() ?? null,
    checkedInAt: s.checkedInAt?.toISOString() ?? null,
    checkedOutAt: s.checkedOutAt?.toISOString() ?? null,
    hours: s.hours,
  }));
  const done = entries.filter((e) => e.stage === "checkedOut");
  return {
    hours: done.reduce((n, e) => n + (e.hours ?? 0), 0),
    served: done.length,
    record: entries,
  };
}

/** The teams of volunteers, by volunteer id. */
export async function teamsOfVolunteers(executor: Executor, volunteerIds: string[]) {
  const out = new Map<string, Array<{ id: string; name: string; speciality: string }>>();
  if (volunteerIds.length === 0) return out;
  const rows = await executor
    .select({
      volunteerId: teamMembers.volunteerId,
      id: volunteerTeams.id,
      name: volunteerTeams.name,
      speciality: volunteerTeams.speciality,
    })
    .from(teamMembers)
    .innerJoin(volunteerTeams, eq(volunteerTeams.id, teamMembers.teamId))
    .where(inArray(teamMembers.volunteerId, volunteerIds));
  rows.sort((x, y) => (pinyinSortKey(x.name) < pinyinSortKey(y.name) ? -1 : 1));
  for (const { volunteerId, ...team } of rows) out.set(volunteerId, [...(out.get(volunteerId) ?? []), team]);
  return out;
}
