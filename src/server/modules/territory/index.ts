import { anyImporter } from "../../platform/imports/index.ts";
import type { Module } from "../../platform/module/index.ts";
import { gridsImporter } from "./import-grids.ts";
import { gridPolygonsImporter } from "./import-polygons.ts";
import { territoryRoutes } from "./routes.ts";
import { gridSheet, nodeSheet } from "./sheets.ts";

export { type BulkNode, bulkInsertNodes, type InsertedNode } from "./bulk.ts";
export { locate } from "./geo.ts";
export { gridCodePrefix, type Lineage, lineageOf, type NodeRef } from "./lineage.ts";
export { areasBelow, districtOf, type NodeOutline, nodesBelow, nodesByCodes, nodesByRefs } from "./lookup.ts";
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
  routes: [territoryRoutes],
  importers: [anyImporter(gridsImporter), anyImporter(gridPolygonsImporter)],
  exporters: [nodeSheet, gridSheet],
};
