import { useTranslation } from "react-i18next";
import type { QueryOf, ResponseOf } from "../../../../common/api.ts";

export type MobilisationItem = ResponseOf<"/api/v1/engagement/mobilisations", "get">["items"][number];
export type MobilisationDetail = ResponseOf<"/api/v1/engagement/mobilisations/{id}", "get">;
export type Candidate = ResponseOf<
  "/api/v1/engagement/mobilisations/{id}/candidates",
  "get"
>["items"][number];
export type MobilisationQuery = NonNullable<QueryOf<"/api/v1/engagement/mobilisations", "get">>;

/** Every call-up query starts with this key, so one invalidation refreshes lists and details. */
export const MOBILISATION_KEY = ["engagement", "mobilisations"] as const;

/** The words of this page's namespace by a dotted key ("detail.summary"), with values to fill in. */
export function useWords() {
  const { t } = useTranslation();
  return (key: string, values: Record<string, string | number> = {}): string =>
    t(`engagementMobilisation.${key}` as "engagementMobilisation.title", values);
}
