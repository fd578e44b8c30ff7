import { and, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import type { Principal, Role } from "../../platform/auth/index.ts";
import type { Executor } from "../../platform/db/index.ts";
import type { Notice } from "../../platform/notify/index.ts";
import { usersHolding } from "../accounts/index.ts";
import { nodesByIds } from "../territory/index.ts";
import { departmentsByIds, departmentUserIds } from "./catalog.ts";
import { type CaseStatus, type HandlerLevel, LEVEL_OF, OPEN_STATUSES } from "./flow.ts";
import { type CaseRow, cases, whistles } from "./tables.ts";

/**
 * Who holds an open case now (办理中): the level of its status (flow.ts LEVEL_OF) and, by name,
 * the grid, community, street or department. A grid worker's inbox is split on it: the cases he
 * holds (待我办理) and those of his area someone else holds (跟踪中).
 */
export type HolderLevel = Exclude<HandlerLevel, "district">;

/** The roles that hold a case at each territory level (the first one acts for it). */
const HOLDER_ROLES: Record<Exclude<HolderLevel, "department">, readonly Role[]> = {
  grid: ["gridWorker"],
  community: ["communityStaff"],
  street: ["streetStaff", "districtAdmin"],
};

const statusesAt = (level: HolderLevel): CaseStatus[] => OPEN_STATUSES.filter((s) => LEVEL_OF[s] === level);

/** SQL: open cases the caller holds himself (his grid, community, street or department). */
export function heldByCaller(principal: Principal, departmentIds: string[]): SQL {
  const clauses: SQL[] = [];
  for (const level of ["grid", "community", "street"] as const) {
    const paths = principal.roles.filter((r) => HOLDER_ROLES[level].includes(r.role)).map((r) => r.nodePath);
    if (paths.length === 0) continue;
    const under = sql.join(
      paths.map((p) => sql`${cases.territoryPath} like ${`${p}%`}`),
      sql` or `,
    );
    clauses.push(sql`(${inArray(cases.status, statusesAt(level))} and (${under}))`);
  }
  if (departmentIds.length > 0) {
    clauses.push(
      and(inArray(cases.status, statusesAt("department")), inArray(cases.departmentId, departmentIds)) as SQL,
    );
    // A department whistled for the case holds it until it reports back.
    clauses.push(
      sql`exists (select 1 from ${whistles} w where w.case_id = ${cases.id} and w.status in ('pending', 'accepted') and w.department_id in (${sql.join(
        departmentIds.map((d) => sql`${d}::uuid`),
        sql`, `,
      )}))`,
    );
  }
  return clauses.length > 0 ? (or(...clauses) as SQL) : sql`false`;
}

export interface Holder {
  level: HolderLevel;
  name: string | null;
}

type HolderRow = Pick<CaseRow, "status" | "gridId" | "communityId" | "streetId" | "departmentId">;

/** The holder of each open case, by name; null for a case no longer open. */
export async function holdersOf(executor: Executor, rows: HolderRow[]): Promise<Array<Holder | null>> {
  const levels = rows.map((r) => LEVEL_OF[r.status] as HolderLevel | undefined);
  const nodeIds = new Set<string>();
  const departmentIds = new Set<string>();
  rows.forEach((r, i) => {
    const id = nodeOf(r, levels[i]);
    if (id) nodeIds.add(id);
    if (levels[i] === "department" && r.departmentId) departmentIds.add(r.departmentId);
  });
  const [nodes, departments] = await Promise.all([
    nodesByIds(executor, [...nodeIds]),
    departmentsByIds(executor, [...departmentIds]),
  ]);
  return rows.map((r, i) => {
    const level = levels[i];
    if (!level) return null;
    const name =
      level === "department"
        ? (departments.find((d) => d.id === r.departmentId)?.name ?? null)
        : (nodes.find((n) => n.id === nodeOf(r, level))?.name ?? null);
    return { level, name };
  });
}

function nodeOf(r: HolderRow, level: HolderLevel | undefined): string | null {
  if (level === "grid") return r.gridId;
  if (level === "community") return r.communityId;
  if (level === "street") return r.streetId;
  return null;
}

/** The people who hold the case now (its grid's workers, the community, the street or the department). */
export async function holderUserIds(executor: Executor, row: HolderRow & { territoryPath: string }) {
  const level = LEVEL_OF[row.status] as HolderLevel | undefined;
  if (!level) return [];
  if (level === "department") return departmentUserIds(executor, row.departmentId ? [row.departmentId] : []);
  // The first role of the level acts for it (the street's staff, not every district administrator).
  return usersHolding(executor, [HOLDER_ROLES[level][0] as Role], row.territoryPath);
}

/** One in-app notice per person holding the case. */
export async function holderNotices(
  executor: Executor,
  row: HolderRow & { id: string; code: string; territoryPath: string },
  notice: Pick<Notice, "kind" | "title" | "body" | "data">,
): Promise<Notice[]> {
  const users = await holderUserIds(executor, row);
  // Grid workers work on the phone; the other levels and departments mostly at a desk.
  const link = LEVEL_OF[row.status] === "grid" ? `/mobile/cases/${row.code}` : `/admin/cases/${row.code}`;
  return [...new Set(users)].map((userId) => ({
    userId,
    entity: "case",
    entityId: row.id,
    link,
    ...notice,
  }));
}

/** Open whistles of a case (still to accept or report), with their departments' names. */
export async function openWhistles(executor: Executor, caseId: string) {
  const rows = await executor
    .select({ id: whistles.id, departmentId: whistles.departmentId })
    .from(whistles)
    .where(and(eq(whistles.caseId, caseId), inArray(whistles.status, ["pending", "accepted"])));
  const departments = await departmentsByIds(
    executor,
    rows.map((r) => r.departmentId),
  );
  return rows.map((r) => ({
    id: r.id,
    departmentId: r.departmentId,
    name: departments.find((d) => d.id === r.departmentId)?.name ?? "",
  }));
}
