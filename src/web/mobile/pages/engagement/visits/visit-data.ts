import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, type ResponseOf } from "../../../../common/api.ts";

// The visit API as the phone pages use it: types, the query key, the one-tap case.

export type MyHousehold = ResponseOf<"/api/v1/engagement/my-households", "get">["items"][number];
export type Visit = ResponseOf<"/api/v1/engagement/visits", "get">["items"][number];

/** Every visit query starts with this key, so one invalidation refreshes the households and histories. */
export const VISITS_KEY = ["engagement", "visits"] as const;

/** 转为事件: the problem goes to the community as a case; the lists are fetched again. */
export function useProblemToCase() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ visitId, index }: { visitId: string; index: number }) =>
      api.post("/api/v1/engagement/visits/{id}/problems/{index}/case", {}, { path: { id: visitId, index } }),
    onSettled: () => client.invalidateQueries({ queryKey: VISITS_KEY }),
  });
}

/**
 * A key the phone makes for one visit, so that sending it twice keeps it once (getRandomValues,
 * unlike randomUUID, works on a page served over plain http inside a government network).
 */
export const newClientKey = () =>
  `v-${Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("")}`;
