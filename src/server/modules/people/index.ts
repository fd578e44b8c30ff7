export {
  type BulkResident,
  type BulkStaff,
  bulkInsertHouseholds,
  bulkInsertPartyMembers,
  bulkInsertResidents,
  bulkInsertStaff,
} from "./bulk.ts";
export { householdPlace, listHouseholds } from "./directory.ts";
export { peopleRoutes } from "./routes.ts";
export { MEMBER_CATEGORIES, type MemberCategory, STAFF_ROLES, type StaffRole } from "./tables.ts";
