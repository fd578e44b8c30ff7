import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "./api.ts";
import { gridTypeLabel } from "./labels.ts";

export const GRID_TYPES_KEY = ["territory", "gridTypes"];

/**
 * A grid type's name from the district's list (GET /territory/grid-types, deactivated ones too,
 * since grids keep theirs), in the reader's language; the built-in words while the list loads.
 */
export function useGridTypeLabel(): (code: string | null) => string | null {
  const { t, i18n } = useTranslation();
  const query = { all: true };
  const list = useQuery({
    queryKey: [...GRID_TYPES_KEY, query],
    queryFn: ({ signal }) => api.get("/api/v1/territory/grid-types", { query, signal }),
    staleTime: 60_000,
  });
  return (code) => {
    const found = code ? list.data?.find((g) => g.code === code) : undefined;
    if (!found) return gridTypeLabel(t, code);
    return i18n.language.startsWith("en") ? found.nameEn || found.name : found.name;
  };
}
