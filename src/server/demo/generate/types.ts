import type { Polygon } from "geojson";
import type { CaseAction, CaseStatus, HandlerLevel } from "../../modules/cases/flow.ts";
import type { Channel, RequestType, Urgency, WhistleStatus } from "../../modules/cases/tables.ts";

/**
 * The demo district as plain data, produced deterministically from a seed by generateDemo() and
 * written to the database by the demo loader. Objects refer to each other by `key` strings.
 */
export type DemoLevel =
  | "district"
  | "street"
  | "community"
  | "grid"
  | "compound"
  | "building"
  | "entrance"
  | "household";
export type GridType = "area" | "compound" | "courtyard" | "unit"; // 片区 / 小区 / 楼院 / 单位

export interface DemoNode {
  key: string;
  parentKey?: string;
  level: DemoLevel;
  /** Stable code: district 6-digit division code; street 9 digits; community 12 digits; grid short code "XG-LJ-001". */
  code: string;
  name: string;
  /** Grids only. */
  gridType?: GridType;
  /** Grids only: 15-digit unit-grid code (6 division + 3 street + 3 community + 3 grid, GB/T 30428). */
  unitCode?: string;
  /** District, streets, communities, grids: polygons that tile their parent exactly. */
  geometry?: Polygon;
  /** Buildings (and households, inherited): a point inside the grid. */
  lat?: number;
  lng?: number;
  /** Buildings and households: a full postal-style address. */
  address?: string;
}

export type Relation = "head" | "spouse" | "child" | "parent" | "grandchild" | "other";
export type ResidenceType = "registered" | "resident" | "floating"; // 户籍 / 常住 / 流动

export interface DemoResident {
  key: string;
  householdKey: string;
  name: string;
  gender: "male" | "female";
  /** YYYY-MM-DD, consistent with the ID number. */
  birthDate: string;
  /** 18 characters with a valid GB 11643 check digit; fictional. */
  idNumber: string;
  phone: string | null;
  relation: Relation;
  residenceType: ResidenceType;
}

export type PartyMemberCategory = "resident" | "inService" | "retired" | "mobile";

export interface DemoPartyMember {
  key: string;
  /** The resident record of the member (every demo member lives in the district). */
  residentKey: string;
  category: PartyMemberCategory;
  orgKey: string;
  /** In-service members: the unit they work for. */
  workUnitKey?: string;
  joinedOn: string;
}

export type OrgKind =
  | "streetCommittee" // 街道党工委（大工委）
  | "communityCommittee" // 社区党委（大党委）
  | "gridBranch" // 网格党支部
  | "compoundBranch" // 小区党支部
  | "buildingGroup" // 楼栋党小组
  | "unitBranch"; // 单位党组织

export interface DemoOrg {
  key: string;
  parentKey?: string;
  kind: OrgKind;
  name: string;
  /** The territory node it is laid over (units' orgs: the community they pair with). */
  nodeKey: string;
  /** Units' party organisations only. */
  unitKey?: string;
}

export type UnitKind = "unit" | "propertyCompany" | "ownersCommittee";

export interface DemoUnit {
  key: string;
  kind: UnitKind;
  name: string;
  /** 统一社会信用代码 with a valid GB 32100 check character (owners' committees have none). */
  uscc?: string;
  /** Units: the community they pair with; property companies: a community they serve; owners' committees: their compound. */
  nodeKey: string;
  contactName: string;
  contactPhone: string;
}

/** 大党委/大工委 part-time members from units, property companies and owners' committees. */
export interface DemoPartTimeMember {
  orgKey: string;
  unitKey: string;
  name: string;
  phone: string;
  position: string;
}

export type StaffRole = "gridLeader" | "gridWorker" | "buildingHead" | "entranceHead" | "liaison";

export interface DemoStaff {
  key: string;
  role: StaffRole;
  /** Grid for grid leaders/workers and liaisons, building or entrance for their heads. */
  nodeKey: string;
  name: string;
  phone: string;
  /** Full-time grid workers: A岗 office duty, B岗 grid duty. */
  duty?: "A" | "B";
  employment: "fullTime" | "partTime";
  /** Part-time grid workers: couriers, delivery riders, property staff … */
  partTimeKind?: "courier" | "rider" | "property" | "volunteer";
  /** Liaisons (1+1带N): the households each serves (5–10). */
  householdKeys?: string[];
  /** When the staff member is also a resident of the district. */
  residentKey?: string;
  /** 亮职责: the duties shown on the grid's contact card. */
  duties: string;
}

export interface DemoVenue {
  key: string;
  kind: "serviceCentre" | "restStation" | "gridPost" | "neighbourhoodCentre";
  name: string;
  nodeKey: string;
  address: string;
  lat: number;
  lng: number;
  hours: string;
  facilities: string[];
}

export interface DemoMerchant {
  key: string;
  name: string;
  category: string;
  uscc: string;
  nodeKey: string;
  address: string;
  lat: number;
  lng: number;
  phone: string;
}

/** Who took a step: a demo account (by its phone) or a named person without an account. */
export interface DemoActor {
  name: string;
  accountPhone?: string;
}

export interface DemoCaseEvent {
  /** Epoch milliseconds, like every time of a demo case. */
  at: number;
  action: CaseAction | "submit" | "remind" | "supervise" | "follow";
  from?: CaseStatus;
  to?: CaseStatus;
  /** Absent: the system (deadline reminders, supervision). */
  actor?: DemoActor;
  note?: string;
  /** Event data; references by code or key (departmentCode(s), whistleIndex, masterKey) are resolved when loading. */
  data: Record<string, unknown>;
}

export interface DemoWhistle {
  departmentCode: string;
  status: WhistleStatus;
  request: string;
  createdAt: number;
  deadline: number;
  whistledBy?: DemoActor;
  acceptedAt?: number;
  reportedAt?: number;
  report?: string;
  score?: number;
  ratingComment?: string;
  /** Accepted or reported after the deadline. */
  overdue: boolean;
}

export interface DemoCase {
  key: string;
  /** `XG-20261123-0001`: China day of creation and the day's running number. */
  code: string;
  channel: Exclude<Channel, "open311">;
  /** Hotline cases: the 12345 record id. */
  sourceRef?: string;
  categoryCode: string;
  requestType: RequestType;
  urgency: Urgency;
  description: string;
  lat: number;
  lng: number;
  address: string;
  gridKey: string;
  householdKey?: string;
  status: CaseStatus;
  departmentCode?: string;
  reporter: { name: string; phone?: string; accountPhone?: string };
  masterKey?: string;
  suggestedMasterKey?: string;
  createdAt: number;
  updatedAt: number;
  responseDueAt: number;
  resolveDueAt: number;
  respondedAt?: number;
  resolvedAt?: number;
  closedAt?: number;
  slaDone: string[];
  supervisedBy?: HandlerLevel;
  rating?: number;
  ratingComment?: string;
  needsReview: boolean;
  extra: Record<string, unknown>;
  events: DemoCaseEvent[];
  whistles: DemoWhistle[];
}

export interface DemoDistrict {
  nodes: DemoNode[];
  residents: DemoResident[];
  partyMembers: DemoPartyMember[];
  orgs: DemoOrg[];
  units: DemoUnit[];
  partTimeMembers: DemoPartTimeMember[];
  staff: DemoStaff[];
  venues: DemoVenue[];
  merchants: DemoMerchant[];
  /** A few months of cases up to the anchor time given to generateDemo(), oldest first. */
  cases: DemoCase[];
  /** The nodes the demo accounts are bound to (CONTRACT.md): first street, its first community, its first grid … */
  accountNodes: {
    district: string;
    street: string;
    community: string;
    grid: string;
    compound: string;
    /** The household of the demo resident account; its head is the resident 孙秀英 with phone 13800000007. */
    household: string;
  };
}
