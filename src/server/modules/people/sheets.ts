import type { ItemOf, ListSheet } from "../../platform/http/export.ts";
import { type Words, wordFor } from "../../platform/i18n/words.ts";
import type { Column } from "../../platform/xlsx/index.ts";
import type { listPiiAccess } from "./access-log/service.ts";
import type { listHouseholds, listPartyMembers, listStaff } from "./directory.ts";
import type { listResidents } from "./residents.ts";

/** The lists of the people module as spreadsheets: the page's columns, codes in words. */
export const householdSheet: ListSheet<ItemOf<typeof listHouseholds>> = {
  key: "households",
  columns: (w) => [
    { header: w.households.address, width: 48, value: (h) => h.address },
    { header: w.households.members, width: 8, value: (h) => h.members },
    { header: w.households.head, width: 10, value: (h) => h.head },
  ],
};

type Resident = ItemOf<typeof listResidents>;
type RevealedResident = Resident & { birthDate: string | null };

/** The residents' columns; the birth date only beside whole numbers (see maskIdNumber). */
const residentColumns = <R extends Resident>(w: Words, birthDate?: Column<R>): Column<R>[] => [
  { header: w.people.name, width: 12, value: (r) => r.name },
  { header: w.people.gender, width: 6, value: (r) => w.people.genders[r.gender] },
  ...(birthDate ? [birthDate] : []),
  { header: w.people.age, width: 6, value: (r) => r.age },
  { header: w.people.idNumber, width: 22, value: (r) => r.idNumber },
  { header: w.people.phone, width: 14, value: (r) => r.phone },
  { header: w.people.relation, width: 12, value: (r) => w.people.relations[r.relation] },
  { header: w.people.residenceType, width: 10, value: (r) => w.people.residenceTypes[r.residenceType] },
  { header: w.people.address, width: 48, value: (r) => r.address },
];

export const residentSheet: ListSheet<Resident> = { key: "residents", columns: (w) => residentColumns(w) };

/** With whole numbers (reveal): the birth date too, read from the whole number. */
export const revealedResidentSheet: ListSheet<RevealedResident> = {
  key: "residents",
  columns: (w) =>
    residentColumns<RevealedResident>(w, {
      header: w.export.columns.birthDate,
      width: 12,
      value: (r) => r.birthDate,
      format: "date",
    }),
};

export const partyMemberSheet: ListSheet<ItemOf<typeof listPartyMembers>> = {
  key: "partyMembers",
  columns: (w) => [
    { header: w.people.name, width: 12, value: (m) => m.name },
    { header: w.people.gender, width: 6, value: (m) => w.people.genders[m.gender] },
    { header: w.people.age, width: 6, value: (m) => m.age },
    { header: w.people.category, width: 12, value: (m) => w.people.categories[m.category] },
    { header: w.people.phone, width: 14, value: (m) => m.phone },
    { header: w.people.joinedOn, width: 12, value: (m) => m.joinedOn, format: "date" },
  ],
};

/** Grid staff with their whole phones: 三亮 makes them public (see listStaff). */
export const staffSheet: ListSheet<ItemOf<typeof listStaff>> = {
  key: "staff",
  columns: (w) => [
    { header: w.people.role, width: 10, value: (s) => w.people.staffRoles[s.role] },
    { header: w.people.name, width: 12, value: (s) => s.name },
    { header: w.people.phone, width: 14, value: (s) => s.phone },
    { header: w.people.duty, width: 14, value: (s) => (s.duty ? w.people.duties[s.duty] : null) },
    { header: w.people.employment, width: 8, value: (s) => w.people.employments[s.employment] },
    {
      header: w.export.columns.partTimeKind,
      width: 12,
      value: (s) => wordFor(w.people.partTimeKinds, s.partTimeKind),
    },
    { header: w.people.servedHouseholds, width: 10, value: (s) => s.households },
  ],
};

/** Who read residents' unmasked data: the reader with his posts, the resident masked, the field in words. */
export const piiAccessSheet: ListSheet<ItemOf<typeof listPiiAccess>> = {
  key: "piiAccess",
  columns: (w) => [
    { header: w.piiAccess.time, width: 17, value: (e) => e.at, format: "datetime" },
    { header: w.piiAccess.reader, width: 12, value: (e) => (e.actorId ? e.actorName : w.piiAccess.system) },
    {
      header: w.people.role,
      width: 24,
      value: (e) => e.actorRoles.map((r) => `${w.roles[r.role]} · ${r.nodeName}`).join("；") || null,
    },
    { header: w.piiAccess.person, width: 10, value: (e) => e.residentName },
    { header: w.piiAccess.field, width: 12, value: (e) => wordFor(w.piiAccess.fields, e.field) },
    { header: w.piiAccess.purpose, width: 24, value: (e) => e.purpose },
    { header: w.piiAccess.ip, width: 16, value: (e) => e.ip },
  ],
};
