import {
  keepPreviousData,
  queryOptions,
  type UseQueryResult,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { useEffect } from "react";
import { api, type QueryOf, type ResponseOf } from "../common/api.ts";

// The four dashboard calls of the screen: figures, areas and trend every minute, the live list
// every 10 s. Each keeps showing the previous answer while the next one (a drill-down) loads.

export type Overview = ResponseOf<"/api/v1/dashboard/overview", "get">;
export type Areas = ResponseOf<"/api/v1/dashboard/areas", "get">;
export type Area = Areas["items"][number];
export type NodeRef = Overview["node"];
export type Trend = ResponseOf<"/api/v1/dashboard/trend", "get">;
export type Live = ResponseOf<"/api/v1/dashboard/live", "get">;
export type LiveCase = Live["latest"][number];
export type ViewQuery = NonNullable<QueryOf<"/api/v1/dashboard/overview", "get">>;

const MINUTE = 60_000;
const LIVE_EVERY = 10_000;
/** Enough rows for the ticker to scroll through. */
const LIVE_LIMIT = 12;

const overviewQuery = (query: ViewQuery) =>
  queryOptions({
    queryKey: ["dashboard", "overview", query],
    queryFn: ({ signal }) => api.get("/api/v1/dashboard/overview", { query, signal }),
  });

const areasQuery = (query: ViewQuery) =>
  queryOptions({
    queryKey: ["dashboard", "areas", query],
    queryFn: ({ signal }) => api.get("/api/v1/dashboard/areas", { query, signal }),
  });

export function useOverview(query: ViewQuery) {
  return useQuery({ ...overviewQuery(query), placeholderData: keepPreviousData, refetchInterval: MINUTE });
}

export function useAreas(query: ViewQuery) {
  return useQuery({ ...areasQuery(query), placeholderData: keepPreviousData, refetchInterval: MINUTE });
}

export function useTrend(query: ViewQuery) {
  return useQuery({
    queryKey: ["dashboard", "trend", query],
    queryFn: ({ signal }) => api.get("/api/v1/dashboard/trend", { query, signal }),
    placeholderData: keepPreviousData,
    refetchInterval: MINUTE,
  });
}

export function useLive(node: string | undefined) {
  const query = { node, limit: LIVE_LIMIT };
  return useQuery({
    queryKey: ["dashboard", "live", query],
    queryFn: ({ signal }) => api.get("/api/v1/dashboard/live", { query, signal }),
    placeholderData: keepPreviousData,
    refetchInterval: LIVE_EVERY,
  });
}

/**
 * The figures and map of each area on the map, fetched ahead so that a click draws the area at once
 * instead of waiting for the server: once the screen's own calls are done (`busy` false), one area
 * at a time, so that they never hold up what the reader is waiting for; again at each refresh of
 * the map, so that they stay at hand on a screen left on.
 */
export function usePrefetchAreas(areas: UseQueryResult<Areas>, query: ViewQuery, busy: boolean) {
  const client = useQueryClient();
  const shown = busy || areas.isPlaceholderData ? undefined : areas.data;
  // biome-ignore lint/correctness/useExhaustiveDependencies: each refresh (dataUpdatedAt) fetches again.
  useEffect(() => {
    let stopped = false;
    const below = shown?.items.filter((a) => a.id !== shown.node.id) ?? [];
    void (async () => {
      for (const area of below) {
        if (stopped) return;
        const next = { ...query, node: area.id };
        // Fetched again only when older than the map's own refresh.
        await Promise.all([
          client.prefetchQuery({ ...overviewQuery(next), staleTime: MINUTE }),
          client.prefetchQuery({ ...areasQuery(next), staleTime: MINUTE }),
        ]);
      }
    })();
    return () => {
      stopped = true;
    };
  }, [shown, query, client, areas.dataUpdatedAt]);
}
