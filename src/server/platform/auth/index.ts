export {
  type Access,
  type Credentials,
  installAuth,
  isApiRoute,
  principalOf,
  type ResolvePrincipal,
  SESSION_COOKIE,
} from "./guard.ts";
export { hashPassword, verifyPassword } from "./passwords.ts";
export { can, type Principal, type RoleAssignment, scopePaths } from "./principal.ts";
export { isRole, PERMISSIONS, type Permission, ROLES, type Role, roleGrants } from "./roles.ts";
export { inScope } from "./scope.ts";
export { assertScopes, missingScopes, type RouteScope, TOKEN_SCOPES, type TokenScope } from "./scopes.ts";
export { newSecret, sha256 } from "./secrets.ts";
export type { WeChatProvider } from "./wechat.ts";
