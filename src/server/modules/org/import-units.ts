import { randomUUID } from "node:crypto";
import { and, eq, or } from "drizzle-orm";
import { type AuditEntry, recordAudits } from "../../platform/audit/index.ts";
import { anyText, bulkInsert, bulkUpdate } from "../../platform/db/index.ts";
import { pinyinSortKey } from "../../platform/i18n/pinyin.ts";
import { WORDS } from "../../platform/i18n/words.ts";
import { choices, type ImportColumn, type SheetImporter } from "../../platform/imports/index.ts";
import { isValidUscc, normalizeMobile } from "../../platform/pii/index.ts";
import { nodesByRefs, type TerritoryNode } from "../territory/index.ts";
import { type UnitKind, units } from "./tables.ts";
import { needsUscc } from "./units-write.ts";

type Field = "name" | "kind" | "uscc" | "place" | "contactName" | "contactPhone";

const UNIT_KIND = choices<UnitKind>(WORDS["zh-CN"].org.unitKinds, {
  单位: "unit",
  机关: "unit",
  企事业单位: "unit",
  机关企事业单位: "unit",
  共建单位: "unit",
  物业: "propertyCompany",
  物业公司: "propertyCompany",
  业委会: "ownersCommittee",
});

const COLUMNS: ImportColumn<Field>[] = [
  {
    field: "name",
    header: "单位名称",
    synonyms: ["名称", "单位全称", "企业名称"],
    required: true,
    example: "县人民医院",
    width: 28,
  },
  {
    field: "kind",
    header: "单位类型",
    synonyms: ["类型", "类别"],
    required: true,
    list: UNIT_KIND.list,
    example: "驻区单位",
  },
  {
    field: "uscc",
    header: "统一社会信用代码",
    synonyms: ["信用代码", "社会信用代码", "统一代码"],
    example: "12360731491535047G",
    width: 22,
    note: "18 位；驻区单位和物业企业必填，业主委员会可不填；已登记的代码将更新该单位",
  },
  {
    field: "place",
    header: "所在区域",
    synonyms: ["所在社区", "社区", "所属社区", "所在街道", "区域"],
    required: true,
    example: "红旗社区",
    note: "单位所在的街道、社区或网格（名称或编码），须在您的管辖范围内",
  },
  { field: "contactName", header: "联系人", synonyms: ["负责人", "联络人"], example: "李明" },
  {
    field: "contactPhone",
    header: "联系电话",
    synonyms: ["联系人电话", "手机号", "电话"],
    example: "13912345678",
  },
];

interface Row {
  row: number;
  kind: UnitKind;
  name: string;
  uscc: string | null;
  node: TerritoryNode;
  contactName: string | null;
  contactPhone: string | null;
  existing?: typeof units.$inferSelect;
}

const LEVELS = ["district", "street", "community", "grid"] as const;
const compact = (s: string) => s.normalize("NFKC").replace(/\s+/g, "").toUpperCase();

/**
 * 机关/企事业单位, property companies and owners' committees, where the lists are long. Upsert by
 * 统一社会信用代码 (or, without one, by name and type): a unit imported again is updated.
 */
export const unitsImporter: SheetImporter<Field, Row> = {
  kind: "units",
  source: "sheet",
  permission: "org.write",
  label: { "zh-CN": "共建单位", en: "Partner units" },
  rank: 4,
  sheet: "共建单位",
  columns: COLUMNS,
  notes: [
    "每行一家单位；统一社会信用代码须为 18 位且校验正确。",
    "已登记的统一社会信用代码（业主委员会按名称）再次导入时更新该单位，不会重复登记。",
    "任何一行有问题时整个文件都不会导入，请按报告修改后重新上传。",
  ],
  checker(ctx) {
    const firstRow = new Map<string, number>();
    return {
      async check(records) {
        const refs = [...new Set(records.flatMap((r) => (r.values.place ? [r.values.place.trim()] : [])))];
        // One level after another: the executor may be the writing transaction's one connection.
        const nodes: TerritoryNode[] = [];
        for (const level of LEVELS) nodes.push(...(await nodesByRefs(ctx.executor, level, refs)));
        const read: Row[] = [];
        for (const { row, values: v } of records) {
          let ok = true;
          const problem = (field: Field, reason: string) => {
            ctx.problem(row, field, reason);
            ok = false;
          };
          const name = (v.name ?? "").trim();
          if (name.length > 100) problem("name", "单位名称不能超过 100 个字");
          const kind = v.kind ? UNIT_KIND.parse(v.kind) : undefined;
          if (v.kind && !kind) problem("kind", UNIT_KIND.unknown("单位类型", v.kind));
          const uscc = v.uscc ? compact(v.uscc) : null;
          if (uscc && !isValidUscc(uscc))
            problem("uscc", `统一社会信用代码“${v.uscc}”不正确：应为 18 位，且校验位须正确`);
          if (!uscc && kind && needsUscc(kind)) problem("uscc", "驻区单位和物业企业须填写统一社会信用代码");
          const place = (v.place ?? "").trim();
          const found = nodes.filter(
            (n) => (n.name === place || n.code === place || n.unitCode === place) && ctx.covers(n.path),
          );
          if (place && found.length === 0) problem("place", `找不到区域“${place}”，或不在您的管辖范围内`);
          if (found.length > 1) problem("place", `有多个名为“${place}”的区域，请填写区域编码`);
          const phone = v.contactPhone ? normalizeMobile(v.contactPhone) : null;
          if (v.contactPhone && !phone) problem("contactPhone", `手机号码无效：${v.contactPhone}`);
          const node = found[0];
          if (!ok || !kind || !node || found.length > 1) continue;
          const key = uscc ?? `${kind}|${name}`;
          const first = firstRow.get(key);
          if (first !== undefined) {
            problem(uscc ? "uscc" : "name", `与第 ${first} 行是同一单位`);
            continue;
          }
          firstRow.set(key, row);
          read.push({
            row,
            kind,
            name,
            uscc,
            node,
            contactName: v.contactName?.trim() || null,
            contactPhone: phone,
          });
        }
        const usccs = read.flatMap((r) => (r.uscc ? [r.uscc] : []));
        const names = read.filter((r) => !r.uscc).map((r) => r.name);
        const existing =
          usccs.length + names.length > 0
            ? await ctx.executor
                .select()
                .from(units)
                .where(
                  or(
                    usccs.length ? anyText(units.uscc, usccs) : undefined,
                    names.length
                      ? and(anyText(units.name, names), eq(units.kind, "ownersCommittee"))
                      : undefined,
                  ),
                )
            : [];
        const fit: Row[] = [];
        for (const r of read) {
          r.existing = existing.find((u) =>
            r.uscc ? u.uscc === r.uscc : u.uscc === null && u.name === r.name && u.kind === r.kind,
          );
          if (r.existing && !ctx.covers(r.existing.territoryPath)) {
            ctx.problem(r.row, r.uscc ? "uscc" : "name", `该单位已由其他辖区登记为“${r.existing.name}”`);
            continue;
          }
          fit.push(r);
        }
        return fit;
      },
    };
  },
  async write(ctx, rows) {
    const fresh: Array<typeof units.$inferInsert> = [];
    const changed: Array<Partial<typeof units.$inferInsert> & { id: string }> = [];
    const audits: Array<[typeof ctx.actor, AuditEntry]> = [];
    for (const r of rows) {
      const next = {
        kind: r.kind,
        name: r.name,
        uscc: r.uscc,
        nodeId: r.node.id,
        territoryPath: r.node.path,
        contactName: r.contactName ?? r.existing?.contactName ?? null,
        contactPhone: r.contactPhone ?? r.existing?.contactPhone ?? null,
      };
      const e = r.existing;
      if (!e) {
        const row = { id: randomUUID(), ...next, sortKey: pinyinSortKey(r.name) };
        fresh.push(row);
        audits.push([ctx.actor, { action: "org.unit.create", entity: "unit", entityId: row.id, after: row }]);
        continue;
      }
      if ((Object.keys(next) as Array<keyof typeof next>).every((k) => next[k] === e[k])) continue;
      changed.push({ id: e.id, ...next, sortKey: pinyinSortKey(r.name) });
      audits.push([
        ctx.actor,
        { action: "org.unit.update", entity: "unit", entityId: e.id, before: e, after: next },
      ]);
    }
    await bulkInsert(ctx.tx, units, fresh);
    await bulkUpdate(ctx.tx, units, "id", changed);
    await recordAudits(ctx.tx, audits);
    await ctx.progress(rows.length);
    return {
      created: fresh.length,
      updated: changed.length,
      unchanged: rows.length - fresh.length - changed.length,
    };
  },
};
