import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../../common/api.ts";
import type { User } from "../../../common/auth.tsx";
import { todayInChina } from "../../../common/china-day.ts";
import { can, type Role } from "../../../common/roles.ts";
import type { ReportSubject } from "./report-period.ts";

const has = (user: User, role: Role) => user.roles.some((r) => r.role === role);

/**
 * What the user may make reports of: communities of his area, his street (street staff) or the
 * district and its streets (district administrators); a department's report covers the whole
 * district, so its own staff make it, or the district's administrators for any department.
 */
export function subjectTypesOf(user: User): ReportSubject[] {
  const types: ReportSubject[] = [];
  // reports.read: the communities of his area.
  if (can(user, "reports.read")) types.push("community");
  if (can(user, "reports.read") && (has(user, "streetStaff") || has(user, "districtAdmin")))
    types.push("street");
  if (can(user, "reports.read") && has(user, "districtAdmin")) types.push("district");
  if (has(user, "districtAdmin") || has(user, "departmentStaff")) types.push("department");
  return types;
}

export interface SubjectOption {
  value: string;
  label: string;
}

type AreaLevel = Exclude<ReportSubject, "department">;

/** The areas of one level in the user's area, in the territory's order (a district has far fewer than 200). */
function useAreas(level: AreaLevel | undefined) {
  return useQuery({
    queryKey: ["territory", "nodes", { level }],
    queryFn: async ({ signal }) =>
      (
        await api.get("/api/v1/territory/nodes", {
          query: { level: level ?? "community", page: 1, pageSize: 200 },
          signal,
        })
      ).items,
    staleTime: 10 * 60_000,
    enabled: level !== undefined,
  });
}

/** Every department, for a district administrator. */
function useAllDepartments(enabled: boolean) {
  return useQuery({
    queryKey: ["cases", "departments"],
    queryFn: ({ signal }) => api.get("/api/v1/cases/departments", { signal }),
    staleTime: 10 * 60_000,
    enabled,
  });
}

/**
 * A department's staff's own departments: the department figures name them (one day of figures,
 * the cheapest answer that does).
 */
function useOwnDepartments(enabled: boolean) {
  return useQuery({
    queryKey: ["dashboard", "department", "own"],
    queryFn: async ({ signal }) => {
      const today = todayInChina(new Date());
      return (await api.get("/api/v1/dashboard/department", { query: { from: today, to: today }, signal }))
        .departments;
    },
    staleTime: 10 * 60_000,
    enabled,
  });
}

/** The communities or departments the user may choose for a new report of that type. */
export function useSubjectOptions(
  user: User,
  type: ReportSubject | undefined,
  open: boolean,
): { options: SubjectOption[]; loading: boolean } {
  const { i18n } = useTranslation();
  const admin = has(user, "districtAdmin");
  const areas = useAreas(open && type !== undefined && type !== "department" ? type : undefined);
  const all = useAllDepartments(open && type === "department" && admin);
  const own = useOwnDepartments(open && type === "department" && !admin);
  if (type !== undefined && type !== "department")
    return {
      options: areas.data?.map((c) => ({ value: c.id, label: c.name })) ?? [],
      loading: areas.isFetching,
    };
  if (type === "department" && admin)
    return {
      options:
        all.data?.map((d) => ({ value: d.id, label: i18n.language === "en" ? d.nameEn : d.name })) ?? [],
      loading: all.isFetching,
    };
  if (type === "department")
    return { options: own.data?.map((d) => ({ value: d.id, label: d.name })) ?? [], loading: own.isFetching };
  return { options: [], loading: false };
}
