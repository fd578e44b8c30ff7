import { and, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { type Actor, audited } from "../../../platform/audit/index.ts";
import { inScope, type Principal, scopePaths } from "../../../platform/auth/index.ts";
import type { Db, Executor } from "../../../platform/db/index.ts";
import { conflict, notFound } from "../../../platform/errors.ts";
import { assertFilesExist, photoRefs } from "../../../platform/files/index.ts";
import { type Paging, pageWindow } from "../../../platform/http/paging.ts";
import { membersByIds } from "../../people/index.ts";
import { nodesByIds, scopedTo } from "../../territory/index.ts";
import { serviceRecords } from "../tables.ts";
import { communityIdOf } from "./promises.ts";
import { pioneers } from "./tables.ts";
import { thisYear } from "./year.ts";

/** Approved services and their hours, per member, in a calendar year (what the pioneer wall shows). */
export async function servicesOf(executor: Executor, memberIds: string[], year: number) {
  const out = new Map<string, { services: number; hours: number }>();
  if (memberIds.length === 0) return out;
  const rows = await executor
    .select({
      memberId: serviceRecords.memberId,
      services: sql<number>`count(*)::int`,
      hours: sql<number>`coalesce(sum(${serviceRecords.hours}), 0)::float8`,
    })
    .from(serviceRecords)
    .where(
      and(
        inArray(serviceRecords.memberId, memberIds),
        eq(serviceRecords.status, "approved"),
        sql`${serviceRecords.servedOn} between ${`${year}-01-01`} and ${`${year}-12-31`}`,
      ),
    )
    .groupBy(serviceRecords.memberId);
  for (const r of rows) out.set(r.memberId, { services: r.services, hours: Number(r.hours) });
  return out;
}

export interface PioneerFilter extends Paging {
  year?: number;
  underId?: string;
}

/** GET /engagement/pioneers: the pioneers named in the caller's scope for a year, newest first. */
export async function listPioneers(db: Db, principal: Principal, f: PioneerFilter) {
  const year = f.year ?? thisYear();
  const conditions: SQL[] = await scopedTo(
    db,
    principal,
    "engagement.manage",
    pioneers.territoryPath,
    f.underId,
  );
  conditions.push(eq(pioneers.year, year));
  const where = and(...conditions);
  const { limit, offset } = pageWindow(f);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(pioneers)
      .where(where)
      .orderBy(desc(pioneers.createdAt), pioneers.id)
      .limit(limit)
      .offset(offset),
    db.select({ n: sql<number>`count(*)::int` }).from(pioneers).where(where),
  ]);
  const ids = rows.map((r) => r.memberId);
  const [members, communities, services] = await Promise.all([
    membersByIds(db, ids),
    nodesByIds(db, [...new Set(rows.map((r) => communityIdOf(r.territoryPath)))]),
    servicesOf(db, ids, year),
  ]);
  const name = new Map(members.map((m) => [m.id, m.name]));
  const community = new Map(communities.map((c) => [c.id, { id: c.id, name: c.name }]));
  return {
    items: rows.map((r) => ({
      id: r.id,
      year: r.year,
      member: { id: r.memberId, name: name.get(r.memberId) ?? "" },
      community: community.get(communityIdOf(r.territoryPath)) ?? null,
      citation: r.citation,
      photo: r.photoId ? (photoRefs([r.photoId])[0] ?? null) : null,
      ...(services.get(r.memberId) ?? { services: 0, hours: 0 }),
      createdAt: r.createdAt.toISOString(),
    })),
    total: total?.n ?? 0,
  };
}

export interface PioneerInput {
  memberId: string;
  citation: string;
  photoId?: string;
  year?: number;
}

/** POST /engagement/pioneers: the community names a member living in its area a pioneer of the year. */
export async function namePioneer(db: Db, principal: Principal, actor: Actor, input: PioneerInput) {
  const [member] = await membersByIds(db, [input.memberId]);
  const paths = scopePaths(principal, "engagement.manage");
  if (!member || !paths.some((p) => member.territoryPath.startsWith(p)))
    throw notFound("party member", input.memberId);
  if (input.photoId) await assertFilesExist(db, [input.photoId]);
  const year = input.year ?? thisYear();
  const citation = input.citation.trim();
  return audited(db, actor, async (tx, audit) => {
    const [row] = await tx
      .insert(pioneers)
      .values({
        memberId: member.id,
        territoryPath: member.territoryPath,
        year,
        citation,
        photoId: input.photoId ?? null,
        createdBy: principal.userId,
      })
      // One naming per member and year (unique index).
      .onConflictDoNothing()
      .returning();
    if (!row) throw conflict("PIONEER_EXISTS", { year });
    await audit({
      action: "engagement.pioneer.create",
      entity: "wall_pioneer",
      entityId: row.id,
      after: { memberId: member.id, year, citation },
    });
    return { id: row.id };
  });
}

/** DELETE /engagement/pioneers/{id}: the community takes a pioneer off the wall. */
export async function removePioneer(db: Db, principal: Principal, actor: Actor, id: string) {
  return audited(db, actor, async (tx, audit) => {
    const [row] = await tx
      .delete(pioneers)
      .where(and(eq(pioneers.id, id), inScope(principal, "engagement.manage", pioneers.territoryPath)))
      .returning();
    if (!row) throw notFound("pioneer", id);
    await audit({
      action: "engagement.pioneer.remove",
      entity: "wall_pioneer",
      entityId: id,
      before: { memberId: row.memberId, year: row.year, citation: row.citation },
    });
  });
}
