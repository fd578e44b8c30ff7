import { type Role, rolesGranted } from "../../shared/roles.ts";

/**
 * The roles whose work is in the back office (/admin/): staff of a territory or a department. Party
 * members, residents, property staff, merchants, liaisons and a user with no role yet (signed in by
 * SMS, not bound to a household) work on the phone pages.
 */
const BACK_OFFICE: readonly Role[] = rolesGranted("territory.read");

/** Which app a user signing in at /admin/ should land in. */
export function adminLanding(roles: ReadonlyArray<{ role: Role }>): "admin" | "mobile" {
  return roles.some((r) => BACK_OFFICE.includes(r.role)) ? "admin" : "mobile";
}

/** The phone app's home, for those with no back-office work. */
export const MOBILE_HOME = "/mobile/";

export type App = "admin" | "mobile";

/**
 * Where a to-do's link (a path of the site: "/admin/cases?status=new") leads from one app: a route of
 * this app (`to`, without the app's base), or a page of the other app (`href`, a full page load).
 * `here` is this app's own page for the same work, when it has one (the grid inbox on the phone).
 */
export function todoTarget(link: string, app: App, here?: string): { to: string } | { href: string } {
  if (here) return { to: here };
  const base = `/${app}`;
  if (link === base || link.startsWith(`${base}/`) || link.startsWith(`${base}?`))
    return { to: link.slice(base.length) || "/" };
  return { href: link };
}
