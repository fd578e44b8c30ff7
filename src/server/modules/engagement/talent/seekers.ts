import { and, asc, count, desc, eq, gte, ilike, inArray, or, type SQL, sql } from "drizzle-orm";
import { type Actor, audited } from "../../../platform/audit/index.ts";
import type { Principal } from "../../../platform/auth/index.ts";
import type { Db, Executor } from "../../../platform/db/index.ts";
import { likePattern } from "../../../platform/db/index.ts";
import { AppError, conflict, notFound } from "../../../platform/errors.ts";
import { type Paging, selectPage } from "../../../platform/http/paging.ts";
import { maskPhone } from "../../../platform/pii/index.ts";
import { nodesByIds, scopedTo } from "../../territory/index.ts";
import { canDecide, canMove } from "./flow.ts";
import { cleanSkills } from "./search-text.ts";
import { checkPerson, nodeIdOf } from "./service.ts";
import { jobMatches, jobSeekers, type MatchKind, type MatchOutcome, type SeekerStatus } from "./tables.ts";

type SeekerRow = typeof jobSeekers.$inferSelect;

export interface SeekerForm {
  name: string;
  phone: string;
  nodeId: string;
  wanted: string;
  skills?: string[];
}

/** POST /engagement/seekers: the community registers someone looking for work. */
export async function registerSeeker(db: Db, principal: Principal, actor: Actor, form: SeekerForm) {
  const { node, phone } = await checkPerson(db, principal, { phone: form.phone, nodeId: form.nodeId });
  if (!node || !phone) throw new AppError("INTERNAL", 500);
  return audited(db, actor, async (tx, audit) => {
    const [row] = await tx
      .insert(jobSeekers)
      .values({
        name: form.name.trim(),
        phone,
        territoryPath: node.path,
        wanted: form.wanted.trim(),
        skills: cleanSkills(form.skills ?? []),
        createdBy: principal.userId,
      })
      .returning({ id: jobSeekers.id, status: jobSeekers.status });
    if (!row) throw new AppError("INTERNAL", 500);
    await audit({
      action: "engagement.seeker.create",
      entity: "job_seeker",
      entityId: row.id,
      after: { name: form.name.trim(), wanted: form.wanted.trim(), nodeId: node.id },
    });
    return row;
  });
}

async function seekerInScope(executor: Executor, principal: Principal, id: string, lock = false) {
  const conditions = await scopedTo(executor as Db, principal, "engagement.manage", jobSeekers.territoryPath);
  const query = executor
    .select()
    .from(jobSeekers)
    .where(and(eq(jobSeekers.id, id), ...conditions));
  const [row] = lock ? await query.for("update") : await query;
  if (!row) throw notFound("job seeker", id);
  return row;
}

const illegal = (status: SeekerStatus, to: SeekerStatus) => conflict("ILLEGAL_TRANSITION", { status, to });

/** PATCH /engagement/seekers/{id}: corrections, and the status moved by hand (close, employed). */
export async function updateSeeker(
  db: Db,
  principal: Principal,
  actor: Actor,
  id: string,
  patch: Partial<SeekerForm> & { status?: SeekerStatus },
) {
  const { node, phone } = await checkPerson(db, principal, { phone: patch.phone, nodeId: patch.nodeId });
  return audited(db, actor, async (tx, audit) => {
    const before = await seekerInScope(tx, principal, id, true);
    const set: Partial<SeekerRow> = {};
    if (patch.name !== undefined) set.name = patch.name.trim();
    if (phone) set.phone = phone;
    if (node) set.territoryPath = node.path;
    if (patch.wanted !== undefined) set.wanted = patch.wanted.trim();
    if (patch.skills !== undefined) set.skills = cleanSkills(patch.skills);
    if (patch.status !== undefined && patch.status !== before.status) {
      if (!canMove(before.status, patch.status)) throw illegal(before.status, patch.status);
      set.status = patch.status;
    }
    if (Object.keys(set).length > 0) await tx.update(jobSeekers).set(set).where(eq(jobSeekers.id, id));
    await audit({
      action: "engagement.seeker.update",
      entity: "job_seeker",
      entityId: id,
      before: { status: before.status, wanted: before.wanted },
      after: { ...set, phone: set.phone ? maskPhone(set.phone) : undefined },
    });
    return { id, status: set.status ?? before.status };
  });
}

export interface SeekerFilter extends Paging {
  status?: SeekerStatus[];
  underId?: string;
  /** Name, wanted work or a skill. */
  q?: string;
}

async function seekerWhere(db: Db, principal: Principal, f: Omit<SeekerFilter, "page" | "pageSize">) {
  const conditions: Array<SQL | undefined> = await scopedTo(
    db,
    principal,
    "engagement.manage",
    jobSeekers.territoryPath,
    f.underId,
  );
  if (f.status?.length) conditions.push(inArray(jobSeekers.status, f.status));
  if (f.q) {
    const q = likePattern(f.q.trim());
    conditions.push(
      or(ilike(jobSeekers.name, q), ilike(jobSeekers.wanted, q), sql`${jobSeekers.skills}::text ilike ${q}`),
    );
  }
  return and(...conditions);
}

/** GET /engagement/seekers (and its .xlsx): newest first, phones masked, with their proposals. */
export async function listSeekers(db: Db, principal: Principal, f: SeekerFilter) {
  const { rows, total } = await selectPage(
    db,
    jobSeekers,
    await seekerWhere(db, principal, f),
    [desc(jobSeekers.createdAt), asc(jobSeekers.id)],
    f,
  );
  const [nodes, matches] = await Promise.all([
    nodesByIds(db, [...new Set(rows.map((r) => nodeIdOf(r.territoryPath)))]),
    rows.length
      ? db
          .select()
          .from(jobMatches)
          .where(
            inArray(
              jobMatches.seekerId,
              rows.map((r) => r.id),
            ),
          )
          .orderBy(asc(jobMatches.createdAt), asc(jobMatches.id))
      : Promise.resolve([]),
  ]);
  const nodeOf = new Map(nodes.map((n) => [n.id, { id: n.id, name: n.name }]));
  return {
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      phone: maskPhone(r.phone),
      node: nodeOf.get(nodeIdOf(r.territoryPath)) ?? null,
      wanted: r.wanted,
      skills: r.skills,
      status: r.status,
      createdAt: r.createdAt.toISOString(),
      matches: matches
        .filter((m) => m.seekerId === r.id)
        .map((m) => ({
          id: m.id,
          kind: m.kind,
          title: m.title,
          provider: m.provider,
          outcome: m.outcome,
          note: m.note,
          createdAt: m.createdAt.toISOString(),
          decidedAt: m.decidedAt?.toISOString() ?? null,
        })),
    })),
    total,
  };
}

/** The figures above the list: registered, in training, and employed this year (China time). */
export async function seekerFigures(db: Db, principal: Principal, underId?: string) {
  const where = await seekerWhere(db, principal, { underId });
  const yearStart = new Date(
    Date.UTC(new Date(Date.now() + 8 * 3_600_000).getUTCFullYear(), 0, 1) - 8 * 3_600_000,
  );
  const [all, training, employed] = await Promise.all([
    db.select({ n: count() }).from(jobSeekers).where(where),
    db
      .select({ n: count() })
      .from(jobSeekers)
      .where(and(where, eq(jobSeekers.status, "training"))),
    db
      .select({ n: sql<number>`count(distinct ${jobSeekers.id})::int` })
      .from(jobSeekers)
      .innerJoin(jobMatches, eq(jobMatches.seekerId, jobSeekers.id))
      .where(and(where, eq(jobMatches.outcome, "hired"), gte(jobMatches.decidedAt, yearStart))),
  ]);
  return {
    registered: all[0]?.n ?? 0,
    training: training[0]?.n ?? 0,
    employedThisYear: employed[0]?.n ?? 0,
  };
}

/** POST /engagement/seekers/{id}/matches: a training or opening proposed; a training starts his training. */
export function proposeMatch(
  db: Db,
  principal: Principal,
  actor: Actor,
  seekerId: string,
  input: { kind: MatchKind; title: string; provider: string; note?: string },
) {
  return audited(db, actor, async (tx, audit) => {
    const seeker = await seekerInScope(tx, principal, seekerId, true);
    if (seeker.status === "employed" || seeker.status === "closed")
      throw conflict("ILLEGAL_TRANSITION", { status: seeker.status });
    const [row] = await tx
      .insert(jobMatches)
      .values({
        seekerId,
        kind: input.kind,
        title: input.title.trim(),
        provider: input.provider.trim(),
        note: input.note?.trim() || null,
      })
      .returning({ id: jobMatches.id });
    if (!row) throw new AppError("INTERNAL", 500);
    if (input.kind === "training" && seeker.status === "registered")
      await tx.update(jobSeekers).set({ status: "training" }).where(eq(jobSeekers.id, seekerId));
    await audit({
      action: "engagement.match.create",
      entity: "job_seeker",
      entityId: seekerId,
      after: { matchId: row.id, kind: input.kind, title: input.title.trim() },
    });
    return { id: row.id };
  });
}

/** POST /engagement/matches/{id}/outcome: attended, hired (the seeker is employed) or declined. */
export function recordOutcome(
  db: Db,
  principal: Principal,
  actor: Actor,
  matchId: string,
  input: { outcome: Exclude<MatchOutcome, "proposed">; note?: string },
) {
  return audited(db, actor, async (tx, audit) => {
    const [match] = await tx.select().from(jobMatches).where(eq(jobMatches.id, matchId)).for("update");
    if (!match) throw notFound("job match", matchId);
    const seeker = await seekerInScope(tx, principal, match.seekerId, true).catch(() => {
      throw notFound("job match", matchId);
    });
    if (!canDecide(match.outcome, input.outcome))
      throw conflict("ILLEGAL_TRANSITION", { status: match.outcome, to: input.outcome });
    await tx
      .update(jobMatches)
      .set({ outcome: input.outcome, decidedAt: new Date(), note: input.note?.trim() || match.note })
      .where(eq(jobMatches.id, matchId));
    if (input.outcome === "hired" && canMove(seeker.status, "employed"))
      await tx.update(jobSeekers).set({ status: "employed" }).where(eq(jobSeekers.id, seeker.id));
    await audit({
      action: "engagement.match.outcome",
      entity: "job_seeker",
      entityId: seeker.id,
      before: { matchId, outcome: match.outcome },
      after: { matchId, outcome: input.outcome },
    });
    return { id: matchId, outcome: input.outcome };
  });
}
