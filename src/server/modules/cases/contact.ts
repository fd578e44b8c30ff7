import type { Standing } from "./access.ts";
import { type CaseStatus, LEVEL_OF } from "./flow.ts";

/**
 * 办理联系: the one who holds a case now reaches its reporter — his grid's worker while it is in
 * the grid, the community's staff while it is theirs (and for the callback after it is resolved),
 * the street's while it is under review, the department it is assigned to, or a department whistled
 * for it until it reports back. Everyone else sees the reporter masked.
 */
export function holdsForContact(s: Standing, status: CaseStatus, openWhistleDepartments: string[]): boolean {
  if (s.whistledDepartments.some((d) => openWhistleDepartments.includes(d))) return true;
  const level = status === "resolved" ? "community" : LEVEL_OF[status];
  if (level === "grid") return s.roles.has("gridWorker");
  if (level === "community") return s.roles.has("communityStaff");
  if (level === "street") return s.roles.has("streetStaff") || s.roles.has("districtAdmin");
  if (level === "department") return s.handlingDepartment;
  return false;
}
