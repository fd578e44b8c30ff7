import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api, type ResponseOf } from "../../../common/api.ts";
import type { User } from "../../../common/auth.tsx";
import { grantsOf } from "../../../common/roles.ts";

export type OrgKind = ResponseOf<"/api/v1/org/kinds", "get">["items"][number];

/**
 * The district's kinds of organisation (built in and its own) and their names in the page's
 * language: every page showing a kind reads it from here, never from the locale files.
 */
export function useOrgKinds() {
  const { i18n } = useTranslation();
  const kinds = useQuery({
    queryKey: ["org", "kinds"],
    queryFn: ({ signal }) => api.get("/api/v1/org/kinds", { signal }),
    staleTime: 5 * 60_000,
  });
  const items = kinds.data?.items ?? [];
  const en = i18n.language.startsWith("en");
  const nameOf = (k: OrgKind) => (en ? k.nameEn : k.name);
  const byCode = new Map(items.map((k) => [k.code, k]));
  return {
    query: kinds,
    items,
    /** The kinds a new or edited organisation may take. */
    active: items.filter((k) => k.active),
    label: (code: string) => {
      const k = byCode.get(code);
      return k ? nameOf(k) : "";
    },
    nameOf,
  };
}

/** Kinds are the district's vocabulary: edited by whoever holds org.write at the district node. */
export const isDistrictOrgWriter = (user: User | null | undefined) =>
  !!user?.roles.some((r) => grantsOf("org.write").includes(r.role) && r.nodeLevel === "district");

/** Whether the user may edit organisations at all (somewhere in his scope). */
export const isOrgWriter = (user: User | null | undefined) =>
  !!user?.roles.some((r) => grantsOf("org.write").includes(r.role));
