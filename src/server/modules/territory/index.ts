import { namedBy } from "../../platform/audit/index.ts";
import { anyImporter } from "../../platform/imports/index.ts";
import type { Module } from "../../platform/module/index.ts";
import { gridTypeRoutes } from "./grid-type-routes.ts";
import { ensureGridTypes } from "./grid-types.ts";
import { gridsImporter } from "./import-grids.ts";
import { gridPolygonsImporter } from "./import-polygons.ts";
import { publicTerritoryRoutes } from "./public-routes.ts";
import { territoryRoutes } from "./routes.ts";
import { gridSheet, nodeSheet } from "./sheets.ts";
import { territoryNodes } from "./tables.ts";

export { type BulkNode, bulkInsertNodes, type InsertedNode } from "./bulk.ts";
export { locate } from "./geo.ts";
export { gridCodePrefix, type Lineage, lineageOf, type NodeRef } from "./lineage.ts";
export {
  areasBelow,
  districtOf,
  type NodeOutline,
  nodeIdsUnder,
  nodesBelow,
  nodesByCodes,
  nodesByRefs,
} from "./lookup.ts";
export { scopedTo } from "./scope.ts";
export {
  getNode,
  gridByCode,
  insertNode,
  listNodes,
  type NewNode,
  nodeByCode,
  nodesByIds,
  type TerritoryNode,
} from "./service.ts";
export { GRID_TYPES, type GridType, TERRITORY_LEVELS, type TerritoryLevel } from "./tables.ts";

export const territoryModule: Module = {
  name: "territory",
  routes: [territoryRoutes, gridTypeRoutes, publicTerritoryRoutes],
  firstData: ensureGridTypes,
  importers: [anyImporter(gridsImporter), anyImporter(gridPolygonsImporter)],
  exporters: [nodeSheet, gridSheet],
  // How the audit log names its entities for people.
  auditNames: {
    territory_node: namedBy(territoryNodes, territoryNodes.id, territoryNodes.name),
    district: namedBy(territoryNodes, territoryNodes.id, territoryNodes.name),
  },
};
