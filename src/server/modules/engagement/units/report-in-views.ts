import { and, asc, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Principal } from "../../../platform/auth/index.ts";
import type { Db, Executor } from "../../../platform/db/index.ts";
import { photoRefs } from "../../../platform/files/index.ts";
import { type Paging, pageWindow } from "../../../platform/http/paging.ts";
import { unitsByIds } from "../../org/index.ts";
import { callerMember } from "../member.ts";
import { type ReportInStatus, reportIns, SIX_ONES, sixOnes } from "../tables.ts";
import { actorsOf, type Viewer, viewerCondition } from "./access.ts";
import { allowedActions } from "./flow.ts";
import { chinaYear, namesOf } from "./names.ts";
import { assertFilters } from "./pairings.ts";
import { placeOf, type ReportInRow } from "./report-ins.ts";

type Names = Awaited<ReturnType<typeof namesOf>>;
type Standing = Viewer & { memberId: string | null };

export const namesOfRows = (executor: Executor, rows: ReportInRow[]) =>
  namesOf(executor, {
    units: rows.map((r) => r.unitId),
    communities: rows.map((r) => r.communityId),
    members: rows.map((r) => r.memberId),
  });

/** A report-in as every list and page shows it, with what the caller may do with it. */
export function presentReportIn(row: ReportInRow, names: Names, standing: Standing) {
  return {
    id: row.id,
    member: names.member(row.memberId),
    unit: names.unit(row.unitId),
    community: names.community(row.communityId),
    year: row.year,
    status: row.status,
    letter: row.letterFileId ? (photoRefs([row.letterFileId])[0] ?? null) : null,
    letterIssuedAt: row.letterIssuedAt?.toISOString() ?? null,
    letterUrl: `/api/v1/engagement/report-ins/${row.id}/letter.pdf`,
    menu: row.menu,
    returnReason: row.returnReason,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    allowedActions: allowedActions(row.status, actorsOf(standing, row)),
  };
}

export interface ReportInFilter extends Paging {
  status?: ReportInStatus[];
  year?: number;
  communityId?: string;
  unitId?: string;
}

/** GET /engagement/report-ins: the community's (scope) or his unit's; pending first, then newest. */
export async function listReportIns(db: Db, viewer: Viewer, f: ReportInFilter) {
  await assertFilters(db, viewer, f);
  const where = and(
    viewerCondition(viewer, reportIns.territoryPath, reportIns.unitId),
    f.status?.length ? inArray(reportIns.status, f.status) : undefined,
    f.year ? eq(reportIns.year, f.year) : undefined,
    f.communityId ? eq(reportIns.communityId, f.communityId) : undefined,
    f.unitId ? eq(reportIns.unitId, f.unitId) : undefined,
  );
  const { limit, offset } = pageWindow(f);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(reportIns)
      .where(where)
      .orderBy(asc(sql`${reportIns.status} <> 'pending'`), desc(reportIns.updatedAt), asc(reportIns.id))
      .limit(limit)
      .offset(offset),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(reportIns)
      .where(where as SQL),
  ]);
  const names = await namesOfRows(db, rows);
  const standing = { ...viewer, memberId: null };
  return { items: rows.map((r) => presentReportIn(r, names, standing)), total: total?.n ?? 0 };
}

/** The 六个一 checklist of a member's year: each item, ticked or not. */
export async function sixOnesOf(executor: Executor, memberId: string, year: number) {
  const done = await executor
    .select()
    .from(sixOnes)
    .where(and(eq(sixOnes.memberId, memberId), eq(sixOnes.year, year)));
  return SIX_ONES.map((item) => {
    const d = done.find((x) => x.item === item);
    return { item, done: Boolean(d), doneOn: d?.doneOn ?? null };
  });
}

/**
 * GET /engagement/me: everything the member's phone page shows in one answer — his unit, the
 * community he reports to and its pairing, this year's report-in, and his 六个一.
 */
export async function myEngagement(db: Db, principal: Principal) {
  const member = await callerMember(db, principal);
  const year = chinaYear();
  const place = await placeOf(db, member);
  const [[unit], [row], checklist] = await Promise.all([
    unitsByIds(db, place.unitId ? [place.unitId] : []),
    db
      .select()
      .from(reportIns)
      .where(and(eq(reportIns.memberId, member.id), eq(reportIns.year, year)))
      // A live one before an older returned one.
      .orderBy(asc(sql`${reportIns.status} = 'returned'`), desc(reportIns.updatedAt))
      .limit(1),
    sixOnesOf(db, member.id, year),
  ]);
  const standing = { principal, unitId: null, memberId: member.id };
  const reportIn = row ? presentReportIn(row, await namesOfRows(db, [row]), standing) : null;
  return {
    year,
    member: { id: member.id, name: member.name },
    unit: unit ? { id: unit.id, name: unit.name } : null,
    community: place.community ? { id: place.community.id, name: place.community.name } : null,
    pairing: place.pairing
      ? {
          id: place.pairing.id,
          startsOn: place.pairing.startsOn,
          endsOn: place.pairing.endsOn,
          commitments: place.pairing.commitments,
        }
      : null,
    // A member already reported in is not blocked by a pairing that ended since.
    blocked: reportIn && reportIn.status !== "returned" ? null : place.blocked,
    reportIn,
    sixOnes: checklist,
  };
}
