import { randomUUID } from "node:crypto";
import { type AuditEntry, recordAudits } from "../../../platform/audit/index.ts";
import { anyUuid, bulkInsert, bulkUpdate, type Executor } from "../../../platform/db/index.ts";
import { WORDS } from "../../../platform/i18n/words.ts";
import { choices, type ImportColumn, type SheetImporter } from "../../../platform/imports/index.ts";
import { orgsByNames, unitsByRefs } from "../../org/index.ts";
import { type MemberCategory, partyMembers } from "../tables.ts";
import { PLACE_COLUMNS, type PlaceField, Places } from "./place.ts";
import {
  type ExistingResident,
  OUT_OF_SCOPE_RESIDENT,
  personName,
  type ResidentInput,
  readIdNumber,
  readResident,
  residentsByIndex,
  writeResidents,
} from "./resident-rows.ts";
import { ID_COLUMN, NAME_COLUMN, PHONE_COLUMN } from "./residents.ts";

type Field = "name" | "idNumber" | "phone" | "category" | "org" | "workUnit" | "joinedOn" | PlaceField;

export const CATEGORY = choices<MemberCategory>(WORDS["zh-CN"].people.categories, {
  居民: "resident",
  在职: "inService",
  退休: "retired",
  离退休: "retired",
  流动: "mobile",
});

const COLUMNS: ImportColumn<Field>[] = [
  { ...NAME_COLUMN, required: false, note: "已登记的居民可不填；填写时须与登记的姓名一致" },
  ID_COLUMN,
  {
    field: "category",
    header: "党员类别",
    synonyms: ["类别", "党员类型"],
    required: true,
    list: CATEGORY.list,
    example: "在职党员",
  },
  {
    field: "org",
    header: "所属党组织",
    synonyms: ["党组织", "所在党支部", "党支部", "组织关系所在党组织"],
    required: true,
    example: "红旗社区党委",
    note: "党组织全称，须在您的管辖范围内",
  },
  {
    field: "workUnit",
    header: "工作单位",
    synonyms: ["单位", "所在单位", "工作单位名称"],
    example: "",
    note: "在职党员的单位：单位全称或统一社会信用代码（须已登记为共建单位）",
  },
  {
    field: "joinedOn",
    header: "入党日期",
    synonyms: ["入党时间", "入党年月"],
    kind: "date",
    example: "2005-07-01",
    note: "如 2005-07-01、2005/7/1、2005年7月1日，或 Excel 日期",
  },
  { ...PHONE_COLUMN, note: "尚未登记为居民时填写，与下列住址一起登记该居民" },
  ...PLACE_COLUMNS,
];

interface Row {
  row: number;
  idIndex: string;
  category: MemberCategory;
  orgId: string;
  workUnitId?: string;
  joinedOn?: string;
  /** The registered resident, or the one to register from the row. */
  resident: { existing: ExistingResident } | { input: ResidentInput };
  member?: typeof partyMembers.$inferSelect;
}

async function membersOf(executor: Executor, residentIds: string[]) {
  if (residentIds.length === 0) return new Map<string, typeof partyMembers.$inferSelect>();
  const rows = await executor
    .select()
    .from(partyMembers)
    .where(anyUuid(partyMembers.residentId, residentIds));
  return new Map(rows.map((m) => [m.residentId, m]));
}

/**
 * Party members of the four categories. A member is a resident: one already registered (by the
 * blind index of his 身份证 number), or registered from the same row (name, grid and household).
 * Upsert by resident: one membership each, updated when the row says something new.
 */
export const partyMembersImporter: SheetImporter<Field, Row> = {
  kind: "partyMembers",
  source: "sheet",
  permission: "people.write",
  label: { "zh-CN": "党员", en: "Party members" },
  rank: 2,
  sheet: "党员",
  columns: COLUMNS,
  notes: [
    "每行一名党员；已登记为居民的只需身份证号、党员类别和所属党组织。",
    "尚未登记的，请同时填写姓名、所属网格和楼栋门牌号（或已登记住户的住址），将一并登记为居民。",
    "按身份证号更新已导入的党员；任何一行有问题时整个文件都不会导入。",
  ],
  checker(ctx) {
    const places = new Places(ctx.executor, ctx.covers);
    const firstRow = new Map<string, number>();
    return {
      async check(records) {
        const orgNames = [...new Set(records.flatMap((r) => (r.values.org ? [r.values.org] : [])))];
        const unitRefs = [...new Set(records.flatMap((r) => (r.values.workUnit ? [r.values.workUnit] : [])))];
        const [orgs, unitList] = await Promise.all([
          orgsByNames(ctx.executor, ctx.principal, orgNames),
          unitsByRefs(ctx.executor, unitRefs),
        ]);
        const idsOf = records.map((r) => {
          const problem = (field: Field, reason: string) => ctx.problem(r.row, field, reason);
          const id = readIdNumber(r.values.idNumber, problem);
          return id ? { id, idIndex: ctx.vault.blindIndex(id) } : undefined;
        });
        const existing = await residentsByIndex(
          ctx.executor,
          idsOf.flatMap((x) => (x ? [x.idIndex] : [])),
        );
        // Only rows that register a resident need their household found.
        await places.prepare(
          records.filter((_, i) => !existing.has(idsOf[i]?.idIndex ?? "")).map((r) => r.values),
        );
        const read: Row[] = [];
        records.forEach(({ row, values }, i) => {
          const ids = idsOf[i];
          if (!ids) return;
          let ok = true;
          // Resident fields this sheet has no column for (relation) are never reported on.
          const problem = (field: Field | "relation" | "residenceType", reason: string) => {
            ctx.problem(row, field as Field, reason);
            ok = false;
          };
          const category = values.category ? CATEGORY.parse(values.category) : undefined;
          if (values.category && !category)
            problem("category", CATEGORY.unknown("党员类别", values.category));
          const orgMatches = orgs.filter((o) => o.name === values.org);
          if (orgMatches.length === 0) problem("org", `找不到党组织“${values.org}”，或不在您的管辖范围内`);
          else if (orgMatches.length > 1)
            problem("org", `有多个名为“${values.org}”的党组织，请联系管理员区分`);
          const unitMatches = values.workUnit
            ? unitList.filter((u) => u.name === values.workUnit || u.uscc === values.workUnit)
            : [];
          if (values.workUnit && unitMatches.length !== 1)
            problem(
              "workUnit",
              unitMatches.length === 0
                ? `找不到单位“${values.workUnit}”：请填写已登记单位的全称或统一社会信用代码`
                : `有多个名为“${values.workUnit}”的单位，请填写统一社会信用代码`,
            );
          const registered = existing.get(ids.idIndex);
          let resident: Row["resident"] | undefined;
          if (registered) {
            if (!ctx.covers(registered.territoryPath)) problem("idNumber", OUT_OF_SCOPE_RESIDENT);
            const name = personName(values.name);
            if (name && name !== registered.name)
              problem("name", `与该身份证号登记的居民姓名“${registered.name}”不一致`);
            resident = { existing: registered };
          } else if (!values.name && !values.grid) {
            problem("idNumber", "该身份证号尚未登记为居民：请先导入居民，或在本表填写姓名、所属网格和住址");
          } else {
            const input = readResident(values, ids.id, ctx.vault, places, problem);
            if (input) resident = { input };
          }
          const first = firstRow.get(ids.idIndex);
          if (first !== undefined) {
            problem("idNumber", `与第 ${first} 行的身份证号重复`);
            ctx.problem(first, "idNumber", `与第 ${row} 行的身份证号重复`);
          } else firstRow.set(ids.idIndex, row);
          const org = orgMatches[0];
          if (!ok || !resident || !category || !org || orgMatches.length > 1) return;
          read.push({
            row,
            idIndex: ids.idIndex,
            category,
            orgId: org.id,
            ...(unitMatches[0] ? { workUnitId: unitMatches[0].id } : {}),
            ...(values.joinedOn ? { joinedOn: values.joinedOn } : {}),
            resident,
          });
        });
        const members = await membersOf(
          ctx.executor,
          read.flatMap((r) => ("existing" in r.resident ? [r.resident.existing.id] : [])),
        );
        for (const r of read) if ("existing" in r.resident) r.member = members.get(r.resident.existing.id);
        return read;
      },
    };
  },
  async write(ctx, rows) {
    const registered = await writeResidents(
      ctx,
      rows.flatMap((r) => ("input" in r.resident ? [r.resident.input] : [])),
      async () => {},
    );
    const homeOf = (r: Row) =>
      "existing" in r.resident
        ? { id: r.resident.existing.id, territoryPath: r.resident.existing.territoryPath }
        : registered.ids.get(r.idIndex);
    const fresh: Array<typeof partyMembers.$inferInsert> = [];
    const changed: Array<Partial<typeof partyMembers.$inferInsert> & { id: string }> = [];
    const audits: Array<[typeof ctx.actor, AuditEntry]> = [];
    let unchanged = 0;
    for (const r of rows) {
      const home = homeOf(r);
      if (!home) throw new Error(`resident of row ${r.row} missing`);
      const m = r.member;
      const next = {
        territoryPath: home.territoryPath,
        category: r.category,
        orgId: r.orgId,
        workUnitId: r.workUnitId ?? m?.workUnitId ?? null,
        joinedOn: r.joinedOn ?? m?.joinedOn ?? null,
      };
      if (!m) {
        fresh.push({ id: randomUUID(), residentId: home.id, ...next });
        continue;
      }
      if ((Object.keys(next) as Array<keyof typeof next>).every((k) => next[k] === m[k])) {
        unchanged++;
        continue;
      }
      changed.push({ id: m.id, ...next });
      audits.push([
        ctx.actor,
        { action: "people.member.update", entity: "party_member", entityId: m.id, before: m, after: next },
      ]);
    }
    await bulkInsert(ctx.tx, partyMembers, fresh);
    await bulkUpdate(ctx.tx, partyMembers, "id", changed);
    await recordAudits(ctx.tx, audits);
    await ctx.progress(rows.length);
    return {
      created: fresh.length,
      updated: changed.length,
      unchanged,
      residentsCreated: registered.created,
    };
  },
};
