import { anyImporter } from "../../platform/imports/index.ts";
import type { Module } from "../../platform/module/index.ts";
import { unitsImporter } from "./import-units.ts";
import { ensureOrgKinds } from "./kinds.ts";
import { orgRoutes } from "./routes.ts";
import { orgSheet, unitSheet } from "./sheets.ts";
import { orgWriteRoutes } from "./write-routes.ts";

export {
  type BulkOrg,
  type BulkUnit,
  bulkInsertOrgs,
  bulkInsertPartTimeMembers,
  bulkInsertUnits,
} from "./bulk.ts";
export { orgsByNames, unitsByIds, unitsByRefs } from "./lookup.ts";
export { visibleOrg } from "./service.ts";
export { ORG_KINDS, type OrgKind, UNIT_KINDS, type UnitKind } from "./tables.ts";
export type { PartyMembersIn } from "./write.ts";

export const orgModule: Module = {
  name: "org",
  routes: [orgRoutes, orgWriteRoutes],
  firstData: ensureOrgKinds,
  importers: [anyImporter(unitsImporter)],
  exporters: [orgSheet, unitSheet],
};
