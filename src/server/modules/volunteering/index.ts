import { namedBy } from "../../platform/audit/index.ts";
import type { Module } from "../../platform/module/index.ts";
import { maskName } from "../../platform/pii/index.ts";
import { activityRoutes } from "./activity-routes.ts";
import { defineVolunteeringJobs } from "./jobs.ts";
import { volunteeringRoutes } from "./routes.ts";
import { activitySheet, signupSheet, teamSheet, volunteerSheet } from "./sheets.ts";
import { activities, volunteers, volunteerTeams } from "./tables.ts";

export { teamPlace } from "./activities.ts";
export { type BulkVolunteering, bulkInsertVolunteering } from "./bulk.ts";
export { type VolunteerProfile, volunteerOf, volunteersUnder } from "./profiles.ts";
export { SKILL_CODES, type Skill } from "./skills.ts";
export { volunteeringTotals } from "./stats.ts";
export { SCHEDULE_MODES, type ScheduleMode } from "./tables.ts";

export const volunteeringModule: Module = {
  name: "volunteering",
  routes: [volunteeringRoutes, activityRoutes],
  jobs: defineVolunteeringJobs,
  exporters: [volunteerSheet, teamSheet, activitySheet, signupSheet],
  // How the audit log names its entities for people.
  auditNames: {
    volunteer: namedBy(volunteers, volunteers.id, volunteers.name, maskName),
    volunteer_team: namedBy(volunteerTeams, volunteerTeams.id, volunteerTeams.name),
    activity: namedBy(activities, activities.id, activities.title),
  },
};
