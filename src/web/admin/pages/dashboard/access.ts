import type { User } from "../../../common/auth.tsx";
import { can, grantsOf } from "../../../common/roles.ts";

const dashboardRoles = (user: User) => user.roles.filter((r) => grantsOf("dashboard.read").includes(r.role));

/** Sees the figures of a territory (and may open the big screen). */
export const hasDashboard = (user: User) => can(user, "dashboard.read");

/** Answers whistles for a department: sees that department's figures instead. */
export const isDepartmentStaff = (user: User) => user.roles.some((r) => r.role === "departmentStaff");

/** Has areas below his scope to choose from (a grid worker's grid has none). */
export const hasSubAreas = (user: User) => dashboardRoles(user).some((r) => r.nodeLevel !== "grid");
