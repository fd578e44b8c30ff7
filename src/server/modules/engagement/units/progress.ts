import { and, between, count, eq, inArray, sql } from "drizzle-orm";
import { can } from "../../../platform/auth/index.ts";
import type { Db } from "../../../platform/db/index.ts";
import { type Paging, pageWindow } from "../../../platform/http/paging.ts";
import { membersOfUnit } from "../../people/index.ts";
import { reportIns, serviceRecords, sixOnes } from "../tables.ts";
import { type Viewer, viewerCondition } from "./access.ts";
import { chinaYear, namesOf } from "./names.ts";
import { assertFilters } from "./pairings.ts";

export interface ProgressFilter extends Paging {
  year?: number;
  communityId?: string;
  unitId?: string;
}

/**
 * GET /engagement/progress: per member, this year's report-in, his 1+X menu, how many of the
 * 六个一 are done, and his approved service records and hours. Unit staff see every member of
 * their unit (those not reported in too: whom to issue a letter for); the community sees the
 * members who reported in within its scope.
 */
export async function progress(db: Db, viewer: Viewer, f: ProgressFilter) {
  await assertFilters(db, viewer, f);
  const year = f.year ?? chinaYear();
  const ownUnit = !can(viewer.principal, "engagement.manage") ? viewer.unitId : null;
  const scoped = and(
    viewerCondition(viewer, reportIns.territoryPath, reportIns.unitId),
    eq(reportIns.year, year),
    f.communityId ? eq(reportIns.communityId, f.communityId) : undefined,
    f.unitId ? eq(reportIns.unitId, f.unitId) : undefined,
  );
  // One row per member and year: a returned report-in sent again is the same row.
  const rows = await db.select().from(reportIns).where(scoped);
  const memberIds = ownUnit
    ? (await membersOfUnit(db, ownUnit)).map((m) => m.id)
    : [...new Set(rows.map((r) => r.memberId))];
  const names = await namesOf(db, {
    members: memberIds,
    units: [...rows.map((r) => r.unitId), ...(ownUnit ? [ownUnit] : [])],
    communities: rows.map((r) => r.communityId),
  });
  // Not reported in first (someone to follow up), then by name.
  const byMember = new Map(rows.map((r) => [r.memberId, r]));
  const ordered = memberIds.sort(
    (a, b) =>
      Number(byMember.has(a)) - Number(byMember.has(b)) ||
      names.member(a).name.localeCompare(names.member(b).name, "zh-CN"),
  );
  const { limit, offset } = pageWindow(f);
  const page = ordered.slice(offset, offset + limit);
  const [ticks, records] = await Promise.all([
    page.length === 0
      ? []
      : db
          .select({ memberId: sixOnes.memberId, n: count() })
          .from(sixOnes)
          .where(and(inArray(sixOnes.memberId, page), eq(sixOnes.year, year)))
          .groupBy(sixOnes.memberId),
    page.length === 0
      ? []
      : db
          .select({
            memberId: serviceRecords.memberId,
            n: count(),
            hours: sql<string>`coalesce(sum(${serviceRecords.hours}), 0)`,
          })
          .from(serviceRecords)
          .where(
            and(
              inArray(serviceRecords.memberId, page),
              eq(serviceRecords.status, "approved"),
              between(serviceRecords.servedOn, `${year}-01-01`, `${year}-12-31`),
            ),
          )
          .groupBy(serviceRecords.memberId),
  ]);
  return {
    year,
    items: page.map((memberId) => {
      const r = byMember.get(memberId);
      const rec = records.find((x) => x.memberId === memberId);
      return {
        member: names.member(memberId),
        unit: r ? names.unit(r.unitId) : ownUnit ? names.unit(ownUnit) : null,
        community: r ? names.community(r.communityId) : null,
        reportInId: r?.id ?? null,
        status: r?.status ?? null,
        menu: r?.menu ?? [],
        sixOnesDone: ticks.find((x) => x.memberId === memberId)?.n ?? 0,
        records: rec?.n ?? 0,
        hours: Number(rec?.hours ?? 0),
      };
    }),
    total: ordered.length,
  };
}
