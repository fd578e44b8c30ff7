import { type AuditEntry, recordAudits } from "../../platform/audit/index.ts";
import { bulkUpdate } from "../../platform/db/index.ts";
import { pinyinSortKey } from "../../platform/i18n/pinyin.ts";
import { WORDS } from "../../platform/i18n/words.ts";
import { choices, type ImportColumn, type SheetImporter } from "../../platform/imports/index.ts";
import { bulkInsertNodes } from "./bulk.ts";
import { listGridTypes } from "./grid-types.ts";
import { districtOf, nodesByCodes, nodesByRefs, nodesByUnitCodes } from "./lookup.ts";
import type { TerritoryNode } from "./service.ts";
import { bumpGeoVersion } from "./service.ts";
import { type GridType, territoryNodes } from "./tables.ts";

type Field = "code" | "unitCode" | "name" | "gridType" | "community";

export const GRID_TYPE = choices<GridType>(WORDS["zh-CN"].territory.gridTypes, {
  片区: "area",
  片区型: "area",
  小区: "compound",
  小区型: "compound",
  楼院: "courtyard",
  楼院型: "courtyard",
  单位: "unit",
  单位型: "unit",
});

/** As the node routes accept codes: letters, digits, - and _. */
const CODE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/;
/** GB/T 30428 unit-grid code: division 6 + street 3 + community 3 + grid 3. */
const UNIT_CODE = /^\d{15}$/;

const COLUMNS: ImportColumn<Field>[] = [
  {
    field: "code",
    header: "网格编码",
    synonyms: ["编码", "网格代码", "网格编号"],
    required: true,
    example: "XG-LJ-101",
    note: "字母、数字、-、_，最长 40 位；已有的编码将更新该网格",
  },
  {
    field: "unitCode",
    header: "单元网格码",
    synonyms: ["15位单元网格码", "单元网格编码", "网格码"],
    example: "360731001001101",
    width: 18,
    note: "15 位数字：区划 6 位 + 街道 3 位 + 社区 3 位 + 网格 3 位，前 12 位须为所属社区的编码",
  },
  {
    field: "name",
    header: "网格名称",
    synonyms: ["名称", "网格名"],
    required: true,
    example: "红旗社区第十网格",
  },
  {
    field: "gridType",
    header: "网格类型",
    synonyms: ["类型"],
    required: true,
    list: GRID_TYPE.list,
    example: "小区网格",
    note: "可填写“网格类型”设置中任一启用的类型",
  },
  {
    field: "community",
    header: "所属社区",
    synonyms: ["社区", "社区编码", "所属社区编码", "社区名称"],
    required: true,
    example: "红旗社区",
    note: "社区名称或编码，须在您的管辖范围内",
  },
];

interface Row {
  row: number;
  code: string;
  unitCode?: string;
  name: string;
  gridType: string;
  community: TerritoryNode;
  existing?: TerritoryNode;
}

/**
 * Grids of communities in scope, upserted by code: a new code adds a grid under its community, a
 * known one renames or retypes it. Grids are not moved between communities by an import.
 */
export const gridsImporter: SheetImporter<Field, Row> = {
  kind: "grids",
  source: "sheet",
  permission: "territory.write",
  label: { "zh-CN": "网格", en: "Grids" },
  rank: 4,
  sheet: "网格",
  columns: COLUMNS,
  notes: [
    "每行一个网格；网格边界另以 GeoJSON 导入（导入类型“网格边界”）。",
    "任何一行有问题时整个文件都不会导入，请按报告修改后重新上传。",
  ],
  checker(ctx) {
    const codeRow = new Map<string, number>();
    const unitCodeRow = new Map<string, number>();
    // The district's active grid types, by code or name, read once per file.
    let gridTypeOf: ((text: string) => string | undefined) | undefined;
    let gridTypeNames = "";
    return {
      async check(records) {
        if (!gridTypeOf) {
          const active = await listGridTypes(ctx.executor);
          const byWord = new Map<string, string>();
          for (const t of active) {
            byWord.set(t.code.toLowerCase(), t.code);
            byWord.set(t.name, t.code);
          }
          const activeCodes = new Set(active.map((t) => t.code));
          gridTypeNames = active.map((t) => t.name).join(" / ");
          gridTypeOf = (text) => {
            const builtIn: GridType | undefined = GRID_TYPE.parse(text);
            if (builtIn && activeCodes.has(builtIn)) return builtIn;
            return byWord.get(text.trim()) ?? byWord.get(text.trim().toLowerCase());
          };
        }
        const values = (f: Field) => [...new Set(records.flatMap((r) => (r.values[f] ? [r.values[f]] : [])))];
        const [known, owners, communities] = await Promise.all([
          nodesByCodes(ctx.executor, values("code")),
          nodesByUnitCodes(ctx.executor, values("unitCode")),
          nodesByRefs(ctx.executor, "community", values("community")),
        ]);
        const read: Row[] = [];
        for (const { row, values: v } of records) {
          let ok = true;
          const problem = (field: Field, reason: string) => {
            ctx.problem(row, field, reason);
            ok = false;
          };
          const code = v.code ?? "";
          if (!CODE.test(code))
            problem("code", "网格编码只能由字母、数字、- 和 _ 组成（最长 40 位），且以字母或数字开头");
          const name = v.name ?? "";
          if (name.length > 100) problem("name", "网格名称不能超过 100 个字");
          const gridType = v.gridType ? gridTypeOf(v.gridType) : undefined;
          if (v.gridType && !gridType)
            problem("gridType", `无法识别的“网格类型”：${v.gridType}，可填：${gridTypeNames}`);
          const named = communities.filter((c) => c.code === v.community || c.name === v.community);
          const mine = named.filter((c) => ctx.covers(c.path));
          const community = mine.length === 1 ? mine[0] : undefined;
          if (mine.length > 1) problem("community", `有多个社区名为“${v.community}”，请填写社区编码`);
          else if (!community)
            problem(
              "community",
              named.length > 0 ? `社区“${v.community}”不在您的管辖范围内` : `找不到社区“${v.community}”`,
            );
          const existing = known.find((n) => n.code === code);
          if (existing && existing.level !== "grid") problem("code", `编码“${code}”已被其他区域使用`);
          else if (existing && !ctx.covers(existing.path)) problem("code", `网格“${code}”不在您的管辖范围内`);
          else if (existing && community && existing.parentId !== community.id)
            problem("community", `网格“${code}”属于其他社区，导入不能移动网格`);
          const unitCode = v.unitCode;
          if (unitCode) {
            if (!UNIT_CODE.test(unitCode))
              problem(
                "unitCode",
                "单元网格码应为 15 位数字（区划 6 位 + 街道 3 位 + 社区 3 位 + 网格 3 位）",
              );
            else if (community && /^\d{12}$/.test(community.code) && !unitCode.startsWith(community.code))
              problem(
                "unitCode",
                `单元网格码前 12 位应为所属社区“${community.name}”的编码 ${community.code}`,
              );
            const owner = owners.find((o) => o.unitCode === unitCode);
            if (owner && owner.code !== code) problem("unitCode", `单元网格码已被“${owner.code}”使用`);
            const first = unitCodeRow.get(unitCode);
            if (first !== undefined) {
              problem("unitCode", `与第 ${first} 行的单元网格码重复`);
              ctx.problem(first, "unitCode", `与第 ${row} 行的单元网格码重复`);
            } else unitCodeRow.set(unitCode, row);
          }
          const first = codeRow.get(code);
          if (first !== undefined) {
            problem("code", `与第 ${first} 行的网格编码重复`);
            ctx.problem(first, "code", `与第 ${row} 行的网格编码重复`);
          } else codeRow.set(code, row);
          if (!ok || !gridType || !community) continue;
          read.push({
            row,
            code,
            ...(unitCode ? { unitCode } : {}),
            name,
            gridType,
            community,
            ...(existing ? { existing } : {}),
          });
        }
        return read;
      },
    };
  },
  async write(ctx, rows) {
    const fresh = rows.filter((r) => !r.existing);
    const parents = new Map(
      fresh.map((r) => [
        r.community.id,
        { path: r.community.path, districtId: districtOf(r.community.path) },
      ]),
    );
    await bulkInsertNodes(
      ctx.tx,
      fresh.map((r) => ({
        key: r.code,
        parentId: r.community.id,
        level: "grid" as const,
        code: r.code,
        name: r.name,
        gridType: r.gridType,
        ...(r.unitCode ? { unitCode: r.unitCode } : {}),
      })),
      parents,
    );
    const changed: Array<Partial<typeof territoryNodes.$inferInsert> & { id: string }> = [];
    const audits: Array<[typeof ctx.actor, AuditEntry]> = [];
    for (const r of rows) {
      const e = r.existing;
      if (!e) continue;
      const next = { name: r.name, gridType: r.gridType, unitCode: r.unitCode ?? e.unitCode };
      if (next.name === e.name && next.gridType === e.gridType && next.unitCode === e.unitCode) continue;
      changed.push({ id: e.id, ...next, sortKey: pinyinSortKey(next.name), updatedAt: new Date() });
      audits.push([
        ctx.actor,
        { action: "territory.update", entity: "territory_node", entityId: e.id, before: e, after: next },
      ]);
    }
    await bulkUpdate(ctx.tx, territoryNodes, "id", changed);
    await recordAudits(ctx.tx, audits);
    // Grid names and codes are in every process's point → grid index.
    if (fresh.length + changed.length > 0) await bumpGeoVersion(ctx.tx);
    await ctx.progress(rows.length);
    return {
      created: fresh.length,
      updated: changed.length,
      unchanged: rows.length - fresh.length - changed.length,
    };
  },
};
