import { and, asc, count, desc, eq, exists, ilike, or, type SQL, sql } from "drizzle-orm";
import { type Actor, audited } from "../../platform/audit/index.ts";
import { inScope, type Principal } from "../../platform/auth/index.ts";
import type { Db } from "../../platform/db/index.ts";
import { likePattern, qualified } from "../../platform/db/index.ts";
import { conflict, forbidden, notFound } from "../../platform/errors.ts";
import { type Paging, pageWindow } from "../../platform/http/paging.ts";
import { maskPhone } from "../../platform/pii/index.ts";
import { getNode, nodesByIds } from "../territory/index.ts";
import { homeNodeOf } from "./area.ts";
import { recordOf, teamsOfVolunteers } from "./record.ts";
import type { Skill } from "./skills.ts";
import { activitySignups, teamMembers, volunteers } from "./tables.ts";
import { managedTeam } from "./teams.ts";

type VolunteerRow = typeof volunteers.$inferSelect;

/** Where each volunteer lives, in words: community and grid (the home node may be a household). */
async function whereabouts(db: Db, rows: VolunteerRow[]) {
  const ids = [...new Set(rows.flatMap((v) => v.territoryPath.split("/").filter(Boolean)))];
  const nodes = await nodesByIds(db, ids);
  return (v: VolunteerRow) => {
    const on = v.territoryPath.split("/");
    const at = (level: string) => nodes.find((n) => n.level === level && on.includes(n.id))?.name ?? null;
    return {
      id: v.nodeId,
      name: nodes.find((n) => n.id === v.nodeId)?.name ?? "",
      community: at("community"),
      grid: at("grid"),
    };
  };
}

/** 注册志愿者: the signed-in member or resident, named as his account, serving from his home node. */
export async function registerVolunteer(db: Db, principal: Principal, actor: Actor, skills: Skill[]) {
  const home = homeNodeOf(principal);
  if (!home) throw forbidden();
  return audited(db, actor, async (tx, audit) => {
    const [row] = await tx
      .insert(volunteers)
      .values({
        userId: principal.userId,
        name: principal.name,
        phone: principal.phone,
        skills: [...new Set(skills)],
        nodeId: home.nodeId,
        territoryPath: home.nodePath,
      })
      .onConflictDoNothing({ target: volunteers.userId })
      .returning();
    if (!row) throw conflict("ALREADY_REGISTERED");
    await audit({ action: "volunteer.register", entity: "volunteer", entityId: row.id, after: row });
    return { id: row.id };
  });
}

/** A volunteer changes the skills he offers. */
export async function updateMySkills(db: Db, actor: Actor, userId: string, skills: Skill[]) {
  return audited(db, actor, async (tx, audit) => {
    const [before] = await tx.select().from(volunteers).where(eq(volunteers.userId, userId)).for("update");
    if (!before) throw notFound("volunteer");
    const next = [...new Set(skills)];
    await tx.update(volunteers).set({ skills: next }).where(eq(volunteers.id, before.id));
    await audit({
      action: "volunteer.update",
      entity: "volunteer",
      entityId: before.id,
      before: { skills: before.skills },
      after: { skills: next },
    });
    return { id: before.id };
  });
}

async function profile(db: Db, v: VolunteerRow, now: Date) {
  const [teams, placeOf, record] = await Promise.all([
    teamsOfVolunteers(db, [v.id]),
    whereabouts(db, [v]),
    recordOf(db, v.id, now),
  ]);
  return {
    id: v.id,
    name: v.name,
    phone: v.phone ? maskPhone(v.phone) : null,
    skills: v.skills,
    node: placeOf(v),
    teams: teams.get(v.id) ?? [],
    createdAt: v.createdAt.toISOString(),
    ...record,
  };
}

/** 我的志愿: his profile, teams, total hours and record; `volunteer: null` until he registers. */
export async function myVolunteering(db: Db, principal: Principal, now = new Date()) {
  const [v] = await db.select().from(volunteers).where(eq(volunteers.userId, principal.userId));
  return { volunteer: v ? await profile(db, v, now) : null, canRegister: homeNodeOf(principal) !== null };
}

/** A volunteer's profile and record, for staff managing his node. */
export async function getVolunteer(db: Db, principal: Principal, id: string, now = new Date()) {
  const [v] = await db
    .select()
    .from(volunteers)
    .where(and(eq(volunteers.id, id), inScope(principal, "volunteering.manage", volunteers.territoryPath)));
  if (!v) throw notFound("volunteer", id);
  return profile(db, v, now);
}

export interface VolunteerFilter extends Paging {
  skill?: Skill;
  teamId?: string;
  underId?: string;
  q?: string;
  sort?: "-hours" | "-createdAt";
}

const hoursSql = sql<number>`coalesce((select sum(s.hours) from ${activitySignups} s where s.volunteer_id = ${qualified(volunteers.id)} and s.checked_out_at is not null), 0)::float8`;
const servedSql = sql<number>`(select count(*) from ${activitySignups} s where s.volunteer_id = ${qualified(volunteers.id)} and s.checked_out_at is not null)::int`;

/** 志愿者名单 in the caller's scope, most hours first; phones masked. */
export async function listVolunteers(db: Db, principal: Principal, f: VolunteerFilter) {
  const conditions: SQL[] = [inScope(principal, "volunteering.manage", volunteers.territoryPath)];
  if (f.skill) conditions.push(sql`${volunteers.skills} @> ${JSON.stringify([f.skill])}::jsonb`);
  if (f.teamId) {
    // A team he does not manage is not found, as by its id; its members are not an empty page.
    const team = await managedTeam(db, principal, f.teamId);
    conditions.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(teamMembers)
          .where(
            and(
              sql`${teamMembers.volunteerId} = ${qualified(volunteers.id)}`,
              eq(teamMembers.teamId, team.id),
            ),
          ),
      ),
    );
  }
  if (f.underId) {
    const node = await getNode(db, principal, f.underId, "volunteering.manage");
    conditions.push(sql`${volunteers.territoryPath} like ${`${node.path}%`}`);
  }
  if (f.q) {
    const q = f.q.trim();
    conditions.push(or(ilike(volunteers.name, likePattern(q)), eq(volunteers.phone, q)) as SQL);
  }
  const where = and(...conditions);
  const { limit, offset } = pageWindow(f);
  const order =
    f.sort === "-createdAt" ? [desc(volunteers.createdAt)] : [desc(hoursSql), desc(volunteers.createdAt)];
  const [rows, [total]] = await Promise.all([
    db
      .select({ v: volunteers, hours: hoursSql, served: servedSql })
      .from(volunteers)
      .where(where)
      .orderBy(...order, asc(volunteers.id))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(volunteers).where(where),
  ]);
  const [teams, placeOf] = await Promise.all([
    teamsOfVolunteers(
      db,
      rows.map((r) => r.v.id),
    ),
    whereabouts(
      db,
      rows.map((r) => r.v),
    ),
  ]);
  return {
    items: rows.map(({ v, hours, served }) => ({
      id: v.id,
      name: v.name,
      phone: v.phone ? maskPhone(v.phone) : null,
      skills: v.skills,
      node: placeOf(v),
      teams: (teams.get(v.id) ?? []).map(({ id, name }) => ({ id, name })),
      hours: Number(hours),
      served: Number(served),
      createdAt: v.createdAt.toISOString(),
    })),
    total: total?.n ?? 0,
  };
}
