import type { exportZhCN } from "./export.zh-CN.ts";

type Same<T> = { [K in keyof T]: T[K] extends string ? string : Same<T[K]> };

export const exportEn: Same<typeof exportZhCN> = {
  excel: "Export to Excel",
  choices: "More ways to export",
  withIds: "Export with full ID numbers",
  revealTitle: "Export full ID numbers — state the purpose",
  revealNotice:
    "The file will hold the full ID numbers and phone numbers of every resident the current filters find. Who exported, when, why and every resident in it are recorded. Keep the file safe and delete it after use.",
  revealSubmit: "Export",
  started: "Exporting; the file will download by itself",
  files: {
    households: "Households",
    residents: "Residents",
    partyMembers: "Party members",
    staff: "Grid staff",
    orgs: "Party organisations",
    units: "Partner units",
    nodes: "Areas",
    grids: "Grids",
    cases: "Cases",
    whistles: "Whistles",
    devices: "One-key call devices",
    audit: "Audit log",
  },
  columns: {
    birthDate: "Date of birth",
    partTimeKind: "Part-time as",
    lat: "Latitude",
    lng: "Longitude",
    reporterPhone: "Reporter's phone",
    overdue: "Overdue",
    supervisedBy: "Supervised by",
    needsReview: "Poor rating under review",
    ratingComment: "Rating comment",
    whistledAt: "Whistled at",
    deviceId: "Device number",
    deviceLabel: "Device name",
    householdId: "Household id",
    registeredAt: "Registered at",
    lastCallAt: "Last call at",
  },
  yes: "Yes",
  no: "No",
};
