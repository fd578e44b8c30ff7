// The roles and their grants are shared with the pages (src/shared/roles.ts).
export {
  isRole,
  PERMISSIONS,
  type Permission,
  ROLES,
  type Role,
  roleGrants,
  rolesGranted,
} from "../../../shared/roles.ts";
