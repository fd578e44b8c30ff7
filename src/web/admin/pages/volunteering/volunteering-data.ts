import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api, type QueryOf, type ResponseOf } from "../../../common/api.ts";

// The volunteering API as the admin page uses it: types, query keys and the shared fetches.

export type ActivityItem = ResponseOf<"/api/v1/activities", "get">["items"][number];
export type ActivityQuery = NonNullable<QueryOf<"/api/v1/activities", "get">>;
export type TeamItem = ResponseOf<"/api/v1/volunteering/teams", "get">["items"][number];
export type VolunteerItem = ResponseOf<"/api/v1/volunteering/volunteers", "get">["items"][number];
export type VolunteerQuery = NonNullable<QueryOf<"/api/v1/volunteering/volunteers", "get">>;
export type SignupItem = ResponseOf<"/api/v1/activity-signups", "get">["items"][number];
export type Mode = ActivityItem["mode"];
export type Skill = NonNullable<VolunteerQuery["skill"]>;

export const MODES: readonly Mode[] = ["fixedTime", "afterHours", "byAppointment"];

/** Every volunteering query starts with this key, so one invalidation refreshes every tab. */
export const VOLUNTEERING_KEY = ["volunteering"] as const;

export function useSkillOptions() {
  const { i18n } = useTranslation();
  const skills = useQuery({
    queryKey: [...VOLUNTEERING_KEY, "skills"],
    queryFn: ({ signal }) => api.get("/api/v1/volunteering/skills", { signal }),
    staleTime: 60 * 60_000,
  });
  return (skills.data ?? []).map((s) => ({
    value: s.code,
    label: i18n.language === "en" ? s.nameEn : s.name,
  }));
}

/** The teams of the caller's scope, for pickers (a scope has a few dozen at most). */
export function useTeamOptions() {
  const teams = useQuery({
    queryKey: [...VOLUNTEERING_KEY, "teams", "options"],
    queryFn: ({ signal }) => api.get("/api/v1/volunteering/teams", { query: { pageSize: 200 }, signal }),
  });
  return (teams.data?.items ?? []).map((t) => ({ value: t.id, label: t.name }));
}

/** "2026/11/30 09:00–11:00" (the end's date too when it is another day), in the reader's language. */
export function useTimeRange(): (from: string, to: string) => string {
  const { i18n } = useTranslation();
  return (from, to) => {
    const start = new Date(from);
    const end = new Date(to);
    const full = (d: Date) =>
      d.toLocaleString(i18n.language, { hour12: false, dateStyle: "short", timeStyle: "short" });
    const time = end.toLocaleTimeString(i18n.language, { hour: "2-digit", minute: "2-digit", hour12: false });
    return start.toDateString() === end.toDateString()
      ? `${full(start)}–${time}`
      : `${full(start)} – ${full(end)}`;
  };
}
