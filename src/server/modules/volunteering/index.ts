import type { Module } from "../../platform/module/index.ts";
import { activityRoutes } from "./activity-routes.ts";
import { defineVolunteeringJobs } from "./jobs.ts";
import { volunteeringRoutes } from "./routes.ts";
import { activitySheet, signupSheet, teamSheet, volunteerSheet } from "./sheets.ts";

export { teamPlace } from "./activities.ts";
export { type BulkVolunteering, bulkInsertVolunteering } from "./bulk.ts";
export { type VolunteerProfile, volunteerOf } from "./profiles.ts";
export { SKILL_CODES, type Skill } from "./skills.ts";
export { volunteeringTotals } from "./stats.ts";
export { SCHEDULE_MODES, type ScheduleMode } from "./tables.ts";

export const volunteeringModule: Module = {
  name: "volunteering",
  routes: [volunteeringRoutes, activityRoutes],
  jobs: defineVolunteeringJobs,
  exporters: [volunteerSheet, teamSheet, activitySheet, signupSheet],
};
