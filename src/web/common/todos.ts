import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api, type ResponseOf } from "./api.ts";

export type Todo = ResponseOf<"/api/v1/me/todos", "get">["items"][number];

export const TODOS_KEY = ["me", "todos"] as const;

/** A minute: what waits changes as others work, and the home shows it without a reload. */
const EVERY_MINUTE = 60_000;

/** What waits for the signed-in user (GET /me/todos), fresh every minute and whenever he comes back to the page. */
export function useTodos() {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: [...TODOS_KEY, i18n.language],
    queryFn: ({ signal }) => api.get("/api/v1/me/todos", { signal }),
    refetchInterval: EVERY_MINUTE,
    refetchOnWindowFocus: "always",
    staleTime: 0,
  });
}
