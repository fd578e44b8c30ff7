import { randomUUID } from "node:crypto";
import { bulkInsert, type Executor } from "../../platform/db/index.ts";
import { pinyinSortKey } from "../../platform/i18n/pinyin.ts";
import {
  idNumberBirthDate,
  idNumberGender,
  maskIdNumber,
  normalizeIdNumber,
  type PiiVault,
} from "../../platform/pii/index.ts";
import {
  households,
  liaisonHouseholds,
  type MemberCategory,
  type MemberPairingKind,
  memberHouseholds,
  partyMembers,
  residents,
  type StaffRole,
  staff,
} from "./tables.ts";

/** Bulk writes for the demo district and spreadsheet imports: ids made here, one statement per chunk. */
export async function bulkInsertHouseholds(
  executor: Executor,
  rows: Array<{ key: string; nodeId: string; territoryPath: string; address: string }>,
): Promise<Map<string, { id: string; territoryPath: string }>> {
  const ids = new Map<string, { id: string; territoryPath: string }>();
  const values = rows.map((r) => {
    const id = randomUUID();
    ids.set(r.key, { id, territoryPath: r.territoryPath });
    return { id, nodeId: r.nodeId, territoryPath: r.territoryPath, address: r.address };
  });
  await bulkInsert(executor, households, values);
  return ids;
}

export interface BulkResident {
  key: string;
  householdId: string;
  territoryPath: string;
  name: string;
  idNumber: string;
  /** Its blind index when the caller has it already (imports look residents up by it). */
  idIndex?: string;
  phone: string | null;
  relation: (typeof residents.$inferInsert)["relation"];
  residenceType: (typeof residents.$inferInsert)["residenceType"];
}

export async function bulkInsertResidents(
  executor: Executor,
  vault: PiiVault,
  rows: BulkResident[],
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const values = rows.map((r) => {
    const id = randomUUID();
    ids.set(r.key, id);
    const idNumber = normalizeIdNumber(r.idNumber);
    return {
      id,
      householdId: r.householdId,
      territoryPath: r.territoryPath,
      name: r.name,
      sortKey: pinyinSortKey(r.name),
      gender: idNumberGender(idNumber),
      birthDate: idNumberBirthDate(idNumber),
      idCipher: vault.encrypt(idNumber),
      idIndex: r.idIndex ?? vault.blindIndex(idNumber),
      idMasked: maskIdNumber(idNumber),
      phone: r.phone,
      relation: r.relation,
      residenceType: r.residenceType,
    };
  });
  await bulkInsert(executor, residents, values);
  return ids;
}

/** Returns the members' ids by the caller's keys. */
export async function bulkInsertPartyMembers(
  executor: Executor,
  rows: Array<{
    key: string;
    residentId: string;
    territoryPath: string;
    category: MemberCategory;
    orgId: string;
    workUnitId?: string;
    joinedOn: string;
  }>,
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const values = rows.map(({ key, ...r }) => {
    const id = randomUUID();
    ids.set(key, id);
    return { id, ...r, workUnitId: r.workUnitId ?? null };
  });
  await bulkInsert(executor, partyMembers, values);
  return ids;
}

/** 包保 / 1+1带N: households paired with party members. */
export async function bulkInsertMemberHouseholds(
  executor: Executor,
  rows: Array<{ memberId: string; householdId: string; kind: MemberPairingKind; createdAt?: Date }>,
): Promise<void> {
  await bulkInsert(executor, memberHouseholds, rows);
}

export interface BulkStaff {
  role: StaffRole;
  nodeId: string;
  territoryPath: string;
  name: string;
  phone: string;
  duty?: "A" | "B";
  employment: "fullTime" | "partTime";
  partTimeKind?: string;
  residentId?: string;
  householdIds?: string[];
  duties?: string;
}

export async function bulkInsertStaff(executor: Executor, rows: BulkStaff[]): Promise<void> {
  const links: Array<{ staffId: string; householdId: string }> = [];
  const values = rows.map(({ householdIds, ...r }) => {
    const id = randomUUID();
    for (const householdId of householdIds ?? []) links.push({ staffId: id, householdId });
    return {
      id,
      ...r,
      sortKey: pinyinSortKey(r.name),
      duty: r.duty ?? null,
      partTimeKind: r.partTimeKind ?? null,
      residentId: r.residentId ?? null,
      duties: r.duties ?? null,
    };
  });
  await bulkInsert(executor, staff, values);
  await bulkInsert(executor, liaisonHouseholds, links);
}
