import { keepPreviousData, useQuery } from "@tanstack/react-query";
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

export function useOverview(query: ViewQuery) {
  return useQuery({
    queryKey: ["dashboard", "overview", query],
    queryFn: ({ signal }) => api.get("/api/v1/dashboard/overview", { query, signal }),
    placeholderData: keepPreviousData,
    refetchInterval: MINUTE,
  });
}

export function useAreas(query: ViewQuery) {
  return useQuery({
    queryKey: ["dashboard", "areas", query],
    queryFn: ({ signal }) => api.get("/api/v1/dashboard/areas", { query, signal }),
    placeholderData: keepPreviousData,
    refetchInterval: MINUTE,
  });
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
