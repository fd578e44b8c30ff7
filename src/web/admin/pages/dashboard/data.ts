import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api, type QueryOf, type ResponseOf } from "../../../common/api.ts";

export type Overview = ResponseOf<"/api/v1/dashboard/overview", "get">;
export type Areas = ResponseOf<"/api/v1/dashboard/areas", "get">;
export type AreaItem = Areas["items"][number];
export type Trend = ResponseOf<"/api/v1/dashboard/trend", "get">;
export type DepartmentFigures = ResponseOf<"/api/v1/dashboard/department", "get">["departments"][number];
export type ViewQuery = NonNullable<QueryOf<"/api/v1/dashboard/overview", "get">>;
type Period = NonNullable<QueryOf<"/api/v1/dashboard/department", "get">>;

export const DASHBOARD_KEY = ["dashboard"] as const;

// The server refreshes its figures every minute; a desk left open follows them.
const FOLLOW = { placeholderData: keepPreviousData, refetchInterval: 60_000 } as const;

export const useOverview = (query: ViewQuery) =>
  useQuery({
    queryKey: [...DASHBOARD_KEY, "overview", query],
    queryFn: ({ signal }) => api.get("/api/v1/dashboard/overview", { query, signal }),
    ...FOLLOW,
  });

export const useAreas = (query: ViewQuery) =>
  useQuery({
    queryKey: [...DASHBOARD_KEY, "areas", query],
    queryFn: ({ signal }) => api.get("/api/v1/dashboard/areas", { query, signal }),
    ...FOLLOW,
  });

/** By day up to 92 days, by month beyond (the server's choice). */
export const useTrend = (query: ViewQuery) =>
  useQuery({
    queryKey: [...DASHBOARD_KEY, "trend", query],
    queryFn: ({ signal }) => api.get("/api/v1/dashboard/trend", { query, signal }),
    ...FOLLOW,
  });

export const useDepartmentFigures = (query: Period) =>
  useQuery({
    queryKey: [...DASHBOARD_KEY, "department", query],
    queryFn: ({ signal }) => api.get("/api/v1/dashboard/department", { query, signal }),
    ...FOLLOW,
  });

export type LiveCase = ResponseOf<"/api/v1/dashboard/live", "get">["latest"][number];

/** The longest overdue and the newest cases under the area, now (whatever the period). */
export const useLive = (node: string | undefined) =>
  useQuery({
    queryKey: [...DASHBOARD_KEY, "live", node ?? null],
    queryFn: ({ signal }) => api.get("/api/v1/dashboard/live", { query: { node, limit: 8 }, signal }),
    ...FOLLOW,
  });
