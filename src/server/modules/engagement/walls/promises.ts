import { and, desc, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import { type Actor, audited } from "../../../platform/audit/index.ts";
import { can, inScope, type Principal } from "../../../platform/auth/index.ts";
import type { Db, Executor } from "../../../platform/db/index.ts";
import { conflict, forbidden, notFound, unprocessable } from "../../../platform/errors.ts";
import { assertFilesExist, photoRefs } from "../../../platform/files/index.ts";
import { type Paging, pageWindow } from "../../../platform/http/paging.ts";
import { notify } from "../../../platform/notify/index.ts";
import { usersHolding } from "../../accounts/index.ts";
import { membersByIds } from "../../people/index.ts";
import { lineageOf, nodesByIds, scopedTo } from "../../territory/index.ts";
import { callerMember } from "../member.ts";
import { allowedActions, type PromiseActor, transitionFor } from "./flow.ts";
import { memberPromises, type PromiseStatus } from "./tables.ts";
import { thisYear } from "./year.ts";

type PromiseRow = typeof memberPromises.$inferSelect;

/** The community id on a territory path (/district/street/community/…). */
export const communityIdOf = (path: string) => path.split("/")[3] ?? "";

/** Promises as the pages show them: the member by name (staff and himself only), his community. */
async function present(executor: Executor, rows: PromiseRow[], actors: readonly PromiseActor[]) {
  const [members, communities] = await Promise.all([
    membersByIds(executor, [...new Set(rows.map((r) => r.memberId))]),
    nodesByIds(executor, [...new Set(rows.map((r) => communityIdOf(r.territoryPath)))]),
  ]);
  const name = new Map(members.map((m) => [m.id, m.name]));
  const community = new Map(communities.map((c) => [c.id, { id: c.id, name: c.name }]));
  return rows.map((r) => ({
    id: r.id,
    year: r.year,
    member: { id: r.memberId, name: name.get(r.memberId) ?? "" },
    community: community.get(communityIdOf(r.territoryPath)) ?? null,
    text: r.text,
    photo: r.photoId ? (photoRefs([r.photoId])[0] ?? null) : null,
    status: r.status,
    returnReason: r.returnReason,
    keptNote: r.keptNote,
    keptPhotos: photoRefs(r.keptPhotos),
    keptAt: r.keptAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    allowedActions: allowedActions(r, actors),
  }));
}

export interface WriteInput {
  text: string;
  photoId: string;
}

/**
 * POST /engagement/promises: the member writes this year's promise with his photo. A returned one
 * is written again (the same row); a pending or published one makes it 409 PROMISE_EXISTS.
 */
export async function writePromise(db: Db, principal: Principal, actor: Actor, input: WriteInput) {
  if (!can(principal, "engagement.serve")) throw forbidden();
  const member = await callerMember(db, principal);
  await assertFilesExist(db, [input.photoId]);
  const { community } = await lineageOf(db, member.territoryPath);
  if (!community) throw unprocessable("NO_HOME_COMMUNITY");
  const year = thisYear();
  const text = input.text.trim();
  return audited(db, actor, async (tx, audit) => {
    const fields = { text, photoId: input.photoId, status: "pending" as const, returnReason: null };
    const mine = and(eq(memberPromises.memberId, member.id), eq(memberPromises.year, year));
    const [again] = await tx
      .update(memberPromises)
      .set({ ...fields, territoryPath: member.territoryPath, userId: principal.userId })
      .where(and(mine, eq(memberPromises.status, "returned")))
      .returning();
    const [row] = again
      ? [again]
      : await tx
          .insert(memberPromises)
          .values({
            ...fields,
            memberId: member.id,
            userId: principal.userId,
            territoryPath: member.territoryPath,
            year,
          })
          // One promise per member and year (unique index): a second is refused below.
          .onConflictDoNothing()
          .returning();
    if (!row) {
      const [current] = await tx.select({ status: memberPromises.status }).from(memberPromises).where(mine);
      throw conflict("PROMISE_EXISTS", { status: current?.status });
    }
    await audit({
      action: "engagement.promise.create",
      entity: "member_promise",
      entityId: row.id,
      before: again ? { status: "returned" } : undefined,
      after: { status: "pending", year, text },
    });
    const staff = await usersHolding(tx, ["communityStaff"], community.path);
    await notify(
      tx,
      staff.map((userId) => ({
        userId,
        kind: "engagement.promise.pending",
        title: "党员承诺待审核",
        body: `${member.name}写下了${year}年的承诺，请审核后上墙。`,
        entity: "member_promise",
        entityId: row.id,
        link: "/admin/engagement/walls",
      })),
    );
    return { id: row.id, status: row.status };
  });
}

/** GET /engagement/promises/mine: the caller's promises, newest year first, and his community's wall. */
export async function myPromises(db: Db, principal: Principal) {
  const member = await callerMember(db, principal);
  const rows = await db
    .select()
    .from(memberPromises)
    .where(eq(memberPromises.memberId, member.id))
    .orderBy(desc(memberPromises.year));
  const { community } = await lineageOf(db, member.territoryPath);
  return {
    items: await present(db, rows, ["member"]),
    total: rows.length,
    year: thisYear(),
    community: community ? { id: community.id, name: community.name } : null,
  };
}

export interface PromiseFilter extends Paging {
  status?: PromiseStatus[];
  year?: number;
  underId?: string;
}

/** GET /engagement/promises: the community's promises in the caller's scope, waiting ones first. */
export async function listPromises(db: Db, principal: Principal, f: PromiseFilter) {
  const conditions: SQL[] = await scopedTo(
    db,
    principal,
    "engagement.manage",
    memberPromises.territoryPath,
    f.underId,
  );
  if (f.status?.length) conditions.push(inArray(memberPromises.status, f.status));
  conditions.push(eq(memberPromises.year, f.year ?? thisYear()));
  const where = and(...conditions);
  const { limit, offset } = pageWindow(f);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(memberPromises)
      .where(where)
      .orderBy(
        sql`case ${memberPromises.status} when 'pending' then 0 when 'published' then 1 else 2 end`,
        desc(memberPromises.createdAt),
        memberPromises.id,
      )
      .limit(limit)
      .offset(offset),
    db.select({ n: sql<number>`count(*)::int` }).from(memberPromises).where(where),
  ]);
  return { items: await present(db, rows, ["community"]), total: total?.n ?? 0 };
}

/** POST /engagement/promises/{id}/publish | return: the community puts it on the wall, or returns it. */
export async function decidePromise(
  db: Db,
  principal: Principal,
  actor: Actor,
  id: string,
  action: "publish" | "return",
  reason?: string,
) {
  return audited(db, actor, async (tx, audit) => {
    const [row] = await tx
      .select()
      .from(memberPromises)
      .where(
        and(eq(memberPromises.id, id), inScope(principal, "engagement.manage", memberPromises.territoryPath)),
      )
      .for("update");
    if (!row) throw notFound("promise", id);
    const rule = transitionFor(action, row.status);
    if (!rule)
      throw conflict("ILLEGAL_TRANSITION", {
        status: row.status,
        action,
        allowedActions: allowedActions(row, ["community"]),
      });
    const note = reason?.trim() || null;
    if (action === "return" && !note) throw unprocessable("RETURN_REASON_REQUIRED", { field: "reason" });
    await tx
      .update(memberPromises)
      .set({ status: rule.to, returnReason: note })
      .where(and(eq(memberPromises.id, id), eq(memberPromises.status, row.status)));
    await audit({
      action: action === "publish" ? "engagement.promise.publish" : "engagement.promise.return",
      entity: "member_promise",
      entityId: id,
      before: { status: row.status },
      after: { status: rule.to, ...(note ? { reason: note } : {}) },
    });
    await notify(tx, [
      {
        userId: row.userId,
        kind: `engagement.promise.${action === "publish" ? "published" : "returned"}`,
        title: action === "publish" ? "您的承诺已上墙" : "您的承诺被退回",
        body:
          action === "publish"
            ? "社区已把您的承诺展示在承诺墙上，做到后别忘了记录践诺情况。"
            : `社区退回了您的承诺：${note}。请修改后重新提交。`,
        entity: "member_promise",
        entityId: id,
        link: "/mobile/engagement/promise",
      },
    ]);
    return { id, status: rule.to };
  });
}

export interface KeepInput {
  note: string;
  photos?: string[];
}

/** POST /engagement/promises/{id}/keep: the member records how he kept it (践诺), once. */
export async function keepPromise(db: Db, principal: Principal, actor: Actor, id: string, input: KeepInput) {
  const member = await callerMember(db, principal);
  const photos = [...new Set(input.photos ?? [])];
  await assertFilesExist(db, photos);
  return audited(db, actor, async (tx, audit) => {
    const [row] = await tx
      .select()
      .from(memberPromises)
      .where(and(eq(memberPromises.id, id), eq(memberPromises.memberId, member.id)))
      .for("update");
    if (!row) throw notFound("promise", id);
    if (!transitionFor("keep", row.status))
      throw conflict("ILLEGAL_TRANSITION", {
        status: row.status,
        action: "keep",
        allowedActions: allowedActions(row, ["member"]),
      });
    const note = input.note.trim();
    const [kept] = await tx
      .update(memberPromises)
      .set({ keptNote: note, keptPhotos: photos, keptAt: new Date() })
      .where(and(eq(memberPromises.id, id), isNull(memberPromises.keptAt)))
      .returning({ id: memberPromises.id });
    if (!kept) throw conflict("PROMISE_ALREADY_KEPT");
    await audit({
      action: "engagement.promise.keep",
      entity: "member_promise",
      entityId: id,
      after: { keptNote: note, photos: photos.length },
    });
    return { id, status: row.status };
  });
}
