import { or, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { can, inScope, type Principal, scopePaths } from "../../../platform/auth/index.ts";
import { forbidden } from "../../../platform/errors.ts";
import type { ReportInActor } from "./flow.ts";

/** Who is looking at 双报到 data: the community (a scope) and/or a unit's staff (his unit). */
export interface Viewer {
  principal: Principal;
  /** The unit a unit-staff caller acts for (unit_staff), else null. */
  unitId: string | null;
}

/** Community staff see what lies in their scope; unit staff see their unit's rows; else 403. */
export function viewerCondition(v: Viewer, pathColumn: AnyPgColumn, unitColumn: AnyPgColumn): SQL {
  const manages = can(v.principal, "engagement.manage");
  const unit = can(v.principal, "engagement.unit") && v.unitId;
  if (!manages && !unit) throw forbidden();
  const parts: SQL[] = [];
  if (manages) parts.push(inScope(v.principal, "engagement.manage", pathColumn));
  if (unit) parts.push(sql`${unitColumn} = ${unit}`);
  return or(...parts) as SQL;
}

/** What the caller is with respect to one report-in, from the principal and the row alone. */
export function actorsOf(
  v: Viewer & { memberId: string | null },
  row: { memberId: string; unitId: string; territoryPath: string },
): ReportInActor[] {
  const out: ReportInActor[] = [];
  if (v.memberId === row.memberId) out.push("member");
  if (can(v.principal, "engagement.unit") && v.unitId === row.unitId) out.push("unit");
  if (scopePaths(v.principal, "engagement.manage").some((p) => row.territoryPath.startsWith(p)))
    out.push("community");
  return out;
}
