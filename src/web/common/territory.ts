import type { Feature, FeatureCollection, MultiPolygon, Polygon } from "geojson";
import { api, getJsonAs, type QueryOf, type ResponseOf } from "./api.ts";

export type TerritoryNode = ResponseOf<"/api/v1/territory/nodes", "get">["items"][number];
type Level = TerritoryNode["level"];

/** One node with its polygon and the chain above it (for breadcrumbs). */
export type NodeDetail = ResponseOf<"/api/v1/territory/nodes/{id}", "get"> & {
  geometry: Polygon | MultiPolygon | null;
  ancestors: { id: string; level: Level; code: string; name: string }[];
};

/** The properties of a grid in /territory/grids?format=geojson. */
export interface GridProperties {
  id: string;
  code: string;
  unitCode: string | null;
  name: string;
  type: string | null;
  community: string | null;
  communityCode: string | null;
  communityId: string | null;
}
export type GridFeature = Feature<Polygon | MultiPolygon, GridProperties>;
export type GridCollection = FeatureCollection<Polygon | MultiPolygon, GridProperties>;

export const fetchNode = async (id: string, signal?: AbortSignal): Promise<NodeDetail> =>
  (await api.get("/api/v1/territory/nodes/{id}", { path: { id }, signal })) as NodeDetail;

/** The grids under a node (all of the caller's scope without one), as GeoJSON for the map. */
export function fetchGrids(underId: string | undefined, signal?: AbortSignal): Promise<GridCollection> {
  const query: QueryOf<"/api/v1/territory/grids", "get"> = { format: "geojson", underId };
  return getJsonAs<GridCollection>("/api/v1/territory/grids", "application/geo+json, application/json", {
    query,
    signal,
  });
}

/** A single node's own polygon as a one-feature collection, for the map of one grid. */
export function ownArea(node: NodeDetail): GridCollection | undefined {
  if (!node.geometry) return undefined;
  const community = node.ancestors.find((a) => a.level === "community");
  return {
    type: "FeatureCollection",
    features: [
      {
        type: "Feature",
        geometry: node.geometry,
        properties: {
          id: node.id,
          code: node.code,
          unitCode: node.unitCode,
          name: node.name,
          type: node.gridType,
          community: community?.name ?? null,
          communityCode: community?.code ?? null,
          communityId: community?.id ?? null,
        },
      },
    ],
  };
}
