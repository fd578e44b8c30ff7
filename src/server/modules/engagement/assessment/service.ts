import { eq } from "drizzle-orm";
import { can, type Principal, scopePaths } from "../../../platform/auth/index.ts";
import type { Db, Executor } from "../../../platform/db/index.ts";
import { AppError, forbidden, notFound } from "../../../platform/errors.ts";
import { type Paging, pageWindow } from "../../../platform/http/paging.ts";
import { unitsByIds } from "../../org/index.ts";
import { membersOfUnit } from "../../people/index.ts";
import { districtOf, getNode, nodesByIds } from "../../territory/index.ts";
import { unitStaff } from "../tables.ts";
import { thisYear } from "../walls/year.ts";
import { memberFigures, pairingsOfYear, yearFigures } from "./figures.ts";
import { PARTS, ranks, scoreAll, WEIGHTS } from "./score.ts";

/** Who looks: staff over their scope (engagement.manage), and/or a unit's staff over his unit. */
interface Viewer {
  paths: string[];
  unitId: string | null;
  district: string;
}

async function viewerOf(executor: Executor, principal: Principal): Promise<Viewer> {
  const paths = scopePaths(principal, "engagement.manage");
  let unitId: string | null = null;
  if (can(principal, "engagement.unit")) {
    const [row] = await executor.select().from(unitStaff).where(eq(unitStaff.userId, principal.userId));
    unitId = row?.unitId ?? null;
    if (!unitId && paths.length === 0) throw new AppError("NO_UNIT", 403);
  }
  if (paths.length === 0 && !unitId) throw forbidden();
  const anyPath = paths[0] ?? principal.roles[0]?.nodePath ?? "";
  return { paths, unitId, district: `/${districtOf(anyPath)}/` };
}

const sees = (v: Viewer, unitId: string, communityPath: string) =>
  v.unitId === unitId || v.paths.some((p) => communityPath.startsWith(p));

export const WEIGHTS_SHOWN = PARTS.map((part) => ({ part, weight: WEIGHTS[part] }));

export interface AssessmentFilter extends Paging {
  year?: number;
  underId?: string;
}

/**
 * GET /engagement/assessment: every unit–community pairing of the year in the district, scored and
 * ranked within its community and across the district; the caller sees the rows of his scope (or
 * his own unit's), with their ranks among all.
 */
export async function assessment(db: Db, principal: Principal, f: AssessmentFilter) {
  const v = await viewerOf(db, principal);
  const year = f.year ?? thisYear();
  const under = f.underId
    ? v.paths.length > 0
      ? (await getNode(db, principal, f.underId, "engagement.manage")).path
      : ((await nodesByIds(db, [f.underId]))[0]?.path ?? "-")
    : "";
  const [pairings, figures] = await Promise.all([
    pairingsOfYear(db, v.district, year),
    yearFigures(db, v.district, year),
  ]);
  const unitIds = [...new Set(pairings.map((p) => p.unitId))];
  const [units, communities] = await Promise.all([
    unitsByIds(db, unitIds),
    nodesByIds(db, [...new Set(pairings.map((p) => p.communityId))]),
  ]);
  const members = new Map<string, Awaited<ReturnType<typeof membersOfUnit>>>();
  for (const id of unitIds) members.set(id, await membersOfUnit(db, id));
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const communityName = new Map(communities.map((c) => [c.id, c.name]));
  const scored = scoreAll(
    pairings.map((p) => {
      const k = figures.key(p.unitId, p.communityId);
      const s = figures.services.get(k) ?? { services: 0, hours: 0, wishes: 0 };
      const card = figures.cards.get(k);
      return {
        unit: { id: p.unitId, name: unitName.get(p.unitId) ?? "" },
        community: { id: p.communityId, name: communityName.get(p.communityId) ?? "" },
        path: p.path,
        members: (members.get(p.unitId) ?? []).filter((m) => m.territoryPath.startsWith(p.path)).length,
        reportedIn: figures.reported.get(k) ?? 0,
        ...s,
        hours: Math.round(s.hours * 10) / 10,
        cards: card?.cards ?? 0,
        averageGrade: card?.points == null ? null : Math.round(card.points * 100) / 100,
      };
    }),
  );
  const inDistrict = ranks(scored);
  const inCommunity = new Map<(typeof scored)[number], number>();
  for (const id of new Set(scored.map((r) => r.community.id)))
    for (const [r, n] of ranks(scored.filter((r) => r.community.id === id))) inCommunity.set(r, n);
  const visible = scored
    .filter((r) => sees(v, r.unit.id, r.path) && r.path.startsWith(under))
    .map((r) => {
      const { path: _path, ...shown } = r;
      return { ...shown, communityRank: inCommunity.get(r) ?? 0, districtRank: inDistrict.get(r) ?? 0 };
    });
  visible.sort((a, b) => a.districtRank - b.districtRank || a.unit.name.localeCompare(b.unit.name));
  const { limit, offset } = pageWindow(f);
  return {
    year,
    weights: WEIGHTS_SHOWN,
    ranked: scored.length,
    total: visible.length,
    items: visible.slice(offset, offset + limit),
  };
}

/** GET /engagement/assessment/units/{unitId}: the unit's members and what each did in the year. */
export async function unitMembers(
  db: Db,
  principal: Principal,
  unitId: string,
  f: Paging & { year?: number },
) {
  const v = await viewerOf(db, principal);
  const year = f.year ?? thisYear();
  const own = v.unitId === unitId;
  const pairings = own ? [] : await pairingsOfYear(db, v.district, year);
  if (!own && !pairings.some((p) => p.unitId === unitId && sees(v, unitId, p.path)))
    throw notFound("unit", unitId);
  const [unit] = await unitsByIds(db, [unitId]);
  if (!unit) throw notFound("unit", unitId);
  // The unit's own staff see all its members; community staff those living in their scope.
  const everyone = await membersOfUnit(db, unitId);
  const members = own ? everyone : everyone.filter((m) => v.paths.some((p) => m.territoryPath.startsWith(p)));
  const [figures, communities] = await Promise.all([
    memberFigures(db, unitId, year),
    nodesByIds(db, [...new Set(members.map((m) => m.territoryPath.split("/")[3] ?? ""))]),
  ]);
  const communityName = new Map(communities.map((c) => [c.id, c.name]));
  const rows = members
    .map((m) => {
      const s = figures.services.get(m.id) ?? { services: 0, hours: 0, wishes: 0 };
      const points = figures.points.get(m.id) ?? null;
      return {
        member: { id: m.id, name: m.name },
        community: communityName.get(m.territoryPath.split("/")[3] ?? "") ?? "",
        reportIn: figures.report.get(m.id) ?? null,
        services: s.services,
        hours: Math.round(s.hours * 10) / 10,
        wishes: s.wishes,
        averageGrade: points === null ? null : Math.round(points * 100) / 100,
      };
    })
    .sort((a, b) => b.services - a.services || b.hours - a.hours || a.member.id.localeCompare(b.member.id));
  const { limit, offset } = pageWindow(f);
  return {
    unit: { id: unit.id, name: unit.name },
    year,
    total: rows.length,
    items: rows.slice(offset, offset + limit),
  };
}
