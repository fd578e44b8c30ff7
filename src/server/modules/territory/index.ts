export { type BulkNode, bulkInsertNodes, type InsertedNode } from "./bulk.ts";
export { locate } from "./geo.ts";
export { gridCodePrefix, type Lineage, lineageOf, type NodeRef } from "./lineage.ts";
export { territoryRoutes } from "./routes.ts";
export { scopedTo } from "./scope.ts";
export {
  getNode,
  insertNode,
  listNodes,
  type NewNode,
  nodeByCode,
  nodesByIds,
  type TerritoryNode,
} from "./service.ts";
export { GRID_TYPES, type GridType, TERRITORY_LEVELS, type TerritoryLevel } from "./tables.ts";
