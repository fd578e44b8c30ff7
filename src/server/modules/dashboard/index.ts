export { DUE_REPORTS_JOB, defineDashboardJobs, REPORT_JOB } from "./jobs.ts";
export { reportRoutes } from "./report-routes.ts";
export { dashboardRoutes } from "./routes.ts";
