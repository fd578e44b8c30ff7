import { sql } from "drizzle-orm";
import { namedBy } from "../../platform/audit/index.ts";
import { anyImporter } from "../../platform/imports/index.ts";
import type { Module } from "../../platform/module/index.ts";
import { maskName } from "../../platform/pii/index.ts";
import { accessLogRoutes } from "./access-log/routes.ts";
import { contactCardRoutes } from "./card-routes.ts";
import { partyMembersImporter } from "./imports/members.ts";
import { pairingsImporter } from "./imports/pairings.ts";
import { residentsImporter } from "./imports/residents.ts";
import { staffImporter } from "./imports/staff.ts";
import { partyMembersIn } from "./pairing.ts";
import { pairingRoutes } from "./pairing-routes.ts";
import { peopleRoutes } from "./routes.ts";
import {
  householdSheet,
  partyMemberSheet,
  piiAccessSheet,
  residentSheet,
  revealedResidentSheet,
  staffSheet,
} from "./sheets.ts";
import { partyMembers, residents, staff } from "./tables.ts";

export {
  type BulkResident,
  type BulkStaff,
  bulkInsertHouseholds,
  bulkInsertMemberHouseholds,
  bulkInsertPartyMembers,
  bulkInsertResidents,
  bulkInsertStaff,
} from "./bulk.ts";
export { type Coverage, householdCoverage } from "./coverage.ts";
export { householdPlace, listHouseholds } from "./directory.ts";
export { householdOfResident } from "./identify.ts";
export {
  householdAddresses,
  householdsOfMember,
  MEMBER_PAIRING_KINDS,
  type PairedHousehold,
  pairedHousehold,
  pairingsUnder,
} from "./member-households.ts";
export { type MemberCandidate, membersLivingUnder } from "./member-search.ts";
export { residentIdentities } from "./resident-identities.ts";
export {
  type ResidentRecord,
  residentByPhone,
  residentIdsNamed,
  residentPhones,
  residentsByIds,
} from "./residents-by.ts";
export { householdInScope } from "./scope.ts";
export { MEMBER_CATEGORIES, type MemberCategory, STAFF_ROLES, type StaffRole } from "./tables.ts";
export {
  type MemberRecord,
  memberByPhone,
  memberIdsNamed,
  membersByIds,
  membersOfUnit,
  memberWorkUnitId,
} from "./work-unit.ts";

export const peopleModule: Module = {
  name: "people",
  routes: [peopleRoutes, accessLogRoutes, contactCardRoutes, pairingRoutes],
  importers: [
    anyImporter(residentsImporter),
    anyImporter(partyMembersImporter),
    anyImporter(staffImporter),
    anyImporter(pairingsImporter),
  ],
  hooks: { partyMembersIn },
  exporters: [
    householdSheet,
    residentSheet,
    revealedResidentSheet,
    partyMemberSheet,
    staffSheet,
    piiAccessSheet,
  ],
  // How the audit log names its entities for people.
  auditNames: {
    // Residents and party members by their masked names, as every list shows them.
    resident: namedBy(residents, residents.id, residents.name, maskName),
    party_member: namedBy(
      partyMembers,
      partyMembers.id,
      sql<string>`(select ${residents.name} from ${residents} where ${residents.id} = ${partyMembers.residentId})`,
      maskName,
    ),
    staff: namedBy(staff, staff.id, staff.name),
  },
};
