import { and, asc, count, desc, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import type { Db, Executor } from "../../platform/db/index.ts";
import { notFound } from "../../platform/errors.ts";
import { type Paging, selectPage } from "../../platform/http/paging.ts";
import { maskName } from "../../platform/pii/index.ts";
import { nodeByCode, nodesByIds } from "../territory/index.ts";
import { PUBLIC_STATUSES } from "./flow.ts";
import { communitiesOf, communityIdOf } from "./service.ts";
import { type WishCategory, type WishRow, type WishStatus, wishes } from "./tables.ts";

export interface WallFilter extends Paging {
  status?: WishStatus[];
  /** A community's code. */
  community?: string;
  category?: WishCategory;
}

const onWall = inArray(wishes.status, [...PUBLIC_STATUSES]);
export const wallPhotoUrl = (wishId: string, photoId: string) =>
  `/api/v1/public/wishes/${wishId}/photos/${photoId}`;

/**
 * A wish as anyone may see it on the wall: what is wished, the wisher's name masked (王**), who
 * claimed it (a unit by name, a member masked) and when things happened. Never a phone, a full
 * name, the wisher's address or the notes exchanged with him.
 */
function presentPublic(row: WishRow, community: { code: string; name: string } | undefined) {
  const photos = (ids: string[]) => ids.map((id) => ({ id, url: wallPhotoUrl(row.id, id) }));
  return {
    id: row.id,
    code: row.code,
    status: row.status,
    title: row.title,
    description: row.description,
    category: row.category,
    wisherKind: row.wisherKind,
    wisherName: maskName(row.wisherName),
    photos: photos(row.photos),
    fulfilPhotos: photos(row.fulfilPhotos),
    community: community ? { code: community.code, name: community.name } : null,
    claimer: row.claimerKind
      ? {
          kind: row.claimerKind,
          name: row.claimerKind === "unit" ? (row.claimerUnitName ?? "") : (maskName(row.claimerName) ?? ""),
        }
      : null,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    claimedAt: row.claimedAt?.toISOString() ?? null,
    fulfilledAt: row.fulfilledAt?.toISOString() ?? null,
    confirmedAt: row.confirmedAt?.toISOString() ?? null,
  };
}

/** GET /public/wishes: the wall, newest published first, filtered by status, community and category. */
export async function wall(db: Db, f: WallFilter) {
  const statuses = f.status?.length
    ? f.status.filter((s) => PUBLIC_STATUSES.includes(s))
    : [...PUBLIC_STATUSES];
  const conditions: SQL[] = [inArray(wishes.status, statuses)];
  if (f.community) {
    const node = await nodeByCode(db, f.community);
    if (node?.level !== "community") throw notFound("community", f.community);
    conditions.push(sql`${wishes.territoryPath} like ${`${node.path}%`}`);
  }
  if (f.category) conditions.push(eq(wishes.category, f.category));
  const where = and(...conditions);
  const newest = desc(sql`coalesce(${wishes.publishedAt}, ${wishes.createdAt})`);
  const { rows, total } = await selectPage(db, wishes, where, [newest, asc(wishes.id)], f);
  const communities = await communitiesOf(db, rows);
  return {
    items: rows.map((r) => presentPublic(r, communities.get(communityIdOf(r.territoryPath) ?? ""))),
    total,
  };
}

/** The communities with wishes on the wall, with how many wait for a claimer: the wall's filter. */
export async function wallCommunities(db: Db) {
  const community = sql<string>`split_part(${wishes.territoryPath}, '/', 4)`;
  const rows = await db
    .select({
      id: community,
      open: sql<number>`count(*) filter (where ${wishes.status} = 'published')::int`,
      total: count(),
    })
    .from(wishes)
    .where(onWall)
    .groupBy(community);
  const nodes = new Map(
    (
      await nodesByIds(
        db,
        rows.map((r) => r.id),
      )
    ).map((n) => [n.id, n]),
  );
  return rows
    .flatMap((r) => {
      const n = nodes.get(r.id);
      return n ? [{ code: n.code, name: n.name, open: r.open, total: r.total }] : [];
    })
    .sort((a, b) => a.code.localeCompare(b.code));
}

/** Is this file a photo of a wish on the wall (its own or its fulfilment's)? Only those are public. */
export async function isWallPhoto(executor: Executor, wishId: string, photoId: string): Promise<boolean> {
  const one = JSON.stringify([photoId]);
  const [row] = await executor
    .select({ id: wishes.id })
    .from(wishes)
    .where(
      and(
        eq(wishes.id, wishId),
        onWall,
        or(sql`${wishes.photos} @> ${one}::jsonb`, sql`${wishes.fulfilPhotos} @> ${one}::jsonb`),
      ),
    );
  return !!row;
}
