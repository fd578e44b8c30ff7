import { sql } from "drizzle-orm";
import { type AuditEntry, recordAudits } from "../../../platform/audit/index.ts";
import { anyText, anyUuid, bulkUpdate, type Executor } from "../../../platform/db/index.ts";
import { pinyinSortKey } from "../../../platform/i18n/pinyin.ts";
import { WORDS } from "../../../platform/i18n/words.ts";
import { choices, type WriteContext } from "../../../platform/imports/index.ts";
import {
  isValidIdNumber,
  normalizeMobile,
  type PiiVault,
  upgradeIdNumber,
} from "../../../platform/pii/index.ts";
import { bulkInsertResidents } from "../bulk.ts";
import { partyMembers, type RELATIONS, type RESIDENCE_TYPES, residents } from "../tables.ts";
import type { Place, PlaceInput, Places } from "./place.ts";
import { createPlaces } from "./place-write.ts";

/**
 * What the resident importer and the party-member importer share: reading a resident from a row,
 * finding him by the blind index of his 身份证 number, and writing residents with their households.
 */

type Relation = (typeof RELATIONS)[number];
type ResidenceType = (typeof RESIDENCE_TYPES)[number];
const zh = WORDS["zh-CN"].people;

export const RELATION = choices<Relation>(zh.relations, {
  本人: "head",
  妻子: "spouse",
  丈夫: "spouse",
  妻: "spouse",
  夫: "spouse",
  儿子: "child",
  女儿: "child",
  长子: "child",
  长女: "child",
  次子: "child",
  次女: "child",
  父亲: "parent",
  母亲: "parent",
  孙子: "grandchild",
  孙女: "grandchild",
  外孙子: "grandchild",
  外孙女: "grandchild",
});
export const RESIDENCE = choices<ResidenceType>(zh.residenceTypes, {
  户籍: "registered",
  常住: "resident",
  流动: "floating",
  暂住: "floating",
  外来人口: "floating",
});

export type ResidentField = "name" | "idNumber" | "phone" | "relation" | "residenceType";
type Problem<F extends string> = (field: F, reason: string) => void;

/** 张　三 (padded to line up in a sheet) is 张三; other spacing collapses to one space (John Smith). */
export const personName = (text: string | undefined): string =>
  (text ?? "")
    .replace(/(?<=[\u3400-\u9fff])\s+(?=[\u3400-\u9fff])/g, "")
    .replace(/\s+/g, " ")
    .trim();

export const INVALID_ID = "身份证号码无效：请核对位数、出生日期和最后一位校验码";

/** The 18-digit number of a row (an old 15-digit one upgraded), or undefined with the problem reported. */
export function readIdNumber(text: string | undefined, problem: Problem<"idNumber">): string | undefined {
  if (!text) return undefined;
  const id = upgradeIdNumber(text);
  if (isValidIdNumber(id)) return id;
  problem("idNumber", INVALID_ID);
  return undefined;
}

export interface ResidentInput {
  name: string;
  idNumber: string;
  idIndex: string;
  /** Absent: keep what is registered (a new resident has none). */
  phone?: string;
  relation?: Relation;
  residenceType?: ResidenceType;
  place: Place;
}

/** A resident's fields from a row: name, phone, relation, residence type and household. */
export function readResident(
  values: Partial<Record<ResidentField, string>> & PlaceInput,
  idNumber: string,
  vault: PiiVault,
  places: Places,
  problem: Problem<ResidentField | "grid" | "compound" | "building" | "entrance" | "room" | "address">,
): ResidentInput | undefined {
  let ok = true;
  const fail = (field: Parameters<typeof problem>[0], reason: string) => {
    problem(field, reason);
    ok = false;
  };
  const name = personName(values.name);
  if (!name) fail("name", "必填项为空");
  else if (name.length > 50) fail("name", "姓名不能超过 50 个字");
  const phone = values.phone ? normalizeMobile(values.phone) : undefined;
  if (values.phone && !phone) fail("phone", `手机号码无效：${values.phone}`);
  const relation = values.relation ? RELATION.parse(values.relation) : undefined;
  if (values.relation && !relation) fail("relation", RELATION.unknown("与户主关系", values.relation));
  const residenceType = values.residenceType ? RESIDENCE.parse(values.residenceType) : undefined;
  if (values.residenceType && !residenceType)
    fail("residenceType", RESIDENCE.unknown("人口类型", values.residenceType));
  const place = places.resolve(values, fail);
  if (!ok || !place) return undefined;
  return {
    name,
    idNumber,
    idIndex: vault.blindIndex(idNumber),
    ...(phone ? { phone } : {}),
    ...(relation ? { relation } : {}),
    ...(residenceType ? { residenceType } : {}),
    place,
  };
}

export interface ExistingResident {
  id: string;
  householdId: string;
  territoryPath: string;
  name: string;
  phone: string | null;
  relation: Relation;
  residenceType: ResidenceType;
  idIndex: string;
}

/** Registered residents by the blind index of their 身份证 numbers: one query for a chunk. */
export async function residentsByIndex(
  executor: Executor,
  indexes: string[],
): Promise<Map<string, ExistingResident>> {
  if (indexes.length === 0) return new Map();
  const rows = await executor
    .select({
      id: residents.id,
      householdId: residents.householdId,
      territoryPath: residents.territoryPath,
      name: residents.name,
      phone: residents.phone,
      relation: residents.relation,
      residenceType: residents.residenceType,
      idIndex: residents.idIndex,
    })
    .from(residents)
    .where(anyText(residents.idIndex, indexes));
  return new Map(rows.map((r) => [r.idIndex, r]));
}

export const OUT_OF_SCOPE_RESIDENT = "该身份证号的居民登记在您管辖范围以外，请联系其所在社区";

export interface WrittenResidents {
  /** Every row's resident by blind index: created, updated or left as it was. */
  ids: Map<string, { id: string; territoryPath: string }>;
  created: number;
  updated: number;
  unchanged: number;
}

const CHUNK = 5000;

/**
 * Writes residents: new households first (with their nodes), then new residents in bulk
 * (encrypted, indexed, masked), then changed ones in one update per chunk, each change audited.
 * A row that says nothing new leaves its resident unchanged.
 */
export async function writeResidents(
  ctx: WriteContext,
  rows: Array<ResidentInput & { existing?: ExistingResident }>,
  written: (rows: number) => Promise<void> = ctx.progress,
): Promise<WrittenResidents> {
  const { tx } = ctx;
  const created = await createPlaces(
    tx,
    rows.flatMap((r) => (r.place.kind === "new" ? [r.place] : [])),
  );
  const homeOf = (place: Place) =>
    place.kind === "existing"
      ? { id: place.householdId, territoryPath: place.path }
      : (created.get(place.key) ?? { id: "", territoryPath: "" });
  const out: WrittenResidents = { ids: new Map(), created: 0, updated: 0, unchanged: 0 };
  const fresh = [];
  const changed: Array<Partial<typeof residents.$inferInsert> & { id: string }> = [];
  const audits: Array<[typeof ctx.actor, AuditEntry]> = [];
  for (const r of rows) {
    const home = homeOf(r.place);
    const e = r.existing;
    if (!e) {
      fresh.push({
        key: r.idIndex,
        idIndex: r.idIndex,
        householdId: home.id,
        territoryPath: home.territoryPath,
        name: r.name,
        idNumber: r.idNumber,
        phone: r.phone ?? null,
        relation: r.relation ?? "other",
        residenceType: r.residenceType ?? "resident",
      });
      continue;
    }
    const next = {
      householdId: home.id,
      territoryPath: home.territoryPath,
      name: r.name,
      phone: r.phone ?? e.phone,
      relation: r.relation ?? e.relation,
      residenceType: r.residenceType ?? e.residenceType,
    };
    out.ids.set(r.idIndex, { id: e.id, territoryPath: next.territoryPath });
    const { idIndex: _index, ...before } = e;
    if ((Object.keys(next) as Array<keyof typeof next>).every((k) => next[k] === e[k])) {
      out.unchanged++;
      continue;
    }
    changed.push({ id: e.id, ...next, sortKey: pinyinSortKey(next.name) });
    audits.push([
      ctx.actor,
      { action: "people.resident.update", entity: "resident", entityId: e.id, before, after: next },
    ]);
  }
  for (let i = 0; i < fresh.length; i += CHUNK) {
    const ids = await bulkInsertResidents(tx, ctx.vault, fresh.slice(i, i + CHUNK));
    for (const r of fresh.slice(i, i + CHUNK))
      out.ids.set(r.key, { id: ids.get(r.key) ?? "", territoryPath: r.territoryPath });
    await written(Math.min(i + CHUNK, fresh.length));
  }
  out.created = fresh.length;
  await bulkUpdate(tx, residents, "id", changed);
  out.updated = changed.length;
  // A member's row keeps a copy of his home's path: it follows him when he moves.
  const moved = changed.map((c) => c.id);
  if (moved.length > 0)
    await tx.execute(sql`update ${partyMembers} pm set territory_path = r.territory_path
      from ${residents} r where pm.resident_id = r.id and ${anyUuid(sql`r.id`, moved)}
      and pm.territory_path <> r.territory_path`);
  await recordAudits(tx, audits);
  return out;
}
