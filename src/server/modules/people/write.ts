import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { type Actor, audited, recordAudit } from "../../platform/audit/index.ts";
import { can, inScope, type Principal } from "../../platform/auth/index.ts";
import type { Db } from "../../platform/db/index.ts";
import { badRequest, conflict, forbidden, notFound, unprocessable } from "../../platform/errors.ts";
import { pinyinSortKey } from "../../platform/i18n/pinyin.ts";
import {
  idNumberBirthDate,
  idNumberGender,
  isValidIdNumber,
  logPiiAccess,
  maskIdNumber,
  normalizeIdNumber,
  normalizeMobile,
  type PiiVault,
  revealPii,
  revealPiiMany,
} from "../../platform/pii/index.ts";
import { getResident, type presentResident, type ResidentFilter } from "./residents.ts";
import { households, residents } from "./tables.ts";

export interface NewResident {
  householdId: string;
  name: string;
  idNumber: string;
  phone?: string;
  relation: (typeof residents.$inferInsert)["relation"];
  residenceType: (typeof residents.$inferInsert)["residenceType"];
}

/** Adds a resident to a household in scope; gender and birth date come from the 身份证 number. */
export async function createResident(
  db: Db,
  vault: PiiVault,
  principal: Principal,
  actor: Actor,
  input: NewResident,
) {
  const idNumber = normalizeIdNumber(input.idNumber);
  if (!isValidIdNumber(idNumber)) {
    throw unprocessable("INVALID_ID_NUMBER", {
      field: "idNumber",
    });
  }
  const phone = input.phone ? normalizeMobile(input.phone) : null;
  if (input.phone && !phone) throw unprocessable("INVALID_PHONE", { field: "phone" });
  const id = await audited(db, actor, async (tx, audit) => {
    const [household] = await tx
      .select()
      .from(households)
      .where(
        and(
          eq(households.id, input.householdId),
          inScope(principal, "people.write", households.territoryPath),
        ),
      );
    if (!household) throw notFound("household", input.householdId);
    const idIndex = vault.blindIndex(idNumber);
    const [dup] = await tx.select({ id: residents.id }).from(residents).where(eq(residents.idIndex, idIndex));
    if (dup) throw conflict("DUPLICATE_ID_NUMBER", { residentId: dup.id });
    const row = {
      id: randomUUID(),
      householdId: household.id,
      territoryPath: household.territoryPath,
      name: input.name.trim(),
      sortKey: pinyinSortKey(input.name.trim()),
      gender: idNumberGender(idNumber),
      birthDate: idNumberBirthDate(idNumber),
      idCipher: vault.encrypt(idNumber),
      idIndex,
      idMasked: maskIdNumber(idNumber),
      phone,
      relation: input.relation,
      residenceType: input.residenceType,
    };
    await tx.insert(residents).values(row);
    const { idCipher: _c, idIndex: _i, ...shown } = row;
    await audit({ action: "people.resident.create", entity: "resident", entityId: row.id, after: shown });
    return row.id;
  });
  return getResident(db, principal, id);
}

/** The unmasked 身份证 number and phone, for a stated purpose; every call leaves an access-log row. */
export async function revealResident(
  db: Db,
  vault: PiiVault,
  principal: Principal,
  actor: Actor,
  id: string,
  purpose: string,
) {
  return audited(db, actor, async (tx, audit) => {
    const [row] = await tx
      .select({ idCipher: residents.idCipher, phone: residents.phone })
      .from(residents)
      .where(and(eq(residents.id, id), inScope(principal, "people.reveal", residents.territoryPath)));
    if (!row) throw notFound("resident", id);
    const who = { actorId: actor.userId, entity: "resident", entityId: id, purpose, ip: actor.ip };
    const idNumber = await revealPii(tx, vault, row.idCipher, { ...who, field: "idNumber" });
    if (row.phone) await logPiiAccess(tx, { ...who, field: "phone" });
    // The audit log shows that a reveal happened and why; never the values.
    const fields = row.phone ? ["idNumber", "phone"] : ["idNumber"];
    await audit({
      action: "people.resident.reveal",
      entity: "resident",
      entityId: id,
      after: { purpose, fields },
    });
    return { idNumber, phone: row.phone };
  });
}

type Resident = ReturnType<typeof presentResident>;

/**
 * An export with whole 身份证 numbers, phones and birth dates: refused without people.reveal; audited once;
 * then each page of the masked list is unmasked where the caller's people.reveal scope reaches,
 * with an access-log row for every value shown, written a page at a time before it is shown.
 */
export async function revealForExport(
  db: Db,
  vault: PiiVault,
  principal: Principal,
  actor: Actor,
  filters: ResidentFilter,
  purpose: string | undefined,
) {
  if (!can(principal, "people.reveal")) throw forbidden();
  if (!purpose) throw badRequest("PURPOSE_REQUIRED");
  // The search text may itself be an ID number or a phone: the audit row says only that there was one.
  const { q, underId, householdId, gender, residenceType } = filters;
  const exported = {
    action: "people.resident.export",
    entity: "resident",
    after: { purpose, revealed: true, filters: { underId, householdId, gender, residenceType, search: !!q } },
  };
  let first = true;
  return (items: Resident[]): Promise<Array<Resident & { birthDate: string | null }>> =>
    db.transaction(async (tx) => {
      // The export's audit row goes with its first page, so a refused export leaves none.
      if (first) await recordAudit(tx, actor, exported);
      first = false;
      if (items.length === 0) return [];
      const rows = await tx
        .select({ id: residents.id, idCipher: residents.idCipher, phone: residents.phone })
        .from(residents)
        .where(
          and(
            inArray(
              residents.id,
              items.map((r) => r.id),
            ),
            inScope(principal, "people.reveal", residents.territoryPath),
          ),
        );
      const who = (id: string, field: string) => ({
        actorId: actor.userId,
        entity: "resident",
        entityId: id,
        field,
        purpose,
        ip: actor.ip,
      });
      const idNumbers = await revealPiiMany(
        tx,
        vault,
        rows.map((r) => ({ ciphertext: r.idCipher, entry: who(r.id, "idNumber") })),
        rows.filter((r) => r.phone).map((r) => who(r.id, "phone")),
      );
      const whole = new Map(
        rows.map((r, i) => {
          const idNumber = idNumbers[i] ?? "";
          return [r.id, { idNumber, phone: r.phone, birthDate: idNumberBirthDate(idNumber) }];
        }),
      );
      return items.map((r) => ({ birthDate: null, ...r, ...whole.get(r.id) }));
    });
}
