export { teamPlace } from "./activities.ts";
export { activityRoutes } from "./activity-routes.ts";
export { type BulkVolunteering, bulkInsertVolunteering } from "./bulk.ts";
export { defineVolunteeringJobs, FINISH_JOB, finishEnded } from "./jobs.ts";
export { type VolunteerProfile, volunteerOf } from "./profiles.ts";
export { volunteeringRoutes } from "./routes.ts";
export { SKILL_CODES, type Skill } from "./skills.ts";
export { volunteeringTotals } from "./stats.ts";
export { SCHEDULE_MODES, type ScheduleMode } from "./tables.ts";
