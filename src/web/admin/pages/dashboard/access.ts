import type { User } from "../../../common/auth.tsx";
import type { Role } from "../../../common/roles.ts";

/** The server's dashboard.read holders (src/server/platform/auth/roles.ts): each sees the figures of his scope. */
const DASHBOARD_ROLES: readonly Role[] = ["districtAdmin", "streetStaff", "communityStaff", "gridWorker"];

const dashboardRoles = (user: User) => user.roles.filter((r) => DASHBOARD_ROLES.includes(r.role));

/** Sees the figures of a territory (and may open the big screen). */
export const hasDashboard = (user: User) => dashboardRoles(user).length > 0;

/** Answers whistles for a department: sees that department's figures instead. */
export const isDepartmentStaff = (user: User) => user.roles.some((r) => r.role === "departmentStaff");

/** Has areas below his scope to choose from (a grid worker's grid has none). */
export const hasSubAreas = (user: User) => dashboardRoles(user).some((r) => r.nodeLevel !== "grid");
