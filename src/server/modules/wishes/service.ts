import { and, asc, count, desc, eq, ilike, inArray, or, type SQL } from "drizzle-orm";
import type { Actor } from "../../platform/audit/index.ts";
import type { Principal } from "../../platform/auth/index.ts";
import type { Db, Executor } from "../../platform/db/index.ts";
import { likePattern } from "../../platform/db/index.ts";
import { notFound } from "../../platform/errors.ts";
import { photoRefs } from "../../platform/files/index.ts";
import { type Paging, selectPage } from "../../platform/http/paging.ts";
import { presentTimeline } from "../../platform/http/timeline.ts";
import { logPiiAccess, maskName, maskPhone } from "../../platform/pii/index.ts";
import { nodesByIds, scopedTo } from "../territory/index.ts";
import { allowedActions, canSee, type Standing, standingOf } from "./access.ts";
import { type WishCategory, type WishRow, type WishStatus, wishEvents, wishes } from "./tables.ts";

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The community a wish belongs to: a wish's node is a community or lies below one, and the tree is
 * district / street / community / … (territory's CHILD_LEVELS), so it is the third id of the path.
 */
export const communityIdOf = (path: string): string | undefined => path.split("/").filter(Boolean)[2];

/** Community names of the rows, by community id. */
export async function communitiesOf(executor: Executor, rows: Pick<WishRow, "territoryPath">[]) {
  const ids = [...new Set(rows.map((r) => communityIdOf(r.territoryPath)).filter((x) => x !== undefined))];
  const nodes = await nodesByIds(executor, ids);
  return new Map(nodes.map((n) => [n.id, { id: n.id, code: n.code, name: n.name }]));
}

/** The wish by id or code with the caller's standing; 404 when he may not see it. */
export async function loadWish(executor: Executor, principal: Principal, idOrCode: string) {
  const [row] = await executor
    .select()
    .from(wishes)
    .where(UUID_RE.test(idOrCode) ? eq(wishes.id, idOrCode) : eq(wishes.code, idOrCode.toUpperCase()));
  if (!row) throw notFound("wish", idOrCode);
  const standing = standingOf(principal, row);
  if (!canSee(standing)) throw notFound("wish", idOrCode);
  return { row, standing };
}

type Communities = Awaited<ReturnType<typeof communitiesOf>>;

/** The fields every staff list item and the detail share; the wisher is masked here. */
function present(row: WishRow, communities: Communities) {
  return {
    id: row.id,
    code: row.code,
    status: row.status,
    title: row.title,
    description: row.description,
    category: row.category,
    wisherKind: row.wisherKind,
    wisherName: maskName(row.wisherName),
    wisherPhone: maskPhone(row.wisherPhone),
    photos: photoRefs(row.photos),
    community: communities.get(communityIdOf(row.territoryPath) ?? "") ?? null,
    claimerKind: row.claimerKind,
    claimerName: row.claimerName,
    claimerUnitName: row.claimerUnitName,
    createdAt: row.createdAt.toISOString(),
    publishedAt: row.publishedAt?.toISOString() ?? null,
    claimedAt: row.claimedAt?.toISOString() ?? null,
    fulfilledAt: row.fulfilledAt?.toISOString() ?? null,
    confirmedAt: row.confirmedAt?.toISOString() ?? null,
  };
}

/**
 * GET /wishes/{idOrCode}: the wish, its timeline and the caller's allowed actions. The wisher's
 * name and phone are whole for those who must reach him (the claimer, to deliver; the community),
 * and each such read is logged.
 */
export async function getWish(db: Db, principal: Principal, actor: Actor, idOrCode: string) {
  const { row, standing } = await loadWish(db, principal, idOrCode);
  const [events, communities, [node]] = await Promise.all([
    db.select().from(wishEvents).where(eq(wishEvents.wishId, row.id)).orderBy(asc(wishEvents.at)),
    communitiesOf(db, [row]),
    nodesByIds(db, [row.nodeId]),
  ]);
  const contact = standing.claimer || standing.community;
  if (contact && !standing.wisher && row.wisherPhone)
    await logPiiAccess(db, {
      actorId: actor.userId,
      entity: "wish",
      entityId: row.id,
      field: "wisherPhone",
      purpose: standing.claimer ? "认领人联系心愿人" : "社区核实心愿",
      ip: actor.ip,
    });
  const whole = contact || standing.wisher;
  return {
    ...present(row, communities),
    wisherName: whole ? row.wisherName : maskName(row.wisherName),
    wisherPhone: whole ? row.wisherPhone : maskPhone(row.wisherPhone),
    node: node ? { id: node.id, code: node.code, name: node.name, level: node.level } : null,
    reviewNote: row.reviewNote,
    fulfilNote: row.fulfilNote,
    fulfilPhotos: photoRefs(row.fulfilPhotos),
    thanks: row.thanks,
    events: presentTimeline(events),
    allowedActions: allowedActions(standing, row.status),
  };
}

export interface WishFilter extends Paging {
  status?: WishStatus[];
  category?: WishCategory;
  underId?: string;
  q?: string;
}

/** The wishes of the caller's review scope, newest first. */
export async function listWishes(db: Db, principal: Principal, f: WishFilter) {
  const conditions = await scopedTo(db, principal, "wishes.review", wishes.territoryPath, f.underId);
  if (f.status?.length) conditions.push(inArray(wishes.status, f.status));
  if (f.category) conditions.push(eq(wishes.category, f.category));
  if (f.q) {
    const q = f.q.trim();
    conditions.push(
      or(
        eq(wishes.code, q.toUpperCase()),
        ilike(wishes.title, likePattern(q)),
        ilike(wishes.description, likePattern(q)),
      ) as SQL,
    );
  }
  const { rows, total } = await pageOf(db, and(...conditions), f);
  const communities = await communitiesOf(db, rows);
  return { items: rows.map((r) => present(r, communities)), total };
}

/** 我的心愿: what I wished for, or what I claimed; each with what I may do with it now. */
export async function myWishes(db: Db, principal: Principal, f: Paging & MyWishFilter) {
  const { rows, total } = await pageOf(db, myWishesWhere(principal, f), f);
  const communities = await communitiesOf(db, rows);
  return {
    items: rows.map((r) => {
      const standing: Standing = standingOf(principal, r);
      return {
        ...present(r, communities),
        fulfilNote: r.fulfilNote,
        fulfilPhotos: photoRefs(r.fulfilPhotos),
        reviewNote: r.reviewNote,
        allowedActions: allowedActions(standing, r.status),
      };
    }),
    total,
  };
}

export interface MyWishFilter {
  as?: "wisher" | "claimer";
  status?: WishStatus[];
}

const myWishesWhere = (principal: Principal, f: MyWishFilter) =>
  and(
    f.as === "claimer"
      ? eq(wishes.claimerUserId, principal.userId)
      : eq(wishes.wisherUserId, principal.userId),
    f.status?.length ? inArray(wishes.status, f.status) : undefined,
  );

/** How many wishes GET /wishes/mine would list with these filters (the home's 心愿 to-dos). */
export async function countMyWishes(db: Db, principal: Principal, f: MyWishFilter) {
  const [row] = await db.select({ n: count() }).from(wishes).where(myWishesWhere(principal, f));
  return row?.n ?? 0;
}

/** How many wishes GET /wishes?status= would list in the caller's review scope. */
export async function countWishes(db: Db, principal: Principal, status: WishStatus) {
  const conditions = await scopedTo(db, principal, "wishes.review", wishes.territoryPath, undefined);
  const [row] = await db
    .select({ n: count() })
    .from(wishes)
    .where(and(...conditions, eq(wishes.status, status)));
  return row?.n ?? 0;
}

const pageOf = (db: Db, where: SQL | undefined, f: Paging) =>
  selectPage(db, wishes, where, [desc(wishes.createdAt), asc(wishes.id)], f);
