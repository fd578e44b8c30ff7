import { and, eq, exists, inArray, or, type SQL, sql } from "drizzle-orm";
import { can, inScope, type Principal, type Role } from "../../platform/auth/index.ts";
import type { Executor } from "../../platform/db/index.ts";
import { type Actor, type CaseAction, type CaseStatus, TRANSITIONS } from "./flow.ts";
import { cases, whistles } from "./tables.ts";

/** The staff roles that act for each territory level of the flow. */
const LEVEL_ROLES: Record<Exclude<Actor, "department" | "reporter">, readonly Role[]> = {
  grid: ["gridWorker", "communityStaff"],
  community: ["communityStaff"],
  street: ["streetStaff", "districtAdmin"],
  district: ["districtAdmin"],
};

/** What the caller is with respect to one case; computed once per request. */
export interface Standing {
  userId: string;
  /** Territory roles whose node holds the case. */
  roles: Set<Role>;
  /** The caller works for the department the case is assigned to. */
  handlingDepartment: boolean;
  /** Departments of the caller that were whistled for this case. */
  whistledDepartments: string[];
  reporter: boolean;
}

export interface CaseRef {
  id: string;
  territoryPath: string;
  departmentId: string | null;
  reporterUserId: string | null;
  status: CaseStatus;
}

export async function standingOf(
  executor: Executor,
  principal: Principal,
  departmentIds: string[],
  c: CaseRef,
): Promise<Standing> {
  const roles = new Set(
    principal.roles.filter((r) => c.territoryPath.startsWith(r.nodePath)).map((r) => r.role as Role),
  );
  let whistled: string[] = [];
  if (departmentIds.length > 0) {
    const rows = await executor
      .select({ departmentId: whistles.departmentId })
      .from(whistles)
      .where(and(eq(whistles.caseId, c.id), inArray(whistles.departmentId, departmentIds)));
    whistled = rows.map((r) => r.departmentId);
  }
  return {
    userId: principal.userId,
    roles,
    handlingDepartment: c.departmentId !== null && departmentIds.includes(c.departmentId),
    whistledDepartments: whistled,
    reporter: c.reporterUserId === principal.userId,
  };
}

/** Staff whose scope holds the case, or a department it was assigned or whistled to. */
export function handles(principal: Principal, s: Standing): boolean {
  const staff = principal.roles.some(
    (r) => s.roles.has(r.role) && can({ ...principal, roles: [r] }, "cases.read"),
  );
  return staff || s.handlingDepartment || s.whistledDepartments.length > 0;
}

/** May the caller see the case at all (else it is 404)? */
export function canSee(principal: Principal, s: Standing): boolean {
  return handles(principal, s) || s.reporter;
}

export function actsAs(s: Standing, actor: Actor): boolean {
  if (actor === "reporter") return s.reporter;
  if (actor === "department") return s.handlingDepartment;
  return LEVEL_ROLES[actor].some((r) => s.roles.has(r));
}

/** The actions the caller may take on the case now: the pages draw their buttons from it. */
export function allowedActions(s: Standing, status: CaseStatus): CaseAction[] {
  const out = new Set<CaseAction>();
  for (const t of TRANSITIONS)
    if (t.from.includes(status) && t.by.some((a) => actsAs(s, a))) out.add(t.action);
  return [...out];
}

/** SQL: the cases the caller may list (territory scope, or his departments' cases and whistles). */
export function visibleCases(principal: Principal, departmentIds: string[]): SQL {
  const clauses: SQL[] = [inScope(principal, "cases.read", cases.territoryPath)];
  if (departmentIds.length > 0) {
    clauses.push(inArray(cases.departmentId, departmentIds));
    clauses.push(
      exists(
        sql`(select 1 from ${whistles} w where w.case_id = ${cases.id} and w.department_id in (${sql.join(
          departmentIds.map((d) => sql`${d}::uuid`),
          sql`, `,
        )}))`,
      ),
    );
  }
  return or(...clauses) as SQL;
}
