import { useQuery } from "@tanstack/react-query";
import { Alert } from "antd";
import type { CSSProperties } from "react";
import { useNavigate } from "react-router-dom";
import { LazyGridMap as GridMap } from "../../../common/grid-map-lazy.tsx";
import { fetchGrids, type NodeDetail } from "../../../common/territory.ts";

const AREA_LEVELS = new Set(["district", "street", "community"]);

/**
 * What to draw for a node: an area's own grids, or, for a grid (or anything inside one), the grids
 * of its community with that grid picked out.
 */
export function mapScope(node: NodeDetail): {
  underId: string | undefined;
  selectedCode: string | undefined;
} {
  if (AREA_LEVELS.has(node.level)) return { underId: node.id, selectedCode: undefined };
  const grid = node.level === "grid" ? node : node.ancestors.find((a) => a.level === "grid");
  const community = node.ancestors.find((a) => a.level === "community");
  return { underId: community?.id ?? node.parentId ?? undefined, selectedCode: grid?.code };
}

/** The grid map of a node's surroundings; a click on a grid opens its page. */
export function AreaMap({ node, height }: { node: NodeDetail; height?: CSSProperties["height"] }) {
  const navigate = useNavigate();
  const { underId, selectedCode } = mapScope(node);
  const grids = useQuery({
    queryKey: ["territory", "grids", underId ?? null],
    queryFn: ({ signal }) => fetchGrids(underId, signal),
    staleTime: 5 * 60_000,
  });
  if (grids.error) return <Alert type="error" showIcon title={grids.error.message} />;
  return (
    <GridMap
      data={grids.data}
      loading={grids.isPending}
      selectedCode={selectedCode}
      height={height}
      onSelect={(grid) => navigate(`/territory/${grid.id}`)}
    />
  );
}
