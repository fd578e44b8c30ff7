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
import { nodesByIds, type TerritoryLevel } from "../territory/index.ts";

/** Where each role is bound: a grid worker to his grid, a resident to his household … */
export const ROLE_LEVELS: Record<Role, readonly TerritoryLevel[]> = {
  districtAdmin: ["district"],
  streetStaff: ["street"],
  communityStaff: ["community"],
  gridWorker: ["grid"],
  // A department serves the whole district; which department is its own setting.
  departmentStaff: ["district"],
  partyMember: ["community"],
  resident: ["household"],
  propertyStaff: ["community", "compound"],
  merchant: ["community", "grid"],
  liaison: ["grid", "compound", "building"],
};

const under = (path: string, roots: string[]) => roots.some((root) => path.startsWith(root));

/**
 * Whether `granter` may give (or take away) `role` at the node with `nodePath`: the node lies in
 * his accounts scope, and he himself holds every permission of the role there. So a community
 * opens grid workers' accounts in its grids, never a street official's or an administrator's.
 */
export function mayGrant(granter: Principal, role: Role, nodePath: string): boolean {
  if (!under(nodePath, scopePaths(granter, "accounts.manage"))) return false;
  const needed = PERMISSIONS.filter((p: Permission) => roleGrants(role, p));
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
