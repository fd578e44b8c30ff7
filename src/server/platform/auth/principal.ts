import type { Permission, Role } from "./roles.ts";
import { roleGrants } from "./roles.ts";
import type { TokenScope } from "./scopes.ts";

export interface RoleAssignment {
  role: Role;
  nodeId: string;
  /** Materialised path of the node (`/<id>/<id>/`); the scope is every node whose path starts with it. */
  nodePath: string;
  nodeName: string;
  nodeCode: string;
  nodeLevel: string;
}

/** Who is calling: resolved once per request from the session cookie or the bearer token. */
export interface Principal {
  userId: string;
  phone: string;
  name: string;
  roles: RoleAssignment[];
  via: "session" | "token";
  /** Session id hash or token id, so logout/revoke can find it. */
  credentialId: string;
  /** Signed in with a temporary password: nothing but changing it is allowed. */
  mustChangePassword?: boolean;
  /** What the credential may do (a session: everything its roles allow). */
  scopes: readonly TokenScope[];
}

export function can(principal: Principal, permission: Permission): boolean {
  return principal.roles.some((r) => roleGrants(r.role, permission));
}

/** The subtree roots (paths) where the principal holds a permission; empty = nowhere. */
export function scopePaths(principal: Principal, permission: Permission): string[] {
  const paths = principal.roles.filter((r) => roleGrants(r.role, permission)).map((r) => r.nodePath);
  // A path inside another path adds nothing; dropping it keeps the SQL short.
  return paths.filter((p) => !paths.some((q) => q !== p && p.startsWith(q)));
}
