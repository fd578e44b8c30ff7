import { useQuery } from "@tanstack/react-query";
import { api, type ResponseOf } from "./api.ts";

export type ClientConfig = ResponseOf<"/api/v1/client-config", "get">;

export const CLIENT_CONFIG_KEY = ["client-config"] as const;

/** The deployment's settings for the pages (the optional map tiles): fetched once, never stale. */
export function useClientConfig() {
  return useQuery({
    queryKey: CLIENT_CONFIG_KEY,
    queryFn: ({ signal }) => api.get("/api/v1/client-config", { signal }),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
  });
}
