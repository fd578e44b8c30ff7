import { useQuery } from "@tanstack/react-query";
import { api, type QueryOf, type ResponseOf } from "../../../common/api.ts";

// The order API as the admin pages use it.

export type OrderQuery = NonNullable<QueryOf<"/api/v1/orders", "get">>;
export type OrderItem = ResponseOf<"/api/v1/orders", "get">["items"][number];
export type OrderDetail = ResponseOf<"/api/v1/orders/{idOrCode}", "get">;
export type OrderStatus = OrderItem["status"];
export type StatsBy = NonNullable<NonNullable<QueryOf<"/api/v1/orders/stats", "get">>["by"]>;

export const ORDER_STATUSES: readonly OrderStatus[] = [
  "open",
  "grabbed",
  "onSite",
  "completed",
  "rated",
  "cancelled",
];
export const ORDERS_KEY = ["orders"] as const;

export function useOrderCategories() {
  return useQuery({
    queryKey: [...ORDERS_KEY, "categories"],
    queryFn: ({ signal }) => api.get("/api/v1/orders/categories", { signal }),
    staleTime: 10 * 60_000,
  });
}
