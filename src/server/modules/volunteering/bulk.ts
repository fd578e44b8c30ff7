import { randomUUID } from "node:crypto";
import { newSecret } from "../../platform/auth/index.ts";
import { bulkInsert, type Executor } from "../../platform/db/index.ts";
import { domainEvents } from "../../platform/events/index.ts";
import { hoursServed, slotOfSignup } from "./schedule.ts";
import {
  type ActivityStatus,
  activities,
  activitySignups,
  type ScheduleMode,
  type SignupStatus,
  teamMembers,
  volunteers,
  volunteerTeams,
} from "./tables.ts";

interface Placed {
  nodeId: string;
  territoryPath: string;
}

/** Volunteering as demo data or a migration brings it; rows refer to each other by the caller's keys. */
export interface BulkVolunteering {
  volunteers: Array<
    Placed & {
      key: string;
      userId: string;
      name: string;
      phone: string | null;
      skills: string[];
      createdAt: Date;
    }
  >;
  teams: Array<
    Placed & {
      key: string;
      name: string;
      speciality: string;
      description: string;
      leaderKey?: string;
      memberKeys: string[];
      createdAt: Date;
    }
  >;
  activities: Array<
    Placed & {
      title: string;
      description: string;
      teamKey?: string;
      mode: ScheduleMode;
      place: string;
      startsAt: Date;
      endsAt: Date;
      capacity: number;
      slotMinutes?: number;
      status: ActivityStatus;
      createdAt: Date;
      signups: Array<{
        volunteerKey: string;
        slotStartsAt?: Date;
        status: SignupStatus;
        position?: number;
        signedUpAt: Date;
        checkedInAt?: Date;
        checkedOutAt?: Date;
      }>;
    }
  >;
}

/**
 * Writes it all with one statement per table; hours follow the check-in rules, and each check-out
 * gets its `volunteering.hours` event at the time it happened, as if it had been scanned.
 */
export async function bulkInsertVolunteering(executor: Executor, data: BulkVolunteering): Promise<void> {
  const volunteerIds = new Map(data.volunteers.map((v) => [v.key, randomUUID()]));
  const userOf = new Map(data.volunteers.map((v) => [v.key, v.userId]));
  const idOf = (map: Map<string, string>, key: string) => {
    const id = map.get(key);
    if (!id) throw new Error(`volunteering reference ${key} missing`);
    return id;
  };
  const teamIds = new Map(data.teams.map((t) => [t.key, randomUUID()]));

  await bulkInsert(
    executor,
    volunteers,
    data.volunteers.map(({ key, ...v }) => ({ ...v, id: idOf(volunteerIds, key) })),
  );
  await bulkInsert(
    executor,
    volunteerTeams,
    data.teams.map(({ key, leaderKey, memberKeys: _, ...t }) => ({
      ...t,
      id: idOf(teamIds, key),
      leaderUserId: leaderKey ? (userOf.get(leaderKey) ?? null) : null,
    })),
  );
  await bulkInsert(
    executor,
    teamMembers,
    data.teams.flatMap((t) =>
      t.memberKeys.map((k) => ({
        teamId: idOf(teamIds, t.key),
        volunteerId: idOf(volunteerIds, k),
        joinedAt: t.createdAt,
      })),
    ),
  );

  const activityRows: Array<typeof activities.$inferInsert> = [];
  const signupRows: Array<typeof activitySignups.$inferInsert> = [];
  const events: Array<typeof domainEvents.$inferInsert> = [];
  for (const { signups, teamKey, ...a } of data.activities) {
    const id = randomUUID();
    activityRows.push({
      ...a,
      id,
      teamId: teamKey ? idOf(teamIds, teamKey) : null,
      slotMinutes: a.slotMinutes ?? null,
      checkinSecret: newSecret(),
      updatedAt: a.createdAt,
    });
    for (const s of signups) {
      const signupId = randomUUID();
      const slot = slotOfSignup(a, s.slotStartsAt ?? null);
      const hours = s.checkedInAt && s.checkedOutAt ? hoursServed(s.checkedInAt, s.checkedOutAt, slot) : null;
      signupRows.push({
        id: signupId,
        activityId: id,
        volunteerId: idOf(volunteerIds, s.volunteerKey),
        slotStartsAt: s.slotStartsAt ?? null,
        status: s.status,
        position: s.position ?? null,
        signedUpAt: s.signedUpAt,
        checkedInAt: s.checkedInAt ?? null,
        checkedOutAt: s.checkedOutAt ?? null,
        hours,
        territoryPath: a.territoryPath,
      });
      if (s.checkedOutAt)
        events.push({
          type: "volunteering.hours",
          entity: "activity_signup",
          entityId: signupId,
          userId: userOf.get(s.volunteerKey) ?? null,
          territoryPath: a.territoryPath,
          data: {
            hours: hours ?? 0,
            activityId: id,
            volunteerId: idOf(volunteerIds, s.volunteerKey),
            checkedInAt: s.checkedInAt?.toISOString() ?? null,
            checkedOutAt: s.checkedOutAt.toISOString(),
          },
          at: s.checkedOutAt,
        });
    }
  }
  await bulkInsert(executor, activities, activityRows);
  await bulkInsert(executor, activitySignups, signupRows);
  // In the order they happened, so a consumer reading by sequence reads them in time order.
  events.sort((x, y) => (x.at as Date).getTime() - (y.at as Date).getTime());
  await bulkInsert(executor, domainEvents, events);
}
