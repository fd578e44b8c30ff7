export { territoryRoutes } from "./routes.ts";
export {
  getNode,
  insertNode,
  nodeByCode,
  nodesByIds,
  type NewNode,
  type TerritoryNode,
} from "./service.ts";
export { TERRITORY_LEVELS, type TerritoryLevel } from "./tables.ts";
