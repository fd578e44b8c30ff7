import { and, gte, inArray, isNotNull, lt, or, type SQL, sql } from "drizzle-orm";
import { inScope, type Principal } from "../../platform/auth/index.ts";
import type { Db } from "../../platform/db/index.ts";
import { nodesByIds } from "../territory/index.ts";
import { departmentsByIds, departmentsOfUser } from "./catalog.ts";
import { LOW_RATING } from "./flow.ts";
import { cases } from "./tables.ts";

export const SATISFACTION_UNITS = ["grid", "community", "street", "department"] as const;
export type SatisfactionUnit = (typeof SATISFACTION_UNITS)[number];

/** A rating of at least this counts as satisfied (满意), as 12345 centres count it. */
export const SATISFIED_RATING = 4;

const UNIT_COLUMN = {
  grid: cases.gridId,
  community: cases.communityId,
  street: cases.streetId,
  department: cases.departmentId,
} as const;

export interface SatisfactionFilter {
  by?: SatisfactionUnit;
  from?: string;
  to?: string;
}

/**
 * R7 群众评单 figures per unit, over the cases the caller may see created in [from, to): how many
 * were rated, how many satisfied (≥ 4), the rate, the mean and the low ratings (≤ 2, reopened).
 */
export async function satisfaction(db: Db, principal: Principal, f: SatisfactionFilter) {
  const by = f.by ?? "grid";
  const unit = UNIT_COLUMN[by];
  const departmentIds = await departmentsOfUser(db, principal.userId);
  // The territory scope, or the cases assigned to the caller's departments (not those merely
  // whistled to them: a whistle's response is rated on the whistle, not here).
  const scope = [inScope(principal, "cases.read", cases.territoryPath)];
  if (departmentIds.length > 0) scope.push(inArray(cases.departmentId, departmentIds));
  const conditions: SQL[] = [or(...scope) as SQL, isNotNull(unit)];
  if (f.from) conditions.push(gte(cases.createdAt, new Date(f.from)));
  if (f.to) conditions.push(lt(cases.createdAt, new Date(f.to)));
  const rows = await db
    .select({
      unitId: sql<string>`${unit}`,
      cases: sql<number>`count(*)::int`,
      rated: sql<number>`count(${cases.rating})::int`,
      satisfied: sql<number>`count(*) filter (where ${cases.rating} >= ${SATISFIED_RATING})::int`,
      low: sql<number>`count(*) filter (where ${cases.rating} <= ${LOW_RATING})::int`,
      mean: sql<string | null>`avg(${cases.rating})`,
    })
    .from(cases)
    .where(and(...conditions))
    .groupBy(unit);
  const ids = rows.map((r) => r.unitId);
  const names =
    by === "department"
      ? (await departmentsByIds(db, ids)).map((d) => ({ id: d.id, code: d.code, name: d.name }))
      : (await nodesByIds(db, ids)).map((n) => ({ id: n.id, code: n.code, name: n.name }));
  const items = rows.map((r) => {
    const named = names.find((n) => n.id === r.unitId);
    return {
      id: r.unitId,
      code: named?.code ?? "",
      name: named?.name ?? "",
      cases: r.cases,
      rated: r.rated,
      satisfied: r.satisfied,
      satisfactionRate: r.rated > 0 ? round(r.satisfied / r.rated, 4) : null,
      meanRating: r.mean === null ? null : round(Number(r.mean), 2),
      lowRatings: r.low,
    };
  });
  items.sort((a, b) => a.code.localeCompare(b.code) || a.id.localeCompare(b.id));
  return { by, items };
}

const round = (x: number, digits: number) => Number(x.toFixed(digits));
