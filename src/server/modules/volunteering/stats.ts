import { and, desc, eq, gte, lt, ne, type SQL, sql } from "drizzle-orm";
import { inScope, type Principal } from "../../platform/auth/index.ts";
import type { Db } from "../../platform/db/index.ts";
import { nodesByIds } from "../territory/index.ts";
import { activities, activitySignups, volunteerTeams } from "./tables.ts";

export interface StatsFilter {
  by: "team" | "community";
  /** On the activities' start time. */
  from?: string;
  to?: string;
}

// Only checked-out sign-ups have served; cancelled activities count for nothing.
const served = sql`${activitySignups.checkedOutAt} is not null`;
const figures = {
  activities: sql<number>`count(distinct ${activities.id})::int`,
  people: sql<number>`(count(distinct ${activitySignups.volunteerId}) filter (where ${served}))::int`,
  hours: sql<number>`coalesce(sum(${activitySignups.hours}) filter (where ${served}), 0)::float8`,
};

/** 志愿服务统计: hours, people and activities per team or per community, in the caller's scope. */
export async function volunteeringStats(db: Db, principal: Principal, f: StatsFilter) {
  const when: SQL[] = [ne(activities.status, "cancelled")];
  if (f.from) when.push(gte(activities.startsAt, new Date(f.from)));
  if (f.to) when.push(lt(activities.startsAt, new Date(f.to)));
  const scoped = inScope(principal, "volunteering.manage", activities.territoryPath);

  const [totals] = await db
    .select(figures)
    .from(activities)
    .leftJoin(activitySignups, eq(activitySignups.activityId, activities.id))
    .where(and(scoped, ...when));

  let items: Array<{ id: string; name: string; speciality: string | null } & Figures>;
  if (f.by === "team") {
    const rows = await db
      .select({
        id: volunteerTeams.id,
        name: volunteerTeams.name,
        speciality: volunteerTeams.speciality,
        ...figures,
      })
      .from(volunteerTeams)
      .leftJoin(activities, and(eq(activities.teamId, volunteerTeams.id), ...when))
      .leftJoin(activitySignups, eq(activitySignups.activityId, activities.id))
      .where(inScope(principal, "volunteering.manage", volunteerTeams.territoryPath))
      .groupBy(volunteerTeams.id)
      .orderBy(desc(figures.hours), volunteerTeams.id);
    items = rows.map(numbers);
  } else {
    // The community is the fourth segment of a path (/district/street/community/…); an activity
    // published above the communities counts for its own node.
    const key = sql<string>`coalesce(nullif(split_part(${activities.territoryPath}, '/', 4), ''), ${activities.nodeId}::text)`;
    const rows = await db
      .select({ id: key, ...figures })
      .from(activities)
      .leftJoin(activitySignups, eq(activitySignups.activityId, activities.id))
      .where(and(scoped, ...when))
      .groupBy(key)
      .orderBy(desc(figures.hours), key);
    const nodes = await nodesByIds(
      db,
      rows.map((r) => r.id),
    );
    items = rows.map((r) => ({
      ...numbers(r),
      name: nodes.find((n) => n.id === r.id)?.name ?? "",
      speciality: null,
    }));
  }
  return { by: f.by, items, totals: numbers({ ...(totals ?? { activities: 0, people: 0, hours: 0 }) }) };
}

interface Figures {
  activities: number;
  people: number;
  hours: number;
}

/** Drivers hand aggregates back as strings or numbers; the answer has numbers. */
const numbers = <T extends Figures>(r: T): T => ({
  ...r,
  activities: Number(r.activities),
  people: Number(r.people),
  hours: Number(r.hours),
});

/** The command centre's volunteering figures under one territory path, over activities starting in [from, to). */
export async function volunteeringTotals(db: Db, path: string, from: Date, to: Date): Promise<Figures> {
  const [row] = await db
    .select(figures)
    .from(activities)
    .leftJoin(activitySignups, eq(activitySignups.activityId, activities.id))
    .where(
      and(
        ne(activities.status, "cancelled"),
        sql`${activities.territoryPath} like ${`${path}%`}`,
        gte(activities.startsAt, from),
        lt(activities.startsAt, to),
      ),
    );
  return numbers(row ?? { activities: 0, people: 0, hours: 0 });
}
