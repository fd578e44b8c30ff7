/**
 * The nine roles of CONTRACT.md and what each may do. Every role assignment is bound to a
 * territory node; a permission reaches exactly the subtrees of the assignments that grant it.
 */
export const ROLES = [
  "districtAdmin",
  "streetStaff",
  "communityStaff",
  "gridWorker",
  "departmentStaff",
  "partyMember",
  "resident",
  "propertyStaff",
  "merchant",
] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = ["audit.read", "territory.read", "territory.write", "accounts.manage"] as const;
export type Permission = (typeof PERMISSIONS)[number];

const STAFF: Role[] = ["districtAdmin", "streetStaff", "communityStaff", "gridWorker", "departmentStaff"];

const GRANTS: Record<Permission, readonly Role[]> = {
  "audit.read": ["districtAdmin"],
  "territory.read": STAFF,
  "territory.write": ["districtAdmin", "streetStaff", "communityStaff"],
  "accounts.manage": ["districtAdmin"],
};

export function roleGrants(role: Role, permission: Permission): boolean {
  return GRANTS[permission].includes(role);
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
