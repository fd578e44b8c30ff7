import { namedBy } from "../../platform/audit/index.ts";
import type { Module } from "../../platform/module/index.ts";
import { defineDashboardJobs } from "./reports/jobs.ts";
import { reportRoutes } from "./reports/routes.ts";
import { dashboardRoutes } from "./routes.ts";
import { reports } from "./tables.ts";

export const dashboardModule: Module = {
  name: "dashboard",
  routes: [dashboardRoutes, reportRoutes],
  jobs: defineDashboardJobs,
  // How the audit log names its entities for people.
  auditNames: { report: namedBy(reports, reports.id, reports.subjectName) },
};
