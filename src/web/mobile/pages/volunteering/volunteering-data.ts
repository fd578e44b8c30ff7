import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api, type ResponseOf } from "../../../common/api.ts";

// The volunteering API as the mobile pages use it: types, query keys, fetches and steps.

export type ActivityItem = ResponseOf<"/api/v1/activities", "get">["items"][number];
export type ActivityDetail = ResponseOf<"/api/v1/activities/{id}", "get">;
export type MySignup = NonNullable<ActivityDetail["mySignup"]>;
export type MyVolunteering = ResponseOf<"/api/v1/volunteering/me", "get">;
export type Volunteer = NonNullable<MyVolunteering["volunteer"]>;
export type RecordEntry = Volunteer["record"][number];
export type Stage = MySignup["stage"];
export type Mode = ActivityItem["mode"];

/** Every volunteering query starts with this key: one invalidation refreshes lists, details and the record. */
export const VOLUNTEERING_KEY = ["volunteering"] as const;

export function useMyVolunteering() {
  return useQuery({
    queryKey: [...VOLUNTEERING_KEY, "me"],
    queryFn: ({ signal }) => api.get("/api/v1/volunteering/me", { signal }),
  });
}

export function useSkills() {
  return useQuery({
    queryKey: [...VOLUNTEERING_KEY, "skills"],
    queryFn: ({ signal }) => api.get("/api/v1/volunteering/skills", { signal }),
    staleTime: 60 * 60_000,
  });
}

/** A skill's name in the reader's language. */
export function useSkillName(): (code: string) => string {
  const { i18n } = useTranslation();
  const skills = useSkills().data;
  return (code) => {
    const s = skills?.find((x) => x.code === code);
    return s && i18n.language === "en" ? s.nameEn : code;
  };
}

export function useActivity(id: string) {
  return useQuery({
    queryKey: [...VOLUNTEERING_KEY, "activity", id],
    queryFn: ({ signal }) => api.get("/api/v1/activities/{id}", { path: { id }, signal }),
  });
}

/** A write, after which everything volunteering is fetched again (places, positions, hours). */
export function useVolunteeringStep<A, R>(step: (arg: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: step,
    onSettled: () => client.invalidateQueries({ queryKey: VOLUNTEERING_KEY }),
  });
}

/** "11月30日 周一 09:00–11:00" in the reader's language: phones show their own (China) time. */
export function useTimeRange(): (from: string, to: string) => string {
  const { i18n } = useTranslation();
  return (from, to) => {
    const start = new Date(from);
    const end = new Date(to);
    const day = start.toLocaleDateString(i18n.language, { month: "short", day: "numeric", weekday: "short" });
    const time = (d: Date) =>
      d.toLocaleTimeString(i18n.language, { hour: "2-digit", minute: "2-digit", hour12: false });
    const sameDay = start.toDateString() === end.toDateString();
    return sameDay
      ? `${day} ${time(start)}–${time(end)}`
      : `${day} ${time(start)} – ${end.toLocaleString(i18n.language, { hour12: false })}`;
  };
}

export function useFormatMoment(): (iso: string | null) => string {
  const { t, i18n } = useTranslation();
  return (iso) =>
    iso
      ? new Date(iso).toLocaleString(i18n.language, {
          month: "numeric",
          day: "numeric",
          hour: "2-digit",
          minute: "2-digit",
          hour12: false,
        })
      : t("common.none");
}

/** Hours as people write them: 2, 1.5. */
export const hoursText = (hours: number | null | undefined) => String(Number(hours ?? 0));
