import type { TFunction } from "i18next";
import { zhCN } from "../../shared/locales/zh-CN.ts";

// The names of the people and org modules' codes, in the reader's language. Codes the web does
// not know yet (the server may grow new ones) show as themselves rather than as a missing key.

type GridType = keyof typeof zhCN.territory.gridTypes;
type PartTimeKind = keyof typeof zhCN.people.partTimeKinds;
export type Gender = keyof typeof zhCN.people.genders;
export type Relation = keyof typeof zhCN.people.relations;
export type ResidenceType = keyof typeof zhCN.people.residenceTypes;
export type MemberCategory = keyof typeof zhCN.people.categories;
export type StaffRole = keyof typeof zhCN.people.staffRoles;
export type OrgKind = keyof typeof zhCN.org.kinds;
export type UnitKind = keyof typeof zhCN.org.unitKinds;

const known = <T extends object>(table: T, key: string | null | undefined): key is Extract<keyof T, string> =>
  !!key && Object.hasOwn(table, key);

export const GENDERS = Object.keys(zhCN.people.genders) as Gender[];
export const RESIDENCE_TYPES = Object.keys(zhCN.people.residenceTypes) as ResidenceType[];
export const MEMBER_CATEGORIES = Object.keys(zhCN.people.categories) as MemberCategory[];
export const STAFF_ROLES = Object.keys(zhCN.people.staffRoles) as StaffRole[];
export const UNIT_KINDS = Object.keys(zhCN.org.unitKinds) as UnitKind[];

export const genderLabel = (t: TFunction, g: Gender) => t(`people.genders.${g}`);
export const relationLabel = (t: TFunction, r: Relation) => t(`people.relations.${r}`);
export const residenceLabel = (t: TFunction, r: ResidenceType) => t(`people.residenceTypes.${r}`);
export const categoryLabel = (t: TFunction, c: MemberCategory) => t(`people.categories.${c}`);
export const staffRoleLabel = (t: TFunction, r: StaffRole) => t(`people.staffRoles.${r}`);
export const orgKindLabel = (t: TFunction, k: OrgKind) => t(`org.kinds.${k}`);
export const unitKindLabel = (t: TFunction, k: UnitKind) => t(`org.unitKinds.${k}`);

/** What was read of someone ("身份证号码" for idNumber), for the logs of who read personal data. */
export function piiFieldLabel(t: TFunction, field: string): string {
  return known(zhCN.piiAccess.fields, field) ? t(`piiAccess.fields.${field}`) : field;
}

export function gridTypeLabel(t: TFunction, type: string | null): string | null {
  if (!type) return null;
  return known(zhCN.territory.gridTypes, type) ? t(`territory.gridTypes.${type as GridType}`) : type;
}

/** "专职", "兼职 · 快递员" */
export function employmentLabel(
  t: TFunction,
  employment: "fullTime" | "partTime",
  kind: string | null,
): string {
  const base = t(`people.employments.${employment}`);
  if (!kind) return base;
  const k = known(zhCN.people.partTimeKinds, kind) ? t(`people.partTimeKinds.${kind as PartTimeKind}`) : kind;
  return `${base} · ${k}`;
}

export function dutyLabel(t: TFunction, duty: "A" | "B" | null): string | null {
  return duty ? t(`people.duties.${duty}`) : null;
}

/** Tag colours that stay the same wherever a code is shown. */
export const RESIDENCE_COLOURS: Record<ResidenceType, string> = {
  registered: "blue",
  resident: "green",
  floating: "orange",
};
export const CATEGORY_COLOURS: Record<MemberCategory, string> = {
  resident: "red",
  inService: "volcano",
  retired: "gold",
  mobile: "purple",
};
