import { and, asc, desc, eq, inArray, or, sql } from "drizzle-orm";
import type { Executor } from "../../../platform/db/index.ts";
import { notFound } from "../../../platform/errors.ts";
import { maskName } from "../../../platform/pii/index.ts";
import { unitsByIds } from "../../org/index.ts";
import { membersByIds } from "../../people/index.ts";
import { publishedRanking } from "../../points/index.ts";
import { nodesByIds } from "../../territory/index.ts";
import { reportIns } from "../tables.ts";
import { servicesOf } from "./pioneers.ts";
import { memberPromises, pioneers } from "./tables.ts";

/** The signature wall shows at most this many members (the most recent to report in). */
export const SIGNATURES_SHOWN = 500;

const photoUrl = (communityId: string, photoId: string) =>
  `/api/v1/public/engagement/walls/${communityId}/photos/${photoId}`;

/**
 * GET /public/engagement/walls/{communityId}: a community's three walls for a year, for anyone.
 * Members appear by masked name (王**) with their unit's name and their photo; never a phone, a
 * full name or an identity number.
 */
export async function communityWall(executor: Executor, communityId: string, year: number) {
  const [community] = await nodesByIds(executor, [communityId]);
  if (community?.level !== "community") throw notFound("community", communityId);
  const under = `${community.path}%`;
  const [signed, signedTotal, promises, named] = await Promise.all([
    executor
      .select({ memberId: reportIns.memberId, unitId: reportIns.unitId })
      .from(reportIns)
      .where(
        and(
          eq(reportIns.communityId, communityId),
          eq(reportIns.year, year),
          eq(reportIns.status, "approved"),
        ),
      )
      .orderBy(desc(reportIns.decidedAt), asc(reportIns.id))
      .limit(SIGNATURES_SHOWN),
    executor
      .select({ n: sql<number>`count(*)::int` })
      .from(reportIns)
      .where(
        and(
          eq(reportIns.communityId, communityId),
          eq(reportIns.year, year),
          eq(reportIns.status, "approved"),
        ),
      ),
    executor
      .select()
      .from(memberPromises)
      .where(
        and(
          sql`${memberPromises.territoryPath} like ${under}`,
          eq(memberPromises.year, year),
          eq(memberPromises.status, "published"),
        ),
      )
      .orderBy(desc(memberPromises.createdAt), asc(memberPromises.id)),
    executor
      .select()
      .from(pioneers)
      .where(and(sql`${pioneers.territoryPath} like ${under}`, eq(pioneers.year, year)))
      .orderBy(desc(pioneers.createdAt), asc(pioneers.id)),
  ]);
  const memberIds = [...new Set([...signed, ...promises, ...named].map((r) => r.memberId))];
  const [members, units, services, stars] = await Promise.all([
    membersByIds(executor, memberIds),
    unitsByIds(executor, [...new Set(signed.map((s) => s.unitId))]),
    servicesOf(
      executor,
      named.map((p) => p.memberId),
      year,
    ),
    publishedRanking(executor, { kind: "starMember", nodePath: community.path }),
  ]);
  const masked = new Map(members.map((m) => [m.id, maskName(m.name)]));
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const promisePhoto = new Map(
    promises.flatMap((p) => (p.photoId ? [[p.memberId, p.photoId] as const] : [])),
  );
  const photo = (id: string | null | undefined) => (id ? photoUrl(communityId, id) : null);
  return {
    community: { id: community.id, name: community.name },
    year,
    signatures: {
      total: signedTotal[0]?.n ?? 0,
      items: signed.map((s) => ({
        name: masked.get(s.memberId) ?? "",
        unit: unitName.get(s.unitId) ?? "",
        photo: photo(promisePhoto.get(s.memberId)),
      })),
    },
    promises: promises.map((p) => ({
      id: p.id,
      name: masked.get(p.memberId) ?? "",
      text: p.text,
      photo: photo(p.photoId),
      kept: p.keptAt !== null,
      keptNote: p.keptNote,
      keptPhotos: p.keptPhotos.map((id) => photoUrl(communityId, id)),
    })),
    pioneers: named.map((p) => ({
      id: p.id,
      name: masked.get(p.memberId) ?? "",
      citation: p.citation,
      photo: photo(p.photoId ?? promisePhoto.get(p.memberId)),
      ...(services.get(p.memberId) ?? { services: 0, hours: 0 }),
    })),
    // Names come masked from points; never a phone or an id number.
    stars: stars && {
      period: stars.period,
      entries: stars.entries.map((e) => ({ rank: e.rank, name: e.name, citation: e.citation })),
    },
  };
}

/** Is this file on the community's wall (a published promise's photo or 践诺 photo, a pioneer's photo)? */
export async function isWallPhoto(
  executor: Executor,
  communityId: string,
  photoId: string,
): Promise<boolean> {
  const [community] = await nodesByIds(executor, [communityId]);
  if (community?.level !== "community") return false;
  const under = `${community.path}%`;
  const one = JSON.stringify([photoId]);
  const [promise] = await executor
    .select({ id: memberPromises.id })
    .from(memberPromises)
    .where(
      and(
        sql`${memberPromises.territoryPath} like ${under}`,
        eq(memberPromises.status, "published"),
        or(eq(memberPromises.photoId, photoId), sql`${memberPromises.keptPhotos} @> ${one}::jsonb`),
      ),
    )
    .limit(1);
  if (promise) return true;
  const [pioneer] = await executor
    .select({ id: pioneers.id })
    .from(pioneers)
    .where(and(sql`${pioneers.territoryPath} like ${under}`, inArray(pioneers.photoId, [photoId])))
    .limit(1);
  return !!pioneer;
}
