import { and, asc, desc, eq, isNull } from "drizzle-orm";
import type { Principal } from "../../../platform/auth/index.ts";
import type { Db } from "../../../platform/db/index.ts";
import { notFound } from "../../../platform/errors.ts";
import { type Paging, pageWindow } from "../../../platform/http/paging.ts";
import { maskPhone } from "../../../platform/pii/index.ts";
import { membersLivingUnder } from "../../people/index.ts";
import { getNode, nodesByIds } from "../../territory/index.ts";
import { membersWithSkill, skillsOfMembers } from "../talent/service.ts";
import { allowedActions, standingOf } from "./access.ts";
import { statusOf } from "./flow.ts";
import { loadMobilisation, memberIdOf, presentAll } from "./service.ts";
import { mobilisationMembers, mobilisations } from "./tables.ts";

/** The most members a candidate search orders (by distance in memory): a street's worth. */
const CANDIDATE_LIMIT = 3000;

/** Metres between two points (haversine): plenty for "who lives nearest" within a district. */
export function metresBetween(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return Math.round(2 * 6_371_000 * Math.asin(Math.sqrt(h)));
}

/** Members now in an active call-up: not free to be called to another. */
async function busyMembers(db: Db): Promise<Set<string>> {
  const rows = await db
    .selectDistinct({ memberId: mobilisationMembers.memberId })
    .from(mobilisationMembers)
    .innerJoin(mobilisations, eq(mobilisations.id, mobilisationMembers.mobilisationId))
    .where(isNull(mobilisations.dissolvedAt));
  return new Set(rows.map((r) => r.memberId));
}

export interface CandidateFilter extends Paging {
  skill?: string;
  underId?: string;
  available?: boolean;
}

/**
 * GET /engagement/mobilisations/{id}/candidates: the party members living under its node (or a
 * node below it), with their skills from the talent pool and whether another call-up holds them;
 * nearest first when the call-up and their homes have a point, else grid by grid.
 */
export async function listCandidates(db: Db, principal: Principal, id: string, f: CandidateFilter) {
  const { row, standing } = await loadMobilisation(db, principal, id);
  if (!standing.community) throw notFound("mobilisation", id);
  let path = row.territoryPath;
  if (f.underId) {
    const node = await getNode(db, principal, f.underId, "engagement.manage");
    if (!node.path.startsWith(row.territoryPath)) return { items: [], total: 0 };
    path = node.path;
  }
  const [busy, ids, calledRows] = await Promise.all([
    busyMembers(db),
    f.skill ? membersWithSkill(db, f.skill) : Promise.resolve(undefined),
    db
      .select({ memberId: mobilisationMembers.memberId })
      .from(mobilisationMembers)
      .where(eq(mobilisationMembers.mobilisationId, id)),
  ]);
  const called = new Set(calledRows.map((r) => r.memberId));
  const found = await membersLivingUnder(db, path, {
    ids,
    excludeIds: f.available ? [...busy] : undefined,
    limit: CANDIDATE_LIMIT,
  });
  const homes = row.location
    ? new Map(
        (
          await nodesByIds(
            db,
            found.map((m) => m.householdNodeId),
          )
        ).map((n) => [n.id, n]),
      )
    : new Map();
  const withDistance = found.map((m) => {
    const home = homes.get(m.householdNodeId);
    const distance =
      row.location && home?.lat != null && home.lng != null
        ? metresBetween(row.location, { lat: home.lat, lng: home.lng })
        : null;
    return { m, distance };
  });
  // Stable: equal (or unknown) distances keep people's grid-by-grid order.
  if (row.location)
    withDistance.sort((a, b) => (a.distance ?? Number.MAX_VALUE) - (b.distance ?? Number.MAX_VALUE));
  const { limit, offset } = pageWindow(f);
  const page = withDistance.slice(offset, offset + limit);
  const skills = await skillsOfMembers(
    db,
    page.map((p) => p.m.id),
  );
  return {
    items: page.map(({ m, distance }) => ({
      id: m.id,
      name: m.name,
      phone: maskPhone(m.phone),
      category: m.category,
      skills: skills.get(m.id) ?? [],
      busy: busy.has(m.id) && !called.has(m.id),
      called: called.has(m.id),
      distance,
    })),
    total: withDistance.length,
  };
}

/** GET /engagement/mobilisations/{id}: who was called, who reported, when and where. */
export async function getMobilisation(db: Db, principal: Principal, id: string) {
  const { row, standing } = await loadMobilisation(db, principal, id);
  const [item] = await presentAll(db, [row]);
  if (!item) throw notFound("mobilisation", id);
  const staff = standing.community || standing.watcher;
  const rows = staff
    ? await db
        .select()
        .from(mobilisationMembers)
        .where(eq(mobilisationMembers.mobilisationId, id))
        .orderBy(asc(mobilisationMembers.notifiedAt), asc(mobilisationMembers.memberId))
    : [];
  const people = new Map(
    (
      await membersLivingUnder(db, row.territoryPath, {
        ids: rows.map((r) => r.memberId),
        limit: rows.length,
      })
    ).map((m) => [m.id, m]),
  );
  return {
    ...item,
    dissolveNote: row.dissolveNote,
    members: rows.map((r) => ({
      memberId: r.memberId,
      name: people.get(r.memberId)?.name ?? "",
      phone: maskPhone(people.get(r.memberId)?.phone ?? null),
      leader: r.leader === "leader",
      notifiedAt: r.notifiedAt?.toISOString() ?? null,
      reportedAt: r.reportedAt?.toISOString() ?? null,
      reportedLocation: r.reportedLocation ?? null,
      reportedNote: r.reportedNote,
    })),
    allowedActions: allowedActions(standing, statusOf(row)),
  };
}

/** GET /engagement/mobilisations/mine: the call-ups that called me, active first, newest first. */
export async function myMobilisations(db: Db, principal: Principal, f: Paging & { active?: boolean }) {
  const memberId = await memberIdOf(db, principal);
  if (!memberId) return { items: [], total: 0 };
  const where = and(
    eq(mobilisationMembers.memberId, memberId),
    f.active ? isNull(mobilisations.dissolvedAt) : undefined,
  );
  const { limit, offset } = pageWindow(f);
  const rows = await db
    .select({ m: mobilisations, me: mobilisationMembers })
    .from(mobilisationMembers)
    .innerJoin(mobilisations, eq(mobilisations.id, mobilisationMembers.mobilisationId))
    .where(where)
    .orderBy(desc(isNull(mobilisations.dissolvedAt)), desc(mobilisations.raisedAt), asc(mobilisations.id));
  const page = rows.slice(offset, offset + limit);
  const items = await presentAll(
    db,
    page.map((r) => r.m),
  );
  return {
    items: items.map((item, i) => {
      const me = page[i]?.me;
      const standing = standingOf(principal, page[i]?.m.territoryPath ?? "", true);
      const actions = allowedActions(standing, item.status).filter((a) => a === "report" && !me?.reportedAt);
      return {
        ...item,
        leader: me?.leader === "leader",
        notifiedAt: me?.notifiedAt?.toISOString() ?? null,
        reportedAt: me?.reportedAt?.toISOString() ?? null,
        allowedActions: actions,
      };
    }),
    total: rows.length,
  };
}
