import type { TFunction } from "i18next";
import type { User } from "./auth.tsx";

export type Role = User["roles"][number]["role"];
type Assignment = User["roles"][number];

/** The roles that work on the platform's back office (the server's territory.read holders). */
export const STAFF_ROLES: readonly Role[] = [
  "districtAdmin",
  "streetStaff",
  "communityStaff",
  "gridWorker",
  "departmentStaff",
];

/** Every navigation entry of both apps, and who sees it; modules add their keys here. */
const NAV_ACCESS = {
  home: "everyone",
  territory: STAFF_ROLES,
  audit: ["districtAdmin"],
} satisfies Record<string, readonly Role[] | "everyone">;
export type NavKey = keyof typeof NAV_ACCESS;

export function canSee(user: User, key: NavKey): boolean {
  const allowed: readonly Role[] | "everyone" = NAV_ACCESS[key];
  return allowed === "everyone" || user.roles.some((r) => allowed.includes(r.role));
}

export function roleLabel(t: TFunction, role: Role): string {
  return t(`roles.${role}`);
}

/** "社区工作者 · 红旗社区" */
export function describeRole(t: TFunction, assignment: Assignment): string {
  return t("user.roleAt", { role: roleLabel(t, assignment.role), node: assignment.nodeName });
}
