import type { Module } from "../../platform/module/index.ts";
import { defineDashboardJobs } from "./reports/jobs.ts";
import { reportRoutes } from "./reports/routes.ts";
import { dashboardRoutes } from "./routes.ts";

export const dashboardModule: Module = {
  name: "dashboard",
  routes: [dashboardRoutes, reportRoutes],
  jobs: defineDashboardJobs,
};
