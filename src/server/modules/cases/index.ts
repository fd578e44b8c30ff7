export { type BulkCase, bulkInsertCases } from "./bulk.ts";
export {
  addDepartmentStaff,
  categoryByCode,
  departmentsByIds,
  departmentsOfUser,
  listCategories,
  listDepartments,
} from "./catalog.ts";
export { ensureCaseDefaults } from "./defaults.ts";
export { deviceRoutes } from "./device-routes.ts";
export { figureRoutes } from "./figure-routes.ts";
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
} from "./figures.ts";
export { MINUTE_BUCKETS, quantile } from "./figures-buckets.ts";
export { naiveFigures } from "./figures-naive.ts";
export { chinaDate, dayStart, firstOfNextMonth, nextDay, refreshCaseFigures } from "./figures-refresh.ts";
export { CASE_STATUSES, type CaseStatus, FINISHED_STATUSES, OPEN_STATUSES } from "./flow.ts";
export { hotlineRoutes } from "./hotline-routes.ts";
export { type Intake, type Submitted, submitCase } from "./intake.ts";
export { DEADLINES_JOB, defineCaseJobs, FIGURES_JOB, sweepDeadlines } from "./jobs.ts";
export {
  type CaseForOrder,
  caseForOrder,
  rateCaseForOrder,
  receiveCaseForOrder,
  resolveCaseForOrder,
} from "./orders-link.ts";
export { caseRowByCode, findCaseRows, type PublicCaseFilter } from "./public.ts";
export { casesRoutes } from "./routes.ts";
export { SATISFIED_RATING } from "./satisfaction.ts";
export { getCase, listCases } from "./service.ts";
export type { CaseRow, FigureDetail, WhistleFigures } from "./tables.ts";
