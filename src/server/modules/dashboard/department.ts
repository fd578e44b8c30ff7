import type { Principal } from "../../platform/auth/index.ts";
import type { Db } from "../../platform/db/index.ts";
import { forbidden } from "../../platform/errors.ts";
import { departmentsByIds, departmentsOfUser, nodeFigures, quantile, whistlesNow } from "../cases/index.ts";
import { districtOf } from "../territory/index.ts";
import { mean } from "./overview.ts";
import { lastDay, rangeOf, type ViewQuery } from "./view.ts";

/**
 * A department's own figures (吹哨报到): the whistles it received in the period, reported back,
 * overdue, its ratings and time to report, and what awaits its report now.
 */
export async function departmentFigures(db: Db, principal: Principal, q: Pick<ViewQuery, "from" | "to">) {
  const range = rangeOf(q);
  const ids = await departmentsOfUser(db, principal.userId);
  const districtPath = principal.roles.find((r) => r.role === "departmentStaff")?.nodePath;
  if (ids.length === 0 || !districtPath) throw forbidden("These figures are for a department's staff");
  const [departments, figures, now] = await Promise.all([
    departmentsByIds(db, ids),
    nodeFigures(db, districtOf(districtPath), range),
    whistlesNow(db, ids),
  ]);
  return {
    from: range.from,
    to: lastDay(range),
    departments: departments.map((d) => {
      const w = figures.detail.whistles[d.id];
      return {
        id: d.id,
        code: d.code,
        name: d.name,
        whistles: w?.n ?? 0,
        reported: w?.reported ?? 0,
        overdue: w?.overdue ?? 0,
        rated: w?.score.reduce((a, b) => a + b, 0) ?? 0,
        meanScore: w ? mean(w.score) : null,
        scores: w?.score ?? [0, 0, 0, 0, 0],
        responseMinutes: {
          median: w ? quantile(w.response, 0.5) : null,
          p90: w ? quantile(w.response, 0.9) : null,
        },
        waitingNow: now.get(d.id)?.open ?? 0,
        overdueNow: now.get(d.id)?.overdue ?? 0,
      };
    }),
  };
}
