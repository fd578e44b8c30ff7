export { type BulkCase, bulkInsertCases } from "./bulk.ts";
export { addDepartmentStaff, categoryByCode, departmentsByIds, listCategories } from "./catalog.ts";
export { ensureCaseDefaults } from "./defaults.ts";
export { deviceRoutes } from "./device-routes.ts";
export { figureRoutes } from "./figure-routes.ts";
export { CASE_STATUSES, type CaseStatus, FINISHED_STATUSES, OPEN_STATUSES } from "./flow.ts";
export { hotlineRoutes } from "./hotline-routes.ts";
export { type Intake, type Submitted, submitCase } from "./intake.ts";
export { DEADLINES_JOB, defineCaseJobs, sweepDeadlines } from "./jobs.ts";
export {
  type CaseForOrder,
  caseForOrder,
  rateCaseForOrder,
  receiveCaseForOrder,
  resolveCaseForOrder,
} from "./orders-link.ts";
export { caseRowByCode, findCaseRows, type PublicCaseFilter } from "./public.ts";
export { casesRoutes } from "./routes.ts";
export { getCase, listCases } from "./service.ts";
export type { CaseRow } from "./tables.ts";
