export { type VolunteerProfile, volunteerOf } from "./profiles.ts";
