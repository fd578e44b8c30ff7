import { and, asc, count, eq, ilike, type SQL } from "drizzle-orm";
import type { Principal } from "../../platform/auth/index.ts";
import type { Db } from "../../platform/db/index.ts";
import { likePattern } from "../../platform/db/index.ts";
import { notFound } from "../../platform/errors.ts";
import { type Paging, pageWindow } from "../../platform/http/paging.ts";
import {
  isValidIdNumber,
  maskIdNumber,
  maskPhone,
  normalizeIdNumber,
  normalizeMobile,
  type PiiVault,
} from "../../platform/pii/index.ts";
import { ageOn, householdInScope, scopedTo } from "./scope.ts";
import { households, residents } from "./tables.ts";

export interface ResidentFilter extends Paging {
  /** A name (part of it), an 11-digit phone, or a whole 身份证 number (exact, through the blind index). */
  q?: string;
  underId?: string;
  householdId?: string;
  gender?: "male" | "female";
  residenceType?: (typeof residents.$inferSelect)["residenceType"];
}

const columns = {
  id: residents.id,
  householdId: residents.householdId,
  name: residents.name,
  gender: residents.gender,
  birthDate: residents.birthDate,
  idMasked: residents.idMasked,
  phone: residents.phone,
  relation: residents.relation,
  residenceType: residents.residenceType,
  address: households.address,
};
type Row = Omit<
  typeof residents.$inferSelect,
  "territoryPath" | "sortKey" | "idCipher" | "idIndex" | "createdAt"
> & {
  address: string;
};

/**
 * Lists and details show masked values only: 身份证 as 36**************34, phones as 138****0001;
 * and the age, not the birth date, which would give the number back (see maskIdNumber).
 */
export const presentResident = (r: Row) => ({
  id: r.id,
  householdId: r.householdId,
  name: r.name,
  gender: r.gender,
  age: ageOn(r.birthDate),
  // Masked again: rows stored under the older, longer mask come out under today's rule.
  idNumber: maskIdNumber(r.idMasked),
  phone: maskPhone(r.phone),
  relation: r.relation,
  residenceType: r.residenceType,
  address: r.address,
});

/** What `q` means: an exact ID number, an exact phone, or part of a name. */
export function searchCondition(vault: PiiVault, q: string): SQL {
  const id = normalizeIdNumber(q);
  if (isValidIdNumber(id)) return eq(residents.idIndex, vault.blindIndex(id));
  const phone = normalizeMobile(q);
  if (phone) return eq(residents.phone, phone);
  return ilike(residents.name, likePattern(q.trim())) as SQL;
}

export async function listResidents(db: Db, vault: PiiVault, principal: Principal, f: ResidentFilter) {
  const conditions = await scopedTo(db, principal, "people.read", residents.territoryPath, f.underId);
  if (f.q) conditions.push(searchCondition(vault, f.q));
  // A household outside the scope is not found, as by its id; its residents are not an empty page.
  if (f.householdId)
    conditions.push(eq(residents.householdId, (await householdInScope(db, principal, f.householdId)).id));
  if (f.gender) conditions.push(eq(residents.gender, f.gender));
  if (f.residenceType) conditions.push(eq(residents.residenceType, f.residenceType));
  const where = and(...conditions);
  const { limit, offset } = pageWindow(f);
  const [rows, [total]] = await Promise.all([
    db
      .select(columns)
      .from(residents)
      .innerJoin(households, eq(households.id, residents.householdId))
      .where(where)
      .orderBy(asc(residents.sortKey), asc(residents.id))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(residents).where(where),
  ]);
  return { items: rows.map(presentResident), total: total?.n ?? 0 };
}

export async function getResident(db: Db, principal: Principal, id: string) {
  const conditions = await scopedTo(db, principal, "people.read", residents.territoryPath);
  const [row] = await db
    .select(columns)
    .from(residents)
    .innerJoin(households, eq(households.id, residents.householdId))
    .where(and(eq(residents.id, id), ...conditions));
  if (!row) throw notFound("resident", id);
  return presentResident(row);
}
