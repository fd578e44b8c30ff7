import type { ImportColumn, SheetImporter } from "../../../platform/imports/index.ts";
import { PLACE_COLUMNS, type PlaceField, Places } from "./place.ts";
import {
  type ExistingResident,
  OUT_OF_SCOPE_RESIDENT,
  RELATION,
  RESIDENCE,
  type ResidentField,
  type ResidentInput,
  readIdNumber,
  readResident,
  residentsByIndex,
  writeResidents,
} from "./resident-rows.ts";

type Field = ResidentField | PlaceField;
type Row = ResidentInput & { row: number; existing?: ExistingResident };

export const ID_COLUMN: ImportColumn<"idNumber"> = {
  field: "idNumber",
  header: "身份证号",
  synonyms: ["身份证号码", "公民身份号码", "证件号码", "身份证", "身份证件号码"],
  required: true,
  kind: "idNumber",
  example: "360731198506120028",
  width: 22,
  note: "18 位（15 位旧号自动升位）；请保持该列为文本格式，否则 Excel 会把末几位变成 0",
};
export const NAME_COLUMN: ImportColumn<"name"> = {
  field: "name",
  header: "姓名",
  synonyms: ["居民姓名", "人员姓名"],
  required: true,
  example: "王小明",
};
export const PHONE_COLUMN: ImportColumn<"phone"> = {
  field: "phone",
  header: "手机号",
  synonyms: ["手机号码", "联系电话", "电话", "手机", "联系方式"],
  example: "13912345678",
  width: 15,
};

const COLUMNS: ImportColumn<Field>[] = [
  NAME_COLUMN,
  ID_COLUMN,
  PHONE_COLUMN,
  {
    field: "relation",
    header: "与户主关系",
    synonyms: ["户主关系", "关系"],
    list: RELATION.list,
    example: "户主",
    note: "新登记的居民不填视为“其他”；已登记的不填则不改",
  },
  {
    field: "residenceType",
    header: "人口类型",
    synonyms: ["居住类型", "户籍类型", "人员类型"],
    list: RESIDENCE.list,
    example: "户籍人口",
    note: "新登记的居民不填视为“常住人口”；已登记的不填则不改",
  },
  ...PLACE_COLUMNS.map((c) => (c.field === "grid" ? { ...c, required: true } : c)),
];

/**
 * Residents and their households, one row per resident. Upsert by the blind index of the 身份证
 * number: a resident already registered (in scope) is updated when the row says something new,
 * else left unchanged; a household is found by its grid and 楼栋/单元/门牌号 (or address), or created.
 */
export const residentsImporter: SheetImporter<Field, Row> = {
  kind: "residents",
  source: "sheet",
  permission: "people.write",
  label: { "zh-CN": "居民及住户", en: "Residents and households" },
  rank: 1,
  sheet: "居民",
  columns: COLUMNS,
  notes: [
    "每行一位居民；同一户的成员填写相同的网格、楼栋、单元和门牌号。",
    "按身份证号更新已登记的居民；同一文件再次导入不会重复登记。",
    "任何一行有问题时整个文件都不会导入，请按报告修改后重新上传。",
  ],
  checker(ctx) {
    const places = new Places(ctx.executor, ctx.covers);
    const firstRow = new Map<string, number>();
    return {
      async check(records) {
        await places.prepare(records.map((r) => r.values));
        const read: Row[] = [];
        for (const { row, values } of records) {
          const problem = (field: Field, reason: string) => ctx.problem(row, field, reason);
          const idNumber = readIdNumber(values.idNumber, problem);
          const resident = idNumber && readResident(values, idNumber, ctx.vault, places, problem);
          if (!resident) continue;
          const first = firstRow.get(resident.idIndex);
          if (first !== undefined) {
            problem("idNumber", `与第 ${first} 行的身份证号重复`);
            ctx.problem(first, "idNumber", `与第 ${row} 行的身份证号重复`);
            continue;
          }
          firstRow.set(resident.idIndex, row);
          read.push({ ...resident, row });
        }
        const existing = await residentsByIndex(
          ctx.executor,
          read.map((r) => r.idIndex),
        );
        return read.filter((r) => {
          const e = existing.get(r.idIndex);
          if (e && !ctx.covers(e.territoryPath)) {
            ctx.problem(r.row, "idNumber", OUT_OF_SCOPE_RESIDENT);
            return false;
          }
          if (e) r.existing = e;
          return true;
        });
      },
    };
  },
  async write(ctx, rows) {
    const { created, updated, unchanged } = await writeResidents(ctx, rows);
    return { created, updated, unchanged };
  },
};
