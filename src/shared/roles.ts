/**
 * The nine roles of CONTRACT.md, the household liaison (联户长/党员中心户), a paired unit's staff
 * (共建单位联络员), and what each may do.
 * Shared by the server (which enforces it) and the pages (which offer only what is allowed). Every role assignment is bound to a
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
  "liaison",
  "unitStaff",
] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  "audit.read",
  "audit.piiAccess",
  "territory.read",
  "territory.write",
  "accounts.manage",
  "people.read",
  "people.write",
  "people.reveal",
  "org.read",
  "org.write",
  "cases.read",
  "cases.intake",
  "cases.import",
  "cases.configure",
  "devices.manage",
  "orders.publish",
  "orders.grab",
  "wishes.review",
  "wishes.claim",
  "volunteering.manage",
  "volunteering.join",
  "dashboard.read",
  "reports.read",
  "engagement.manage",
  "engagement.serve",
  "engagement.unit",
  "points.manage",
  "points.inspect",
  "points.earn",
  "points.merchant",
  "points.credit",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const STAFF: Role[] = ["districtAdmin", "streetStaff", "communityStaff", "gridWorker", "departmentStaff"];

const GRANTS: Record<Permission, readonly Role[]> = {
  "audit.read": ["districtAdmin"],
  // Who read residents' unmasked data (of the residents in scope): the district and the streets,
  // above the communities that do most of the reading.
  "audit.piiAccess": ["districtAdmin", "streetStaff"],
  "territory.read": STAFF,
  "territory.write": ["districtAdmin", "streetStaff", "communityStaff"],
  // A street opens its communities' accounts, a community its grid workers' and liaisons'; never
  // a role holding a permission the granter lacks (accounts/grants.ts).
  "accounts.manage": ["districtAdmin", "streetStaff", "communityStaff"],
  // A resident reads people too, bound to his household node: he sees his own household only.
  "people.read": ["districtAdmin", "streetStaff", "communityStaff", "gridWorker", "resident"],
  "people.write": ["districtAdmin", "streetStaff", "communityStaff", "gridWorker"],
  // Unmasked 身份证 numbers: community level and up, and every read is logged.
  "people.reveal": ["districtAdmin", "streetStaff", "communityStaff"],
  "org.read": [...STAFF, "partyMember"],
  "org.write": ["districtAdmin", "streetStaff", "communityStaff"],
  // Department staff see the cases assigned or whistled to their department, not a territory.
  "cases.read": ["districtAdmin", "streetStaff", "communityStaff", "gridWorker"],
  // Entering a case for someone else: walk-in at the service hall, patrol reports.
  "cases.intake": ["districtAdmin", "streetStaff", "communityStaff", "gridWorker"],
  "cases.import": ["districtAdmin", "streetStaff", "communityStaff"],
  "cases.configure": ["districtAdmin"],
  "devices.manage": ["districtAdmin", "streetStaff", "communityStaff", "gridWorker"],
  // 社区派单: the community (and its grid workers) publish orders; members and volunteers grab them.
  "orders.publish": ["districtAdmin", "streetStaff", "communityStaff", "gridWorker"],
  // A resident grabs only once registered as a volunteer (orders checks it).
  "orders.grab": ["partyMember", "resident", "liaison"],
  "wishes.review": ["districtAdmin", "streetStaff", "communityStaff"],
  // A member claims for himself or for his paired unit.
  "wishes.claim": ["partyMember"],
  "volunteering.manage": ["districtAdmin", "streetStaff", "communityStaff", "gridWorker"],
  "volunteering.join": ["partyMember", "resident", "liaison"],
  // The command centre's figures of a territory; department staff see their department's instead.
  "dashboard.read": ["districtAdmin", "streetStaff", "communityStaff", "gridWorker"],
  // Community reports in the scope; a department's staff read their department's reports too.
  "reports.read": ["districtAdmin", "streetStaff", "communityStaff"],
  // 双报到: the community pairs units, takes report-ins, approves records and writes feedback cards.
  "engagement.manage": ["districtAdmin", "streetStaff", "communityStaff"],
  // Reporting in, the service record, household visits.
  "engagement.serve": ["partyMember", "liaison"],
  // A paired unit's own staff: letters of introduction, its members' progress, ledgers and cards.
  "engagement.unit": ["unitStaff"],
  // Rules, approvals (积分制管理小组), appraisal rounds, rankings, the shop's goods, the ledger's check.
  "points.manage": ["districtAdmin", "streetStaff", "communityStaff"],
  // Scoring shops against the indicators on the street (社区人员日常检查).
  "points.inspect": ["districtAdmin", "streetStaff", "communityStaff", "gridWorker"],
  // One's own points: balance, statement, redeeming, appraising in a round.
  "points.earn": ["partyMember", "resident", "liaison"],
  // A shop's own scores, and confirming redemptions by scanning the resident's code.
  "points.merchant": ["merchant"],
  // Residents' and merchants' scores for a partner bank, only with their recorded consent.
  "points.credit": ["districtAdmin"],
};

export function roleGrants(role: Role, permission: Permission): boolean {
  return GRANTS[permission].includes(role);
}

/** The levels of the territory tree a role can be bound to (the server's territory levels). */
export type RoleNodeLevel =
  | "district"
  | "street"
  | "community"
  | "grid"
  | "microgrid"
  | "compound"
  | "building"
  | "entrance"
  | "household";

/** Where each role is bound: a grid worker to his grid, a resident to his household … */
export const ROLE_LEVELS: Record<Role, readonly RoleNodeLevel[]> = {
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
  // Where the unit sits; which unit is its own setting.
  unitStaff: ["district", "street", "community"],
};

/** The roles holding a permission. */
export const rolesGranted = (permission: Permission): readonly Role[] => GRANTS[permission];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
