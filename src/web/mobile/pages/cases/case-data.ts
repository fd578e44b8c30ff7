import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api, type BodyOf, type QueryOf, type ResponseOf } from "../../../common/api.ts";

// The case API as the mobile pages use it: types, query keys, the fetches they share.

export type CaseItem = ResponseOf<"/api/v1/cases", "get">["items"][number];
export type CaseDetail = ResponseOf<"/api/v1/cases/{idOrCode}", "get">;
export type CaseEvent = CaseDetail["events"][number];
export type CaseStatus = CaseItem["status"];
export type CaseAction = CaseDetail["allowedActions"][number];
export type Category = ResponseOf<"/api/v1/cases/categories", "get">[number];
export type Whistle = ResponseOf<"/api/v1/whistles", "get">["items"][number];
export type NewCase = BodyOf<"/api/v1/cases", "post">;
export type TransitionBody = BodyOf<"/api/v1/cases/{idOrCode}/transitions", "post">;
type CaseQuery = NonNullable<QueryOf<"/api/v1/cases", "get">>;

/** Every case query starts with this key, so one invalidation refreshes lists and details alike. */
export const CASES_KEY = ["cases"] as const;
export const WHISTLES_KEY = ["whistles"] as const;

export function useCategories() {
  return useQuery({
    queryKey: [...CASES_KEY, "categories"],
    queryFn: ({ signal }) => api.get("/api/v1/cases/categories", { signal }),
    staleTime: 10 * 60_000,
  });
}

/** A category's name in the reader's language; the list item's Chinese name until the categories load. */
export function useCategoryName(): (code: string, fallback?: string) => string {
  const { i18n } = useTranslation();
  const categories = useCategories().data;
  return (code, fallback) => {
    const found = categories?.find((c) => c.code === code);
    if (!found) return fallback ?? code;
    return i18n.language === "en" && found.nameEn ? found.nameEn : found.name;
  };
}

export function useCase(idOrCode: string) {
  return useQuery({
    queryKey: [...CASES_KEY, "detail", idOrCode],
    queryFn: ({ signal }) => api.get("/api/v1/cases/{idOrCode}", { path: { idOrCode }, signal }),
  });
}

/** Cases in any of several statuses, soonest deadline first (at most 200: an inbox, not an archive). */
export async function casesIn(statuses: CaseStatus[], signal?: AbortSignal): Promise<CaseItem[]> {
  const query: CaseQuery = { status: statuses, sort: "resolveDueAt", pageSize: 200 };
  return (await api.get("/api/v1/cases", { query, signal })).items;
}

/** A step of the flow on one case; lists and the case itself are fetched again afterwards. */
export function useTransition(idOrCode: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TransitionBody) =>
      api.post("/api/v1/cases/{idOrCode}/transitions", body, { path: { idOrCode } }),
    onSettled: () => client.invalidateQueries({ queryKey: CASES_KEY }),
  });
}

/** A department's step on a whistle: 报到 (accept) or reporting back what it did. */
export function useWhistleStep() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      step,
      note,
      photos,
    }: {
      id: string;
      step: "accept" | "report";
      note?: string;
      photos?: string[];
    }) =>
      step === "accept"
        ? api.post("/api/v1/whistles/{id}/accept", {}, { path: { id } })
        : api.post("/api/v1/whistles/{id}/report", { note: note ?? "", photos }, { path: { id } }),
    onSettled: async () => {
      await client.invalidateQueries({ queryKey: WHISTLES_KEY });
      await client.invalidateQueries({ queryKey: CASES_KEY });
    },
  });
}
