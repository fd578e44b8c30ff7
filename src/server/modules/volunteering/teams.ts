import { and, asc, count, desc, eq, ilike, type SQL, sql } from "drizzle-orm";
import { type Actor, audited, type RecordAudit } from "../../platform/audit/index.ts";
import { inScope, type Principal } from "../../platform/auth/index.ts";
import type { Db, Executor, Tx } from "../../platform/db/index.ts";
import { likePattern, qualified } from "../../platform/db/index.ts";
import { conflict, notFound, unprocessable } from "../../platform/errors.ts";
import { type Paging, pageWindow } from "../../platform/http/paging.ts";
import { pinyinSortKey } from "../../platform/i18n/pinyin.ts";
import { maskPhone } from "../../platform/pii/index.ts";
import { getNode, nodesByIds } from "../territory/index.ts";
import { teamInArea, teamInScope } from "./activities.ts";
import { areaOf, inArea } from "./area.ts";
import type { Skill } from "./skills.ts";
import { activities, activitySignups, teamMembers, volunteers, volunteerTeams } from "./tables.ts";

export interface NewTeam {
  name: string;
  speciality: Skill;
  description?: string;
  nodeId: string;
  leaderVolunteerId?: string;
}

/** A team the caller manages, else 404. */
export async function managedTeam(tx: Executor, principal: Principal, id: string) {
  const team = await teamInScope(tx, principal, id);
  if (!team) throw notFound("team", id);
  return team;
}

async function volunteerInScope(tx: Tx, principal: Principal, id: string) {
  const [v] = await tx
    .select()
    .from(volunteers)
    .where(and(eq(volunteers.id, id), inScope(principal, "volunteering.manage", volunteers.territoryPath)));
  if (!v)
    throw unprocessable("UNKNOWN_VOLUNTEER", {
      field: "volunteerId",
    });
  return v;
}

async function addTo(tx: Tx, audit: RecordAudit, teamId: string, volunteerId: string, action: string) {
  const added = await tx
    .insert(teamMembers)
    .values({ teamId, volunteerId })
    .onConflictDoNothing()
    .returning();
  if (added.length === 0) throw conflict("ALREADY_MEMBER");
  await audit({ action, entity: "volunteer_team", entityId: teamId, after: { volunteerId } });
}

/** 组建服务队 on a node the caller manages; the leader (队长), if named, joins it. */
export async function createTeam(db: Db, principal: Principal, actor: Actor, input: NewTeam) {
  return audited(db, actor, async (tx, audit) => {
    const node = await getNode(tx, principal, input.nodeId, "volunteering.manage");
    const leader = input.leaderVolunteerId
      ? await volunteerInScope(tx, principal, input.leaderVolunteerId)
      : undefined;
    const [row] = await tx
      .insert(volunteerTeams)
      .values({
        name: input.name.trim(),
        speciality: input.speciality,
        description: input.description?.trim() ?? "",
        leaderUserId: leader?.userId ?? null,
        nodeId: node.id,
        territoryPath: node.path,
      })
      .returning();
    if (!row) throw new Error("insert returned nothing");
    await audit({ action: "volunteer_team.create", entity: "volunteer_team", entityId: row.id, after: row });
    if (leader) await addTo(tx, audit, row.id, leader.id, "volunteer_team.add_member");
    return { id: row.id };
  });
}

export async function addMember(
  db: Db,
  principal: Principal,
  actor: Actor,
  teamId: string,
  volunteerId: string,
) {
  return audited(db, actor, async (tx, audit) => {
    await managedTeam(tx, principal, teamId);
    await volunteerInScope(tx, principal, volunteerId);
    await addTo(tx, audit, teamId, volunteerId, "volunteer_team.add_member");
    return { teamId, volunteerId };
  });
}

export async function removeMember(
  db: Db,
  principal: Principal,
  actor: Actor,
  teamId: string,
  volunteerId: string,
) {
  return audited(db, actor, async (tx, audit) => {
    await managedTeam(tx, principal, teamId);
    const gone = await tx
      .delete(teamMembers)
      .where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.volunteerId, volunteerId)))
      .returning();
    if (gone.length === 0) throw notFound("team member", volunteerId);
    await audit({
      action: "volunteer_team.remove_member",
      entity: "volunteer_team",
      entityId: teamId,
      before: { volunteerId },
    });
    return { teamId, volunteerId };
  });
}

/** A registered volunteer joins (or leaves) a team of his area himself. */
export async function joinOrLeave(db: Db, principal: Principal, actor: Actor, teamId: string, join: boolean) {
  const area = await areaOf(db, principal);
  return audited(db, actor, async (tx, audit) => {
    await teamInArea(tx, area, teamId);
    const [v] = await tx
      .select({ id: volunteers.id })
      .from(volunteers)
      .where(eq(volunteers.userId, principal.userId));
    if (!v) throw unprocessable("NOT_A_VOLUNTEER");
    if (join) {
      await addTo(tx, audit, teamId, v.id, "volunteer_team.join");
    } else {
      const gone = await tx
        .delete(teamMembers)
        .where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.volunteerId, v.id)))
        .returning();
      if (gone.length === 0) throw conflict("NOT_A_MEMBER");
      await audit({
        action: "volunteer_team.leave",
        entity: "volunteer_team",
        entityId: teamId,
        before: { volunteerId: v.id },
      });
    }
    return { teamId, joined: join };
  });
}

const outerTeam = qualified(volunteerTeams.id);
/** Hours served in the team's activities, and by how many people. */
const teamHours = sql<number>`coalesce((select sum(s.hours) from ${activitySignups} s join ${activities} a on a.id = s.activity_id where a.team_id = ${outerTeam} and s.checked_out_at is not null), 0)::float8`;
const teamPeople = sql<number>`(select count(distinct s.volunteer_id) from ${activitySignups} s join ${activities} a on a.id = s.activity_id where a.team_id = ${outerTeam} and s.checked_out_at is not null)::int`;
const memberCount = sql<number>`(select count(*) from ${teamMembers} m where m.team_id = ${outerTeam})::int`;

export interface TeamFilter extends Paging {
  speciality?: Skill;
  underId?: string;
  q?: string;
}

/** 服务队: staff see what they manage, volunteers the teams of their area (and whether they belong). */
export async function listTeams(db: Db, principal: Principal, f: TeamFilter) {
  const area = await areaOf(db, principal);
  const conditions: SQL[] = [inArea(area, volunteerTeams.territoryPath)];
  if (f.speciality) conditions.push(eq(volunteerTeams.speciality, f.speciality));
  if (f.q) conditions.push(ilike(volunteerTeams.name, likePattern(f.q.trim())));
  if (f.underId) {
    const node = await getNode(db, principal, f.underId, "volunteering.manage");
    conditions.push(sql`${volunteerTeams.territoryPath} like ${`${node.path}%`}`);
  }
  const joined = sql<boolean>`exists (select 1 from ${teamMembers} m join ${volunteers} v on v.id = m.volunteer_id where m.team_id = ${outerTeam} and v.user_id = ${principal.userId})`;
  const where = and(...conditions);
  const { limit, offset } = pageWindow(f);
  const [rows, [total]] = await Promise.all([
    db
      .select({ t: volunteerTeams, members: memberCount, hours: teamHours, people: teamPeople, joined })
      .from(volunteerTeams)
      .where(where)
      .orderBy(desc(teamHours), asc(volunteerTeams.createdAt), asc(volunteerTeams.id))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(volunteerTeams).where(where),
  ]);
  const nodes = await nodesByIds(db, [...new Set(rows.map((r) => r.t.nodeId))]);
  return {
    items: rows.map(({ t, members, hours, people, joined }) => ({
      id: t.id,
      name: t.name,
      speciality: t.speciality,
      description: t.description,
      node: { id: t.nodeId, name: nodes.find((n) => n.id === t.nodeId)?.name ?? "" },
      members: Number(members),
      hours: Number(hours),
      people: Number(people),
      joined: Boolean(joined),
      createdAt: t.createdAt.toISOString(),
    })),
    total: total?.n ?? 0,
  };
}

/** A team with its members (hours of each in all activities), for staff managing it. */
export async function getTeam(db: Db, principal: Principal, id: string) {
  const team = await managedTeam(db, principal, id);
  const [nodes, rows] = await Promise.all([
    nodesByIds(db, [team.nodeId]),
    db
      .select({
        v: volunteers,
        joinedAt: teamMembers.joinedAt,
        hours: sql<number>`coalesce((select sum(s.hours) from ${activitySignups} s where s.volunteer_id = ${qualified(volunteers.id)} and s.checked_out_at is not null), 0)::float8`,
      })
      .from(teamMembers)
      .innerJoin(volunteers, eq(volunteers.id, teamMembers.volunteerId))
      .where(eq(teamMembers.teamId, id)),
  ]);
  rows.sort((x, y) => (pinyinSortKey(x.v.name) < pinyinSortKey(y.v.name) ? -1 : 1));
  return {
    id: team.id,
    name: team.name,
    speciality: team.speciality,
    description: team.description,
    node: { id: team.nodeId, name: nodes[0]?.name ?? "" },
    leaderUserId: team.leaderUserId,
    members: rows.map(({ v, joinedAt, hours }) => ({
      volunteerId: v.id,
      name: v.name,
      phone: v.phone ? maskPhone(v.phone) : null,
      skills: v.skills,
      leader: v.userId === team.leaderUserId,
      joinedAt: joinedAt.toISOString(),
      hours: Number(hours),
    })),
  };
}
