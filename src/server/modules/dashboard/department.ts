import type { Principal } from "../../platform/auth/index.ts";
import type { Db } from "../../platform/db/index.ts";
import { forbidden } from "../../platform/errors.ts";
import { departmentsByIds, departmentsOfUser, nodeFigures, whistlesNow } from "../cases/index.ts";
import { districtOf } from "../territory/index.ts";
import { lastDay } from "./days.ts";
import { departmentWhistles } from "./measures.ts";
import { rangeOf, type ViewQuery } from "./view.ts";

/**
 * A department's own figures (吹哨报到): the whistles it received in the period, reported back,
 * overdue, its ratings and time to report, and what awaits its report now.
 */
export async function departmentFigures(db: Db, principal: Principal, q: Pick<ViewQuery, "from" | "to">) {
  const range = rangeOf(q);
  const ids = await departmentsOfUser(db, principal.userId);
  const districtPath = principal.roles.find((r) => r.role === "departmentStaff")?.nodePath;
  if (ids.length === 0 || !districtPath) throw forbidden();
  const [departments, figures, now] = await Promise.all([
    departmentsByIds(db, ids),
    nodeFigures(db, districtOf(districtPath), range),
    whistlesNow(db, ids),
  ]);
  return {
    from: range.from,
    to: lastDay(range),
    departments: departments.map((d) => ({
      ...departmentWhistles(d, figures.detail.whistles[d.id]),
      waitingNow: now.get(d.id)?.open ?? 0,
      overdueNow: now.get(d.id)?.overdue ?? 0,
    })),
  };
}
