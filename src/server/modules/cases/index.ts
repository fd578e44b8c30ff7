import { sql } from "drizzle-orm";
import { namedBy } from "../../platform/audit/index.ts";
import type { Module } from "../../platform/module/index.ts";
import { assignDepartment } from "./catalog.ts";
import { catalogRoutes } from "./catalog-routes.ts";
import { ensureCaseDefaults } from "./defaults.ts";
import { deviceRoutes } from "./devices/routes.ts";
import { figureRoutes } from "./figures/routes.ts";
import { hotlineRoutes } from "./hotline/routes.ts";
import { defineCaseJobs } from "./jobs.ts";
import { casesRoutes } from "./routes.ts";
import { caseSheet, deviceSheet, whistleSheet } from "./sheets.ts";
import { cases, departments, whistles } from "./tables.ts";
import { caseTodos } from "./todos.ts";

export { type BulkCase, bulkInsertCases } from "./bulk.ts";
export {
  addDepartmentStaff,
  categoryByCode,
  departmentsByIds,
  departmentsOfUser,
  listCategories,
  listDepartments,
} from "./catalog.ts";
export { MINUTE_BUCKETS, quantile } from "./figures/buckets.ts";
export { naiveFigures } from "./figures/naive.ts";
export { chinaDate, dayStart, firstOfNextMonth, nextDay, refreshCaseFigures } from "./figures/refresh.ts";
export {
  type DayRange,
  dayDetails,
  type FigureTotals,
  figuresRefreshedAt,
  figureTrend,
  liveCases,
  nodeFigures,
  nodesFigures,
  nodesTotals,
  openNow,
  TREND_INTERVALS,
  type TrendInterval,
  whistlesNow,
} from "./figures/service.ts";
export { CASE_STATUSES, type CaseStatus, FINISHED_STATUSES, OPEN_STATUSES } from "./flow.ts";
export { type Intake, type Submitted, submitCase } from "./intake/service.ts";
export {
  type CaseForOrder,
  caseForOrder,
  rateCaseForOrder,
  receiveCaseForOrder,
  resolveCaseForOrder,
} from "./orders-link.ts";
export { caseRowByCode, findCaseRows, type PublicCaseFilter } from "./public.ts";
export { SATISFIED_RATING } from "./satisfaction.ts";
export { getCase, listCases } from "./service.ts";
export type { CaseRow, FigureDetail, WhistleFigures } from "./tables.ts";

export const casesModule: Module = {
  name: "cases",
  routes: [casesRoutes, catalogRoutes, hotlineRoutes, deviceRoutes, figureRoutes],
  jobs: defineCaseJobs,
  firstData: ensureCaseDefaults,
  exporters: [caseSheet, whistleSheet, deviceSheet],
  todos: caseTodos,
  hooks: { assignDepartment },
  // How the audit log names its entities for people.
  auditNames: {
    case: namedBy(cases, cases.id, cases.code),
    // A whistle by its case's code.
    whistle: namedBy(
      whistles,
      whistles.id,
      sql<string>`(select ${cases.code} from ${cases} where ${cases.id} = ${whistles.caseId})`,
    ),
    department: namedBy(departments, departments.id, departments.name),
  },
};
