import { anyImporter } from "../../platform/imports/index.ts";
import type { Module } from "../../platform/module/index.ts";
import { accessLogRoutes } from "./access-log/routes.ts";
import { contactCardRoutes } from "./card-routes.ts";
import { partyMembersImporter } from "./imports/members.ts";
import { residentsImporter } from "./imports/residents.ts";
import { staffImporter } from "./imports/staff.ts";
import { peopleRoutes } from "./routes.ts";
import {
  householdSheet,
  partyMemberSheet,
  piiAccessSheet,
  residentSheet,
  revealedResidentSheet,
  staffSheet,
} from "./sheets.ts";

export {
  type BulkResident,
  type BulkStaff,
  bulkInsertHouseholds,
  bulkInsertPartyMembers,
  bulkInsertResidents,
  bulkInsertStaff,
} from "./bulk.ts";
export { type Coverage, householdCoverage } from "./coverage.ts";
export { householdPlace, listHouseholds } from "./directory.ts";
export { householdInScope } from "./scope.ts";
export { MEMBER_CATEGORIES, type MemberCategory, STAFF_ROLES, type StaffRole } from "./tables.ts";
export { memberWorkUnitId } from "./work-unit.ts";

export const peopleModule: Module = {
  name: "people",
  routes: [peopleRoutes, accessLogRoutes, contactCardRoutes],
  importers: [anyImporter(residentsImporter), anyImporter(partyMembersImporter), anyImporter(staffImporter)],
  exporters: [
    householdSheet,
    residentSheet,
    revealedResidentSheet,
    partyMemberSheet,
    staffSheet,
    piiAccessSheet,
  ],
};
