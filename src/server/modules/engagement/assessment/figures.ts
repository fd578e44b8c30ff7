import { and, eq, gte, isNotNull, isNull, lte, or, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Executor } from "../../../platform/db/index.ts";
import { feedbackCards, reportIns, serviceRecords, unitPairings } from "../tables.ts";
import { GRADE_POINTS } from "./score.ts";

/**
 * The year's raw figures of a district's paired units, one query per table: report-ins approved,
 * services approved (and wishes among them), and feedback card grades, each per unit and community.
 */
const key = (unitId: string | null, communityId: string) => `${unitId}|${communityId}`;
const yearDays = (year: number) => ({ from: `${year}-01-01`, to: `${year}-12-31` });

/** The pairings live at some time in the year within the district (a unit and a community once each). */
export async function pairingsOfYear(executor: Executor, districtPath: string, year: number) {
  const { from, to } = yearDays(year);
  const rows = await executor
    .selectDistinct({
      unitId: unitPairings.unitId,
      communityId: unitPairings.communityId,
      path: unitPairings.territoryPath,
    })
    .from(unitPairings)
    .where(
      and(
        sql`${unitPairings.territoryPath} like ${`${districtPath}%`}`,
        lte(unitPairings.startsOn, to),
        gte(unitPairings.endsOn, from),
        or(isNull(unitPairings.endedAt), sql`${unitPairings.endedAt} >= ${`${from}T00:00:00+08:00`}`),
      ),
    );
  return rows;
}

/** The average of the cards' grades as points (GRADE_POINTS). */
const averagePoints = sql<number | null>`avg(case ${feedbackCards.grade} ${sql.join(
  Object.entries(GRADE_POINTS).map(([grade, points]) => sql`when ${grade} then ${points}::int`),
  sql` `,
)} end)::float8`;

/** The community of a path (its fourth segment): /district/street/community/… */
const communityOf = (column: AnyPgColumn) => sql<string>`split_part(${column}, '/', 4)`;

export async function yearFigures(executor: Executor, districtPath: string, year: number) {
  const { from, to } = yearDays(year);
  const inDistrict = (column: AnyPgColumn) => sql`${column} like ${`${districtPath}%`}`;
  const [reported, services, cards] = await Promise.all([
    executor
      .select({ unitId: reportIns.unitId, communityId: reportIns.communityId, n: sql<number>`count(*)::int` })
      .from(reportIns)
      .where(
        and(inDistrict(reportIns.territoryPath), eq(reportIns.year, year), eq(reportIns.status, "approved")),
      )
      .groupBy(reportIns.unitId, reportIns.communityId),
    executor
      .select({
        unitId: serviceRecords.unitId,
        communityId: communityOf(serviceRecords.territoryPath),
        services: sql<number>`count(*)::int`,
        hours: sql<number>`coalesce(sum(${serviceRecords.hours}), 0)::float8`,
        wishes: sql<number>`(count(*) filter (where ${serviceRecords.kind} = 'wish'))::int`,
      })
      .from(serviceRecords)
      .where(
        and(
          inDistrict(serviceRecords.territoryPath),
          isNotNull(serviceRecords.unitId),
          eq(serviceRecords.status, "approved"),
          sql`${serviceRecords.servedOn} between ${from} and ${to}`,
        ),
      )
      .groupBy(serviceRecords.unitId, communityOf(serviceRecords.territoryPath)),
    executor
      .select({
        unitId: feedbackCards.unitId,
        communityId: communityOf(feedbackCards.territoryPath),
        cards: sql<number>`count(*)::int`,
        points: averagePoints,
      })
      .from(feedbackCards)
      .where(and(inDistrict(feedbackCards.territoryPath), eq(feedbackCards.year, year)))
      .groupBy(feedbackCards.unitId, communityOf(feedbackCards.territoryPath)),
  ]);
  return {
    reported: new Map(reported.map((r) => [key(r.unitId, r.communityId), r.n])),
    services: new Map(
      services.map((r) => [
        key(r.unitId, r.communityId),
        { services: r.services, hours: Number(r.hours), wishes: r.wishes },
      ]),
    ),
    cards: new Map(
      cards.map((r) => [
        key(r.unitId, r.communityId),
        { cards: r.cards, points: r.points === null ? null : Number(r.points) },
      ]),
    ),
    key,
  };
}

/** Per member of a unit: his report-in status, approved services, hours, wishes and card points of the year. */
export async function memberFigures(executor: Executor, unitId: string, year: number) {
  const { from, to } = yearDays(year);
  const [reports, services, cards] = await Promise.all([
    executor
      .select({ memberId: reportIns.memberId, status: reportIns.status })
      .from(reportIns)
      .where(
        and(eq(reportIns.unitId, unitId), eq(reportIns.year, year), sql`${reportIns.status} <> 'returned'`),
      ),
    executor
      .select({
        memberId: serviceRecords.memberId,
        services: sql<number>`count(*)::int`,
        hours: sql<number>`coalesce(sum(${serviceRecords.hours}), 0)::float8`,
        wishes: sql<number>`(count(*) filter (where ${serviceRecords.kind} = 'wish'))::int`,
      })
      .from(serviceRecords)
      .where(
        and(
          eq(serviceRecords.unitId, unitId),
          eq(serviceRecords.status, "approved"),
          sql`${serviceRecords.servedOn} between ${from} and ${to}`,
        ),
      )
      .groupBy(serviceRecords.memberId),
    executor
      .select({
        memberId: feedbackCards.memberId,
        points: averagePoints,
      })
      .from(feedbackCards)
      .where(and(eq(feedbackCards.unitId, unitId), eq(feedbackCards.year, year)))
      .groupBy(feedbackCards.memberId),
  ]);
  return {
    report: new Map(reports.map((r) => [r.memberId, r.status])),
    services: new Map(
      services.map((r) => [r.memberId, { services: r.services, hours: Number(r.hours), wishes: r.wishes }]),
    ),
    points: new Map(cards.map((r) => [r.memberId, r.points === null ? null : Number(r.points)])),
  };
}
