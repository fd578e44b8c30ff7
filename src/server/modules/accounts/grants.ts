import { ROLE_LEVELS } from "../../../shared/roles.ts";
import {
  PERMISSIONS,
  type Permission,
  type Principal,
  type Role,
  roleGrants,
  scopePaths,
} from "../../platform/auth/index.ts";
import type { Executor } from "../../platform/db/index.ts";
import { forbidden, unprocessable } from "../../platform/errors.ts";
import { nodesByIds } from "../territory/index.ts";

// Shared with the pages, which offer only the nodes a role fits.
export { ROLE_LEVELS } from "../../../shared/roles.ts";

/**
 * Taking part (grabbing orders, volunteering, claiming wishes) is no power over others: staff open
 * liaisons', members' and residents' accounts without holding these themselves.
 */
const PARTICIPATION: readonly Permission[] = [
  "orders.grab",
  "volunteering.join",
  "wishes.claim",
  "engagement.serve",
  // Acting for one's own paired unit (which unit: the account's setting, in the granter's scope).
  "engagement.unit",
  // One's own points, and a shop's own scores and redemptions (which shop: its phone).
  "points.earn",
  "points.merchant",
];

const under = (path: string, roots: string[]) => roots.some((root) => path.startsWith(root));

/**
 * Whether `granter` may give (or take away) `role` at the node with `nodePath`: the node lies in
 * his accounts scope, and he himself holds every permission of the role there. So a community
 * opens grid workers' accounts in its grids, never a street official's or an administrator's.
 */
export function mayGrant(granter: Principal, role: Role, nodePath: string): boolean {
  if (!under(nodePath, scopePaths(granter, "accounts.manage"))) return false;
  const needed = PERMISSIONS.filter((p) => roleGrants(role, p) && !PARTICIPATION.includes(p));
  return needed.every((p) => under(nodePath, scopePaths(granter, p)));
}

export interface Grant {
  role: Role;
  nodeId: string;
}

/** The grants with their nodes' paths; refuses (422) a node that does not exist or does not fit the role. */
export async function resolveGrants(executor: Executor, grants: Grant[]) {
  const nodes = new Map(
    (await nodesByIds(executor, [...new Set(grants.map((g) => g.nodeId))])).map((n) => [n.id, n]),
  );
  return grants.map((g) => {
    const node = nodes.get(g.nodeId);
    if (!node) throw unprocessable("NODE_NOT_FOUND", { nodeId: g.nodeId });
    if (!ROLE_LEVELS[g.role].includes(node.level))
      throw unprocessable("ROLE_LEVEL_MISMATCH", { role: g.role, node: node.name });
    return { ...g, nodePath: node.path };
  });
}

/** Refuses (403) unless the granter may give or take every one of these grants. */
export function assertMayGrant(granter: Principal, grants: Array<{ role: Role; nodePath: string }>): void {
  if (!grants.every((g) => mayGrant(granter, g.role, g.nodePath))) throw forbidden();
}
