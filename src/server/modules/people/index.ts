import { registerImporter } from "../../platform/imports/index.ts";
import { partyMembersImporter } from "./import-members.ts";
import { residentsImporter } from "./import-residents.ts";
import { staffImporter } from "./import-staff.ts";

export { accessLogRoutes } from "./access-log-routes.ts";
export {
  type BulkResident,
  type BulkStaff,
  bulkInsertHouseholds,
  bulkInsertPartyMembers,
  bulkInsertResidents,
  bulkInsertStaff,
} from "./bulk.ts";
export { contactCardRoutes } from "./card-routes.ts";
export { type Coverage, householdCoverage } from "./coverage.ts";
export { householdPlace, listHouseholds } from "./directory.ts";
export { peopleRoutes } from "./routes.ts";
export { householdInScope } from "./scope.ts";
export { MEMBER_CATEGORIES, type MemberCategory, STAFF_ROLES, type StaffRole } from "./tables.ts";
export { memberWorkUnitId } from "./work-unit.ts";

// Spreadsheet imports (platform/imports): registered here, reached by kind through the import routes.
registerImporter(residentsImporter);
registerImporter(partyMembersImporter);
registerImporter(staffImporter);
