import type { Module } from "../../platform/module/index.ts";
import { orgRoutes } from "./routes.ts";
import { orgSheet, unitSheet } from "./sheets.ts";

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

export const orgModule: Module = { name: "org", routes: [orgRoutes], exporters: [orgSheet, unitSheet] };
