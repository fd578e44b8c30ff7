import { eq, sql } from "drizzle-orm";
import { type AuditEntry, recordAudits } from "../../../platform/audit/index.ts";
import { anyText, anyUuid, type Executor } from "../../../platform/db/index.ts";
import { choices, type ImportColumn, type SheetImporter } from "../../../platform/imports/index.ts";
import { normalizeMobile } from "../../../platform/pii/index.ts";
import { nodesByCodes } from "../../territory/index.ts";
import {
  households,
  liaisonHouseholds,
  type MemberPairingKind,
  memberHouseholds,
  partyMembers,
  residents,
  staff,
} from "../tables.ts";
import { personName } from "./resident-rows.ts";
import { NAME_COLUMN, PHONE_COLUMN } from "./residents.ts";

type Field = "name" | "phone" | "household" | "kind";
type Kind = MemberPairingKind | "liaison";

const KIND = choices<Kind>(
  { baobao: "包保", oneLeadsN: "1+1带N", liaison: "联户长联户" },
  {
    党员包保: "baobao",
    包保户: "baobao",
    "1+1": "oneLeadsN",
    一带N: "oneLeadsN",
    联户: "liaison",
    联户长: "liaison",
  },
);

const COLUMNS: ImportColumn<Field>[] = [
  { ...NAME_COLUMN, synonyms: ["党员姓名", "联户长姓名", "人员姓名"], note: "党员或联户长的姓名" },
  { ...PHONE_COLUMN, required: true, note: "党员（登记为居民时的手机号）或联户长的手机号" },
  {
    field: "household",
    header: "住户",
    synonyms: ["住户地址", "住址", "地址", "住户编码", "结对住户"],
    required: true,
    example: "江西省赣州市兴安区潋江街道红旗社区锦绣花园3栋1单元502室",
    width: 40,
    note: "已登记住户的完整住址或住户编码，须在您的管辖范围内",
  },
  {
    field: "kind",
    header: "结对方式",
    synonyms: ["方式", "类型", "结对类型"],
    required: true,
    list: KIND.list,
    example: "包保",
    note: "包保、1+1带N 为党员结对；联户长联户为联户长结对",
  },
];

interface Row {
  row: number;
  kind: Kind;
  /** The member's or the liaison's id. */
  personId: string;
  householdId: string;
  /** The member pairing already there (its kind), or true for a liaison's. */
  existing?: MemberPairingKind | true;
}

/** Households named by their whole address or their node's code. */
async function householdsByRefs(executor: Executor, refs: string[]) {
  if (refs.length === 0) return [];
  const nodes = (await nodesByCodes(executor, refs)).filter((n) => n.level === "household");
  const byAddress = await executor.select().from(households).where(anyText(households.address, refs));
  const byNode = nodes.length
    ? await executor
        .select()
        .from(households)
        .where(
          anyUuid(
            households.nodeId,
            nodes.map((n) => n.id),
          ),
        )
    : [];
  const codeOf = new Map(nodes.map((n) => [n.id, n.code]));
  return [...byAddress, ...byNode].map((h) => ({ ...h, code: codeOf.get(h.nodeId) }));
}

/**
 * 结对包户 from a sheet: a party member (包保 / 1+1带N) or a liaison (联户长) by name and phone,
 * and the household he serves. A pairing already there is kept (a member's kind is updated).
 */
export const pairingsImporter: SheetImporter<Field, Row> = {
  kind: "pairings",
  source: "sheet",
  permission: "people.write",
  label: { "zh-CN": "结对包户", en: "Household pairing" },
  rank: 5,
  sheet: "结对包户",
  columns: COLUMNS,
  notes: [
    "每行一对：一名党员或联户长与一户住户。党员须已导入（按手机号和姓名查找），联户长须已导入网格力量。",
    "同一党员与同一住户再次导入时更新结对方式，不会重复结对。",
    "任何一行有问题时整个文件都不会导入，请按报告修改后重新上传。",
  ],
  checker(ctx) {
    const firstRow = new Map<string, number>();
    return {
      async check(records) {
        const phones = [
          ...new Set(records.flatMap((r) => (r.values.phone ? [normalizeMobile(r.values.phone) ?? ""] : []))),
        ].filter(Boolean);
        const refs = [
          ...new Set(records.flatMap((r) => (r.values.household ? [r.values.household.trim()] : []))),
        ];
        // One query after another: the executor may be the writing transaction's one connection.
        const members = phones.length
          ? await ctx.executor
              .select({
                id: partyMembers.id,
                name: residents.name,
                phone: residents.phone,
                path: partyMembers.territoryPath,
              })
              .from(partyMembers)
              .innerJoin(residents, eq(residents.id, partyMembers.residentId))
              .where(anyText(residents.phone, phones))
          : [];
        const liaisons = phones.length
          ? await ctx.executor
              .select({ id: staff.id, name: staff.name, phone: staff.phone, path: staff.territoryPath })
              .from(staff)
              .where(sql`${anyText(staff.phone, phones)} and ${staff.role} = 'liaison'`)
          : [];
        const homes = await householdsByRefs(ctx.executor, refs);
        const read: Row[] = [];
        for (const { row, values: v } of records) {
          let ok = true;
          const problem = (field: Field, reason: string) => {
            ctx.problem(row, field, reason);
            ok = false;
          };
          const name = personName(v.name);
          const phone = v.phone ? normalizeMobile(v.phone) : null;
          if (v.phone && !phone) problem("phone", `手机号码无效：${v.phone}`);
          const kind = v.kind ? KIND.parse(v.kind) : undefined;
          if (v.kind && !kind) problem("kind", KIND.unknown("结对方式", v.kind));
          const ref = (v.household ?? "").trim();
          const home = homes.filter(
            (h) => (h.address === ref || h.code === ref) && ctx.covers(h.territoryPath),
          );
          if (ref && home.length === 0) problem("household", `找不到住户“${ref}”，或不在您的管辖范围内`);
          if (home.length > 1) problem("household", `有多户住址为“${ref}”，请填写住户编码`);
          const who = kind === "liaison" ? "联户长" : "党员";
          const people = (kind === "liaison" ? liaisons : members).filter(
            (p) => p.phone === phone && p.name === name && ctx.covers(p.path),
          );
          if (kind && phone && people.length === 0)
            problem("phone", `找不到手机号为 ${phone}、姓名为“${name}”的${who}，或不在您的管辖范围内`);
          if (people.length > 1) problem("phone", `有多名${who}的姓名和手机号相同，请在页面上结对`);
          const person = people[0];
          const household = home[0];
          if (!ok || !kind || !person || !household || people.length > 1 || home.length > 1) continue;
          const key = `${kind === "liaison" ? "L" : "M"}|${person.id}|${household.id}`;
          const first = firstRow.get(key);
          if (first !== undefined) {
            problem("household", `与第 ${first} 行重复：同一人与同一住户`);
            continue;
          }
          firstRow.set(key, row);
          read.push({ row, kind, personId: person.id, householdId: household.id });
        }
        await markExisting(ctx.executor, read);
        return read;
      },
    };
  },
  async write(ctx, rows) {
    const audits: Array<[typeof ctx.actor, AuditEntry]> = [];
    const fresh = rows.filter((r) => r.existing === undefined);
    const changed = rows.filter(
      (r) => r.existing !== undefined && r.existing !== true && r.existing !== r.kind,
    );
    const memberRows = [...fresh, ...changed].flatMap((r) =>
      r.kind === "liaison" ? [] : [{ memberId: r.personId, householdId: r.householdId, kind: r.kind }],
    );
    const liaisonRows = fresh.flatMap((r) =>
      r.kind === "liaison" ? [{ staffId: r.personId, householdId: r.householdId }] : [],
    );
    if (memberRows.length)
      await ctx.tx
        .insert(memberHouseholds)
        .values(memberRows)
        .onConflictDoUpdate({
          target: [memberHouseholds.memberId, memberHouseholds.householdId],
          set: { kind: sql`excluded.kind` },
        });
    if (liaisonRows.length) await ctx.tx.insert(liaisonHouseholds).values(liaisonRows).onConflictDoNothing();
    for (const r of [...fresh, ...changed]) {
      const liaison = r.kind === "liaison";
      audits.push([
        ctx.actor,
        {
          action: liaison ? "people.liaison.add" : "people.pairing.add",
          entity: liaison ? "staff" : "party_member",
          entityId: r.personId,
          before:
            r.existing && r.existing !== true ? { householdId: r.householdId, kind: r.existing } : undefined,
          after: liaison ? { householdId: r.householdId } : { householdId: r.householdId, kind: r.kind },
        },
      ]);
    }
    await recordAudits(ctx.tx, audits);
    await ctx.progress(rows.length);
    return {
      created: fresh.length,
      updated: changed.length,
      unchanged: rows.length - fresh.length - changed.length,
    };
  },
};

/** Which rows' pairings exist already (members with their kind). */
async function markExisting(executor: Executor, rows: Row[]) {
  const memberIds = rows.filter((r) => r.kind !== "liaison").map((r) => r.personId);
  const liaisonIds = rows.filter((r) => r.kind === "liaison").map((r) => r.personId);
  const m = memberIds.length
    ? await executor.select().from(memberHouseholds).where(anyUuid(memberHouseholds.memberId, memberIds))
    : [];
  const l = liaisonIds.length
    ? await executor.select().from(liaisonHouseholds).where(anyUuid(liaisonHouseholds.staffId, liaisonIds))
    : [];
  const members = new Map(m.map((p) => [`${p.memberId}|${p.householdId}`, p.kind]));
  const links = new Set(l.map((p) => `${p.staffId}|${p.householdId}`));
  for (const r of rows) {
    const key = `${r.personId}|${r.householdId}`;
    r.existing = r.kind === "liaison" ? (links.has(key) ? true : undefined) : members.get(key);
  }
}
