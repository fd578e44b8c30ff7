export {
  type BulkOrg,
  type BulkUnit,
  bulkInsertOrgs,
  bulkInsertPartTimeMembers,
  bulkInsertUnits,
} from "./bulk.ts";
export { orgsByNames, unitsByIds, unitsByRefs } from "./lookup.ts";
export { orgRoutes } from "./routes.ts";
export { visibleOrg } from "./service.ts";
export { ORG_KINDS, type OrgKind, UNIT_KINDS, type UnitKind } from "./tables.ts";
