import { keepPreviousData, type QueryClient, queryOptions, useQuery } from "@tanstack/react-query";
import { api, type QueryOf, type ResponseOf } from "../../../common/api.ts";
import type { User } from "../../../common/auth.tsx";
import { categoriesQuery } from "../cases/categories.ts";
import { hasDashboard } from "./access.ts";

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

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** A day of the address (?from=, ?to=), if it is one. */
export const dayOf = (value: string | undefined) => (value && DAY.test(value) ? value : undefined);

/** The area and period of the address (?node=&from=&to=). */
export const viewQueryOf = (filters: { node?: string; from?: string; to?: string }): ViewQuery => ({
  node: filters.node || undefined,
  from: dayOf(filters.from),
  to: dayOf(filters.to),
});

const overviewQuery = (query: ViewQuery) =>
  queryOptions({
    queryKey: [...DASHBOARD_KEY, "overview", query],
    queryFn: ({ signal }) => api.get("/api/v1/dashboard/overview", { query, signal }),
  });

const areasQuery = (query: ViewQuery) =>
  queryOptions({
    queryKey: [...DASHBOARD_KEY, "areas", query],
    queryFn: ({ signal }) => api.get("/api/v1/dashboard/areas", { query, signal }),
  });

const trendQuery = (query: ViewQuery) =>
  queryOptions({
    queryKey: [...DASHBOARD_KEY, "trend", query],
    queryFn: ({ signal }) => api.get("/api/v1/dashboard/trend", { query, signal }),
  });

const liveQuery = (node: string | undefined) =>
  queryOptions({
    queryKey: [...DASHBOARD_KEY, "live", node ?? null],
    queryFn: ({ signal }) => api.get("/api/v1/dashboard/live", { query: { node, limit: 8 }, signal }),
  });

export const useOverview = (query: ViewQuery) => useQuery({ ...overviewQuery(query), ...FOLLOW });

export const useAreas = (query: ViewQuery) => useQuery({ ...areasQuery(query), ...FOLLOW });

/** By day up to 92 days, by month beyond (the server's choice). */
export const useTrend = (query: ViewQuery) => useQuery({ ...trendQuery(query), ...FOLLOW });

export const useDepartmentFigures = (query: Period) =>
  useQuery({
    queryKey: [...DASHBOARD_KEY, "department", query],
    queryFn: ({ signal }) => api.get("/api/v1/dashboard/department", { query, signal }),
    ...FOLLOW,
  });

export type LiveCase = ResponseOf<"/api/v1/dashboard/live", "get">["latest"][number];

/** The longest overdue and the newest cases under the area, now (whatever the period). */
export const useLive = (node: string | undefined) => useQuery({ ...liveQuery(node), ...FOLLOW });

/**
 * The figures of the home page (工作台), asked for as soon as the user is known: beside the page's
 * own download rather than after it.
 */
export function prefetchHome(client: QueryClient, user: User, search: URLSearchParams): void {
  if (!hasDashboard(user)) return;
  const query = viewQueryOf(Object.fromEntries(search));
  void client.prefetchQuery(overviewQuery(query));
  void client.prefetchQuery(areasQuery(query));
  void client.prefetchQuery(trendQuery(query));
  void client.prefetchQuery(liveQuery(query.node));
  void client.prefetchQuery(categoriesQuery);
}
