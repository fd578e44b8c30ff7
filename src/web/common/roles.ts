import type { TFunction } from "i18next";
import { type Permission, type Role, rolesGranted } from "../../shared/roles.ts";
import type { User } from "./auth.tsx";

export type { Permission, Role };

type Assignment = User["roles"][number];

/** The roles that work on the platform's back office (the server's territory.read holders). */
export const STAFF_ROLES: readonly Role[] = rolesGranted("territory.read");

/** The roles holding a permission (the server's own table). */
export const grantsOf = (permission: Permission): readonly Role[] => rolesGranted(permission);

export function can(user: User, permission: Permission): boolean {
  const allowed = rolesGranted(permission);
  return user.roles.some((r) => allowed.includes(r.role));
}

/** The staff who read the people of their area (a resident's people.read is his own household only). */
const PEOPLE_STAFF: readonly Role[] = ["districtAdmin", "streetStaff", "communityStaff", "gridWorker"];

/** Every navigation entry of both apps, and who sees it; modules add their keys here. */
const NAV_ACCESS = {
  home: "everyone",
  territory: rolesGranted("territory.read"),
  people: PEOPLE_STAFF,
  org: rolesGranted("org.read"),
  audit: ["districtAdmin"],
  // Who read residents' whole numbers (audit.piiAccess): the district and the streets.
  piiAccess: ["districtAdmin", "streetStaff"],
  cases: ["districtAdmin", "streetStaff", "communityStaff", "gridWorker", "departmentStaff"],
  whistles: ["districtAdmin", "streetStaff", "communityStaff", "departmentStaff"],
  // 统计报表: the area's communities (reports.read), or a department's own reports for its staff.
  reports: ["districtAdmin", "streetStaff", "communityStaff", "departmentStaff"],
  // people.write or territory.write: the server lists which kinds each may import.
  imports: ["districtAdmin", "streetStaff", "communityStaff", "gridWorker"],
  // 基础数据: the district's reference data (cases.configure), grid types (its administrators),
  // one-key devices (devices.manage) and the 12345 sheets (cases.import).
  caseCategories: rolesGranted("cases.configure"),
  departments: rolesGranted("cases.configure"),
  orderCategories: rolesGranted("cases.configure"),
  gridTypes: ["districtAdmin"],
  devices: rolesGranted("devices.manage"),
  hotlineImport: rolesGranted("cases.import"),
  // 账号管理 and 待确认绑定 (accounts.manage): the district, the streets, the communities.
  accounts: rolesGranted("accounts.manage"),
  accountBindings: rolesGranted("accounts.manage"),
  // Mobile home tiles.
  myGrid: ["gridWorker"],
  myFamily: ["resident"],
  submitCase: "everyone",
  myCases: "everyone",
  gridInbox: ["gridWorker", "communityStaff"],
  patrol: ["gridWorker"],
  departmentInbox: ["departmentStaff"],
  // 抢单: staff publish (orders.publish); members and volunteers grab (orders.grab), residents rate.
  orders: ["districtAdmin", "streetStaff", "communityStaff", "gridWorker"],
  // 联户长 take orders too (orders.grab).
  orderHall: ["partyMember", "resident", "liaison"],
  myOrders: ["partyMember", "resident", "liaison"],
  // 微心愿: the community reviews (wishes.review); everyone reads the wall and keeps his own.
  wishes: ["districtAdmin", "streetStaff", "communityStaff"],
  wishWall: "everyone",
  myWishes: "everyone",
  // 志愿服务: staff manage (volunteering.manage) and scan; members and residents volunteer (volunteering.join).
  volunteering: ["districtAdmin", "streetStaff", "communityStaff", "gridWorker"],
  activities: "everyone",
  myVolunteering: ["partyMember", "resident", "liaison"],
  volunteerCheckin: ["districtAdmin", "streetStaff", "communityStaff", "gridWorker"],
  // 民情日记: members and liaisons visit their paired households (engagement.serve); the area's
  // staff, grid workers too (dashboard.read), read the coverage.
  myHouseholds: rolesGranted("engagement.serve"),
  engagementVisits: ["districtAdmin", "streetStaff", "communityStaff", "gridWorker"],
  // 双报到: the community pairs units and reviews report-ins (engagement.manage); a unit's staff
  // follow their own members (engagement.unit); in-service members report in on the phone.
  engagementUnits: ["districtAdmin", "streetStaff", "communityStaff", "unitStaff"],
  myReportIn: ["partyMember"],
  // 本单位 on the phone: a unit's staff follow their members, issue letters, see Saturdays and cards.
  myUnit: ["unitStaff"],
  // 纪实手册: the community approves records and writes cards (engagement.manage), a unit's staff
  // read their members' (engagement.unit); members keep their own on the phone.
  engagementRecords: ["districtAdmin", "streetStaff", "communityStaff", "unitStaff"],
  myRecord: ["partyMember"],
  // 党员风采墙: the community reviews promises and names pioneers (engagement.manage); members
  // write theirs on the phone. 共建考核: staff over their area, a unit's staff over his unit.
  engagementWalls: ["districtAdmin", "streetStaff", "communityStaff"],
  engagementAssessment: ["districtAdmin", "streetStaff", "communityStaff", "unitStaff"],
  myPromise: ["partyMember"],
  // 应急动员: staff raise call-ups (engagement.manage); grid workers follow those of their grid;
  // called members report on the phone. 人才库 and 求职登记: the area's staff (engagement.manage).
  engagementMobilisation: ["districtAdmin", "streetStaff", "communityStaff", "gridWorker"],
  engagementTalent: ["districtAdmin", "streetStaff", "communityStaff"],
  myCallUps: ["partyMember"],
  // 积分: one's own points (points.earn, points.merchant); the ledger and 民主评议 (points.manage).
  myPoints: ["partyMember", "resident", "liaison", "merchant"],
  pointsLedger: ["districtAdmin", "streetStaff", "communityStaff"],
  // 积分规则 and 积分审核 (points.manage): the rules editor, and claims decided by the points panel.
  pointsRules: ["districtAdmin", "streetStaff", "communityStaff"],
  pointsApprovals: ["districtAdmin", "streetStaff", "communityStaff"],
  pointsAppraisal: ["districtAdmin", "streetStaff", "communityStaff"],
  // 积分超市: holders redeem (points.earn), shops scan (points.merchant), staff keep the shelves (points.manage).
  pointsShop: ["partyMember", "resident", "liaison"],
  merchantScan: ["merchant"],
  pointsShopAdmin: ["districtAdmin", "streetStaff", "communityStaff"],
  // 商铺积分: inspectors score shops (points.inspect) on the phone, staff see the shops' scores;
  // a merchant sees his own shop's.
  shopInspect: ["districtAdmin", "streetStaff", "communityStaff", "gridWorker"],
  pointsMerchants: ["districtAdmin", "streetStaff", "communityStaff", "gridWorker"],
  myShop: ["merchant"],
  // 积分榜单 and 信用授权 (points.manage); the bank's export itself is the district's (points.credit).
  pointsRankings: ["districtAdmin", "streetStaff", "communityStaff"],
  pointsCredit: ["districtAdmin", "streetStaff", "communityStaff"],
  // 信用授权 on the phone: residents (points.earn) and shop owners (points.merchant) consent themselves.
  myCredit: ["resident", "merchant"],
} satisfies Record<string, readonly Role[] | "everyone">;
export type NavKey = keyof typeof NAV_ACCESS;

export function canSee(user: User, key: NavKey): boolean {
  const allowed: readonly Role[] | "everyone" = NAV_ACCESS[key];
  return allowed === "everyone" || user.roles.some((r) => allowed.includes(r.role));
}

/** The node of the user's first assignment with this role (a grid worker's grid, a resident's household). */
export function nodeOfRole(user: User, role: Role): Assignment | undefined {
  return user.roles.find((r) => r.role === role);
}

export function roleLabel(t: TFunction, role: Role): string {
  return t(`roles.${role}`);
}

/** "社区工作者 · 红旗社区" */
export function describeRole(t: TFunction, assignment: Assignment): string {
  return t("user.roleAt", { role: roleLabel(t, assignment.role), node: assignment.nodeName });
}
