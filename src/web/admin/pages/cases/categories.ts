import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../../common/api.ts";

/** The case categories, for filters, forms and the figures by category; they change seldom. */
export const categoriesQuery = queryOptions({
  queryKey: ["cases", "categories"],
  queryFn: ({ signal }) => api.get("/api/v1/cases/categories", { signal }),
  staleTime: 10 * 60_000,
});

export const useCategories = () => useQuery(categoriesQuery);
