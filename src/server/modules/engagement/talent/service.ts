import { and, asc, desc, eq, ilike, inArray, type SQL, sql } from "drizzle-orm";
import { type Actor, audited } from "../../../platform/audit/index.ts";
import { type Principal, scopePaths } from "../../../platform/auth/index.ts";
import type { Db, Executor } from "../../../platform/db/index.ts";
import { likePattern } from "../../../platform/db/index.ts";
import { AppError, notFound, unprocessable } from "../../../platform/errors.ts";
import { type Paging, selectPage } from "../../../platform/http/paging.ts";
import { logPiiAccess, maskPhone, normalizeMobile } from "../../../platform/pii/index.ts";
import { membersByIds } from "../../people/index.ts";
import { getNode, nodesByIds, scopedTo } from "../../territory/index.ts";
import { cleanSkills, searchTextOf } from "./search-text.ts";
import { talents } from "./tables.ts";

type TalentRow = typeof talents.$inferSelect;

export interface TalentForm {
  name: string;
  phone: string;
  memberId?: string | null;
  nodeId: string;
  skills: string[];
  availability?: string | null;
  note?: string | null;
}

/** A row's node is the last id of its path (the table keeps the path only). */
export const nodeIdOf = (path: string) => path.split("/").filter(Boolean).at(-1) ?? "";

/** The node (in the caller's engagement.manage scope), phone, member and skills of a form, checked. */
export async function checkPerson(
  db: Db,
  principal: Principal,
  form: Partial<Pick<TalentForm, "phone" | "memberId" | "nodeId" | "skills">>,
) {
  const node = form.nodeId
    ? await getNode(db, principal, form.nodeId, "engagement.manage").catch(() => {
        throw unprocessable("UNKNOWN_NODE", { field: "nodeId" });
      })
    : undefined;
  const phone = form.phone === undefined ? undefined : normalizeMobile(form.phone);
  if (phone === null) throw unprocessable("INVALID_PHONE", { field: "phone" });
  if (form.memberId) {
    // A member of another area is unknown here, as one that does not exist.
    const [member] = await membersByIds(db, [form.memberId]);
    const scope = scopePaths(principal, "engagement.manage");
    if (!member || !scope.some((p) => member.territoryPath.startsWith(p)))
      throw unprocessable("TALENT_MEMBER_UNKNOWN", { field: "memberId" });
  }
  const skills = form.skills === undefined ? undefined : cleanSkills(form.skills);
  if (skills && skills.length === 0) throw unprocessable("SKILLS_REQUIRED", { field: "skills" });
  return { node, phone, skills };
}

/** POST /engagement/talents */
export async function createTalent(db: Db, principal: Principal, actor: Actor, form: TalentForm) {
  const { node, phone, skills } = await checkPerson(db, principal, form);
  if (!node || !phone || !skills) throw new AppError("INTERNAL", 500);
  return audited(db, actor, async (tx, audit) => {
    const [row] = await tx
      .insert(talents)
      .values({
        name: form.name.trim(),
        phone,
        memberId: form.memberId ?? null,
        territoryPath: node.path,
        skills,
        searchText: searchTextOf(skills),
        availability: form.availability?.trim() || null,
        note: form.note?.trim() || null,
      })
      .returning({ id: talents.id });
    if (!row) throw new AppError("INTERNAL", 500);
    await audit({
      action: "engagement.talent.create",
      entity: "talent",
      entityId: row.id,
      after: { name: form.name.trim(), skills, nodeId: node.id },
    });
    return { id: row.id };
  });
}

async function talentInScope(executor: Executor, principal: Principal, id: string) {
  const conditions = await scopedTo(executor as Db, principal, "engagement.manage", talents.territoryPath);
  const [row] = await executor
    .select()
    .from(talents)
    .where(and(eq(talents.id, id), ...conditions));
  if (!row) throw notFound("talent", id);
  return row;
}

/** PATCH /engagement/talents/{id}: what is given changes; `active: false` takes him off the lists. */
export async function updateTalent(
  db: Db,
  principal: Principal,
  actor: Actor,
  id: string,
  patch: Partial<TalentForm> & { active?: boolean },
) {
  const { node, phone, skills } = await checkPerson(db, principal, patch);
  return audited(db, actor, async (tx, audit) => {
    const before = await talentInScope(tx, principal, id);
    const set: Partial<TalentRow> = {};
    if (patch.name !== undefined) set.name = patch.name.trim();
    if (phone) set.phone = phone;
    if (patch.memberId !== undefined) set.memberId = patch.memberId;
    if (node) set.territoryPath = node.path;
    if (skills) Object.assign(set, { skills, searchText: searchTextOf(skills) });
    if (patch.availability !== undefined) set.availability = patch.availability?.trim() || null;
    if (patch.note !== undefined) set.note = patch.note?.trim() || null;
    if (patch.active !== undefined) set.active = patch.active;
    if (Object.keys(set).length > 0) await tx.update(talents).set(set).where(eq(talents.id, id));
    await audit({
      action: "engagement.talent.update",
      entity: "talent",
      entityId: id,
      before: { name: before.name, skills: before.skills, active: before.active },
      after: { ...set, phone: set.phone ? maskPhone(set.phone) : undefined, searchText: undefined },
    });
    return { id };
  });
}

export interface TalentFilter extends Paging {
  /** A skill, its pinyin or initials, or a name. */
  q?: string;
  underId?: string;
  active?: boolean;
}

/** GET /engagement/talents: the pool of the caller's scope, newest first, phones masked. */
export async function listTalents(db: Db, principal: Principal, f: TalentFilter) {
  const conditions: Array<SQL | undefined> = await scopedTo(
    db,
    principal,
    "engagement.manage",
    talents.territoryPath,
    f.underId,
  );
  conditions.push(eq(talents.active, f.active ?? true));
  if (f.q) {
    const q = likePattern(f.q.trim().toLowerCase());
    conditions.push(sql`(${ilike(talents.searchText, q)} or ${ilike(talents.name, q)})`);
  }
  const { rows, total } = await selectPage(
    db,
    talents,
    and(...conditions),
    [desc(talents.createdAt), asc(talents.id)],
    f,
  );
  const nodes = new Map(
    (
      await nodesByIds(
        db,
        rows.map((r) => nodeIdOf(r.territoryPath)),
      )
    ).map((n) => [n.id, n]),
  );
  return { items: rows.map((r) => present(r, nodes.get(nodeIdOf(r.territoryPath)))), total };
}

function present(r: TalentRow, node: { id: string; name: string } | undefined) {
  return {
    id: r.id,
    name: r.name,
    phone: maskPhone(r.phone),
    memberId: r.memberId,
    node: node ? { id: node.id, name: node.name } : null,
    skills: r.skills,
    availability: r.availability,
    note: r.note,
    active: r.active,
    createdAt: r.createdAt.toISOString(),
  };
}

/** GET /engagement/talents/{id}: the whole phone for the staff who call him; the read is logged. */
export async function getTalent(db: Db, principal: Principal, actor: Actor, id: string) {
  const row = await talentInScope(db, principal, id);
  const [node] = await nodesByIds(db, [nodeIdOf(row.territoryPath)]);
  await logPiiAccess(db, {
    actorId: actor.userId,
    entity: "talent",
    entityId: row.id,
    field: "phone",
    purpose: "联系人才库人员",
    ip: actor.ip,
  });
  return { ...present(row, node), phone: row.phone };
}

/** The skills the pool records for these party members (a call-up's candidates). */
export async function skillsOfMembers(executor: Executor, memberIds: string[]) {
  if (memberIds.length === 0) return new Map<string, string[]>();
  const rows = await executor
    .select({ memberId: talents.memberId, skills: talents.skills })
    .from(talents)
    .where(and(inArray(talents.memberId, memberIds), eq(talents.active, true)));
  const out = new Map<string, string[]>();
  for (const r of rows) if (r.memberId) out.set(r.memberId, [...(out.get(r.memberId) ?? []), ...r.skills]);
  return out;
}

/**
 * The party members whose pool entry matches a skill (words, pinyin or initials); where they live
 * is people's to check (a call-up's candidates are those living under its node).
 */
export async function membersWithSkill(executor: Executor, skill: string) {
  const rows = await executor
    .selectDistinct({ memberId: talents.memberId })
    .from(talents)
    .where(
      and(
        eq(talents.active, true),
        ilike(talents.searchText, likePattern(skill.trim().toLowerCase())),
        sql`${talents.memberId} is not null`,
      ),
    );
  return rows.flatMap((r) => (r.memberId ? [r.memberId] : []));
}
