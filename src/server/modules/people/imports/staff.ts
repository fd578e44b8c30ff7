import { type AuditEntry, recordAudits } from "../../../platform/audit/index.ts";
import { anyText, bulkUpdate } from "../../../platform/db/index.ts";
import { pinyinSortKey } from "../../../platform/i18n/pinyin.ts";
import { WORDS } from "../../../platform/i18n/words.ts";
import { choices, type ImportColumn, type SheetImporter } from "../../../platform/imports/index.ts";
import { normalizeMobile } from "../../../platform/pii/index.ts";
import { bulkInsertStaff } from "../bulk.ts";
import { type StaffRole, staff } from "../tables.ts";
import { PLACE_COLUMNS, Places } from "./place.ts";
import { personName } from "./resident-rows.ts";
import { NAME_COLUMN, PHONE_COLUMN } from "./residents.ts";

type Field =
  | "name"
  | "phone"
  | "role"
  | "grid"
  | "compound"
  | "building"
  | "entrance"
  | "duty"
  | "employment"
  | "partTimeKind"
  | "duties";
type Employment = "fullTime" | "partTime";
type PartTimeKind = "courier" | "rider" | "property" | "volunteer";

const zh = WORDS["zh-CN"].people;
const ROLE = choices<StaffRole>(zh.staffRoles, {
  专职网格员: "gridWorker",
  兼职网格员: "gridWorker",
  楼长: "buildingHead",
  楼栋长: "buildingHead",
  单元长: "entranceHead",
  联户长: "liaison",
  党员中心户: "liaison",
});
const DUTY = choices<"A" | "B">(zh.duties, { A: "A", B: "B", 坐班: "A", 巡格: "B", A岗: "A", B岗: "B" });
const EMPLOYMENT = choices<Employment>(zh.employments, { 全职: "fullTime", 专职人员: "fullTime" });
const PART_TIME_KIND = choices<PartTimeKind>(zh.partTimeKinds, {
  快递: "courier",
  快递小哥: "courier",
  外卖: "rider",
  骑手: "rider",
  物业: "property",
});

/** Where each role serves: grid staff and liaisons a grid, heads their building or entrance. */
const SERVES: Record<StaffRole, "grid" | "building" | "entrance"> = {
  gridLeader: "grid",
  gridWorker: "grid",
  liaison: "grid",
  buildingHead: "building",
  entranceHead: "entrance",
};

const place = (field: "grid" | "compound" | "building" | "entrance") => {
  const c = PLACE_COLUMNS.find((p) => p.field === field);
  if (!c) throw new Error(`no place column ${field}`);
  return c as ImportColumn<Field>;
};

const COLUMNS: ImportColumn<Field>[] = [
  NAME_COLUMN,
  { ...PHONE_COLUMN, required: true },
  {
    field: "role",
    header: "职务",
    synonyms: ["角色", "岗位类别", "人员类别"],
    required: true,
    list: ROLE.list,
    example: "网格员",
  },
  {
    ...place("grid"),
    required: true,
    note: "所在网格；楼栋长、单元长另填小区、楼栋（单元），须为已登记的楼栋",
  },
  { ...place("compound"), example: "" },
  { ...place("building"), example: "", note: "楼栋长、单元长必填" },
  { ...place("entrance"), example: "", note: "单元长必填" },
  {
    field: "duty",
    header: "A/B岗",
    synonyms: ["岗位", "AB岗"],
    list: DUTY.list,
    example: "B岗（巡格）",
    note: "网格员填写",
  },
  {
    field: "employment",
    header: "专兼职",
    synonyms: ["专职/兼职", "用工性质"],
    list: EMPLOYMENT.list,
    example: "专职",
    note: "不填时网格长、网格员为专职，其他为兼职",
  },
  {
    field: "partTimeKind",
    header: "兼职类型",
    synonyms: ["兼职身份"],
    list: PART_TIME_KIND.list,
    example: "",
    note: "兼职网格员填写",
  },
  {
    field: "duties",
    header: "职责",
    synonyms: ["工作职责", "职责说明"],
    example: "负责本网格巡查、民情收集",
    width: 30,
  },
];

interface Row {
  row: number;
  role: StaffRole;
  node: { id: string; path: string };
  name: string;
  phone: string;
  duty: "A" | "B" | null;
  employment: Employment;
  partTimeKind: PartTimeKind | null;
  duties?: string;
  existing?: typeof staff.$inferSelect;
}

/**
 * Grid leaders and workers, building and entrance heads, household liaisons. Upsert by phone,
 * role and place: the same person in the same post is updated, not added twice.
 */
export const staffImporter: SheetImporter<Field, Row> = {
  kind: "staff",
  source: "sheet",
  permission: "people.write",
  label: { "zh-CN": "网格力量", en: "Grid staff" },
  rank: 3,
  sheet: "网格力量",
  columns: COLUMNS,
  notes: [
    "每行一人一个职务；同一手机号在同一网格（楼栋、单元）的同一职务再次导入时更新，不会重复登记。",
    "任何一行有问题时整个文件都不会导入，请按报告修改后重新上传。",
  ],
  checker(ctx) {
    const places = new Places(ctx.executor, ctx.covers);
    const firstRow = new Map<string, number>();
    return {
      async check(records) {
        await places.prepare(records.map((r) => r.values));
        const read: Row[] = [];
        for (const { row, values: v } of records) {
          let ok = true;
          const problem = (field: Field | "room" | "address", reason: string) => {
            ctx.problem(row, field as Field, reason);
            ok = false;
          };
          const name = personName(v.name);
          if (name.length > 50) problem("name", "姓名不能超过 50 个字");
          const phone = v.phone ? normalizeMobile(v.phone) : null;
          if (v.phone && !phone) problem("phone", `手机号码无效：${v.phone}`);
          const role = v.role ? ROLE.parse(v.role) : undefined;
          if (v.role && !role) problem("role", ROLE.unknown("职务", v.role));
          const duty = v.duty ? (DUTY.parse(v.duty) ?? null) : null;
          if (v.duty && !duty) problem("duty", DUTY.unknown("A/B岗", v.duty));
          if (duty && role && role !== "gridWorker") problem("duty", "只有网格员分 A/B 岗");
          const partTimeKind = v.partTimeKind ? (PART_TIME_KIND.parse(v.partTimeKind) ?? null) : null;
          if (v.partTimeKind && !partTimeKind)
            problem("partTimeKind", PART_TIME_KIND.unknown("兼职类型", v.partTimeKind));
          const stated = v.employment ? EMPLOYMENT.parse(v.employment) : undefined;
          if (v.employment && !stated) problem("employment", EMPLOYMENT.unknown("专兼职", v.employment));
          // 兼职网格员 in the role column, or a part-time kind, says part-time too.
          const partTimeWorker = /兼职/.test(v.role ?? "") || partTimeKind !== null;
          const employment: Employment =
            stated ??
            (role && (role === "gridLeader" || role === "gridWorker") && !partTimeWorker
              ? "fullTime"
              : "partTime");
          if (partTimeKind && employment === "fullTime") problem("partTimeKind", "专职人员不填兼职类型");
          const grid = places.grid(v.grid, problem);
          const serves = role ? SERVES[role] : "grid";
          const node =
            grid && (serves === "grid" ? grid : places.building(grid, v, problem, serves === "entrance"));
          if (!ok || !role || !phone || !node) continue;
          const key = `${phone}|${role}|${node.id}`;
          const first = firstRow.get(key);
          if (first !== undefined) {
            problem("phone", `与第 ${first} 行重复：同一人在同一处的同一职务`);
            ctx.problem(first, "phone", `与第 ${row} 行重复：同一人在同一处的同一职务`);
            continue;
          }
          firstRow.set(key, row);
          read.push({
            row,
            role,
            node: { id: node.id, path: node.path },
            name,
            phone,
            duty,
            employment,
            partTimeKind: employment === "partTime" ? partTimeKind : null,
            ...(v.duties ? { duties: v.duties } : {}),
          });
        }
        const phones = [...new Set(read.map((r) => r.phone))];
        const existing = phones.length
          ? await ctx.executor.select().from(staff).where(anyText(staff.phone, phones))
          : [];
        for (const r of read)
          r.existing = existing.find(
            (s) => s.phone === r.phone && s.role === r.role && s.nodeId === r.node.id,
          );
        return read;
      },
    };
  },
  async write(ctx, rows) {
    const fresh = rows.filter((r) => !r.existing);
    const changed: Array<Partial<typeof staff.$inferInsert> & { id: string }> = [];
    const audits: Array<[typeof ctx.actor, AuditEntry]> = [];
    for (const r of rows) {
      const e = r.existing;
      if (!e) continue;
      const next = {
        name: r.name,
        duty: r.duty,
        employment: r.employment,
        partTimeKind: r.partTimeKind,
        duties: r.duties ?? e.duties,
      };
      if ((Object.keys(next) as Array<keyof typeof next>).every((k) => next[k] === e[k])) continue;
      changed.push({ id: e.id, ...next, sortKey: pinyinSortKey(r.name) });
      audits.push([
        ctx.actor,
        { action: "people.staff.update", entity: "staff", entityId: e.id, before: e, after: next },
      ]);
    }
    await bulkInsertStaff(
      ctx.tx,
      fresh.map((r) => ({
        role: r.role,
        nodeId: r.node.id,
        territoryPath: r.node.path,
        name: r.name,
        phone: r.phone,
        ...(r.duty ? { duty: r.duty } : {}),
        employment: r.employment,
        ...(r.partTimeKind ? { partTimeKind: r.partTimeKind } : {}),
        ...(r.duties ? { duties: r.duties } : {}),
      })),
    );
    await bulkUpdate(ctx.tx, staff, "id", changed);
    await recordAudits(ctx.tx, audits);
    await ctx.progress(rows.length);
    return {
      created: fresh.length,
      updated: changed.length,
      unchanged: rows.length - fresh.length - changed.length,
    };
  },
};
