import { QueryCache, QueryClient } from "@tanstack/react-query";
import { ApiError } from "./api.ts";

export const ME_KEY = ["auth", "me"] as const;

/** One client per app: client errors are not retried, and a 401 anywhere means the session is over. */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        if (error instanceof ApiError && error.status === 401) client.setQueryData(ME_KEY, null);
        // A temporary password: /auth/me says so, and the apps show only the change-password form.
        if (error instanceof ApiError && error.code === "PASSWORD_CHANGE_REQUIRED")
          void client.invalidateQueries({ queryKey: ME_KEY });
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (count, error) =>
          !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      },
    },
  });
  return client;
}
