import type { Principal, Role } from "../../platform/auth/index.ts";
import type { Db } from "../../platform/db/index.ts";
import type { Todo, TodoKind } from "../../platform/module/index.ts";
import { departmentsOfUser } from "./catalog.ts";
import type { CaseStatus } from "./flow.ts";
import { type CaseFilter, countCases, countMyCases } from "./service.ts";
import { countWhistles } from "./whistles.ts";

type Filter = Pick<CaseFilter, "status" | "dueSoon">;

/**
 * The case work of each role, in the order of the flow (网格收单 → 社区分单 → 街道审单 → 部门领单 →
 * 群众评单): the list filter that shows it, and the roles it waits for. The count is the admin list's
 * total for the same filter (countCases shares its conditions), so the number and the list agree.
 */
const CASE_TODOS: ReadonlyArray<{ kind: TodoKind; filter: Filter; query: string; roles: readonly Role[] }> = [
  {
    kind: "cases.receive",
    filter: { status: ["new"] },
    query: "status=new",
    roles: ["gridWorker", "communityStaff"],
  },
  {
    kind: "cases.dispatch",
    filter: { status: ["communityDispatch"] },
    query: "status=communityDispatch",
    roles: ["communityStaff"],
  },
  {
    kind: "cases.review",
    filter: { status: ["streetReview"] },
    query: "status=streetReview",
    roles: ["streetStaff", "districtAdmin"],
  },
  {
    kind: "cases.claim",
    filter: { status: ["departmentClaim"] },
    query: "status=departmentClaim",
    roles: ["departmentStaff"],
  },
  {
    kind: "cases.dueSoon",
    filter: { dueSoon: true },
    query: "dueSoon=1",
    roles: ["gridWorker", "communityStaff", "streetStaff", "districtAdmin", "departmentStaff"],
  },
  {
    kind: "cases.followUp",
    filter: { status: ["resolved"] },
    query: "status=resolved",
    roles: ["communityStaff"],
  },
];

/** Who answers whistles (his department) or waits for departments to report in (his scope). */
const WHISTLE_ROLES: readonly Role[] = ["departmentStaff", "communityStaff", "streetStaff"];

/** The back office's roles: their own requests wait on the phone, not on their desk's list. */
const STAFF: readonly Role[] = [
  "districtAdmin",
  "streetStaff",
  "communityStaff",
  "gridWorker",
  "departmentStaff",
];

const RESOLVED: CaseStatus[] = ["resolved"];

export async function caseTodos(db: Db, principal: Principal): Promise<Todo[]> {
  const holds = (roles: readonly Role[]) => principal.roles.some((r) => roles.includes(r.role));
  const kinds = CASE_TODOS.filter((t) => holds(t.roles));
  const departmentIds = kinds.length > 0 ? await departmentsOfUser(db, principal.userId) : [];
  const work = kinds.map(async (t) => ({
    kind: t.kind,
    count: await countCases(db, principal, t.filter, departmentIds),
    link: `/admin/cases?${t.query}`,
  }));
  const whistles = holds(WHISTLE_ROLES)
    ? [
        countWhistles(db, principal, "pending").then((count) => ({
          kind: "whistles.pending" as const,
          count,
          link: "/admin/whistles?status=pending",
        })),
      ]
    : [];
  // 群众评单: a resident's (or member's, or anyone's) own resolved requests wait for his rating.
  const mine = holds(STAFF)
    ? []
    : [
        countMyCases(db, principal, RESOLVED).then((count) => ({
          kind: "cases.rateMine" as const,
          count,
          link: "/mobile/cases/mine?status=resolved",
        })),
      ];
  return Promise.all([...work, ...whistles, ...mine]);
}
