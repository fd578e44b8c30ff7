import { eq, sql } from "drizzle-orm";
import type { Executor } from "../../platform/db/index.ts";
import { teamMembers, volunteers } from "./tables.ts";

export interface VolunteerProfile {
  id: string;
  userId: string;
  name: string;
  skills: string[];
  teamIds: string[];
  territoryPath: string;
}

/** The user's volunteer registration with his teams, or null when he has not registered. */
export async function volunteerOf(db: Executor, userId: string): Promise<VolunteerProfile | null> {
  const rows = await db
    .select({
      id: volunteers.id,
      userId: volunteers.userId,
      name: volunteers.name,
      skills: volunteers.skills,
      territoryPath: volunteers.territoryPath,
      teamId: teamMembers.teamId,
    })
    .from(volunteers)
    .leftJoin(teamMembers, eq(teamMembers.volunteerId, volunteers.id))
    .where(eq(volunteers.userId, userId));
  const [first] = rows;
  if (!first) return null;
  const { teamId: _, ...profile } = first;
  return { ...profile, teamIds: rows.flatMap((r) => (r.teamId ? [r.teamId] : [])) };
}

/** The volunteers registered in the subtree of `path`, with their skills and teams (an order's audience). */
export async function volunteersUnder(db: Executor, path: string): Promise<VolunteerProfile[]> {
  const rows = await db
    .select({
      id: volunteers.id,
      userId: volunteers.userId,
      name: volunteers.name,
      skills: volunteers.skills,
      territoryPath: volunteers.territoryPath,
      teamId: teamMembers.teamId,
    })
    .from(volunteers)
    .leftJoin(teamMembers, eq(teamMembers.volunteerId, volunteers.id))
    .where(sql`${volunteers.territoryPath} like ${`${path}%`}`);
  const byId = new Map<string, VolunteerProfile>();
  for (const { teamId, ...r } of rows) {
    const v = byId.get(r.id) ?? { ...r, teamIds: [] };
    if (teamId) v.teamIds.push(teamId);
    byId.set(r.id, v);
  }
  return [...byId.values()];
}
