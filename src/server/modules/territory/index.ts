export { territoryRoutes } from "./routes.ts";
export {
  getNode,
  insertNode,
  type NewNode,
  nodeByCode,
  nodesByIds,
  type TerritoryNode,
} from "./service.ts";
export { TERRITORY_LEVELS, type TerritoryLevel } from "./tables.ts";
