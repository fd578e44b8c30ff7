import { eq } from "drizzle-orm";
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
