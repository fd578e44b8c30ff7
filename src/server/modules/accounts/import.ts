import { and, inArray } from "drizzle-orm";
import type { AuditEntry } from "../../platform/audit/index.ts";
import { recordAudits } from "../../platform/audit/index.ts";
import { hashPassword, type Role } from "../../platform/auth/index.ts";
import { anyText } from "../../platform/db/index.ts";
import { WORDS } from "../../platform/i18n/words.ts";
import { anyImporter, choices, type ImportColumn, type SheetImporter } from "../../platform/imports/index.ts";
import { maskPhone, normalizeMobile } from "../../platform/pii/index.ts";
import { nodesByCodes } from "../territory/index.ts";
import { mayGrant, ROLE_LEVELS } from "./grants.ts";
import { roleAssignments, users } from "./tables.ts";

type Field = "name" | "phone" | "role" | "node" | "password";

const ROLE = choices<Role>(WORDS["zh-CN"].roles, {
  区管理员: "districtAdmin",
  街道: "streetStaff",
  街道工作人员: "streetStaff",
  社区: "communityStaff",
  社工: "communityStaff",
  社区工作人员: "communityStaff",
  专职网格员: "gridWorker",
  部门: "departmentStaff",
  物业: "propertyStaff",
  党员中心户: "liaison",
});

const COLUMNS: ImportColumn<Field>[] = [
  { field: "name", header: "姓名", synonyms: ["人员姓名"], required: true, example: "李明" },
  {
    field: "phone",
    header: "手机号",
    synonyms: ["手机号码", "手机", "登录手机号"],
    required: true,
    example: "13912345678",
    width: 15,
  },
  {
    field: "role",
    header: "角色",
    synonyms: ["岗位", "账号类型"],
    required: true,
    list: ROLE.list.filter((label) => label !== WORDS["zh-CN"].roles.departmentStaff),
    example: "网格员",
  },
  {
    field: "node",
    header: "所属区域编码",
    synonyms: ["区域编码", "网格编码", "社区编码", "编码"],
    required: true,
    example: "XG01-01-01",
    width: 18,
    note: "网格员填网格编码、社区工作者填社区编码、街道工作人员填街道编码；编码可在“区域管理”中查到或导出",
  },
  {
    field: "password",
    header: "临时密码",
    synonyms: ["初始密码", "密码"],
    example: "",
    note: "可不填：不填时本人用手机短信验证码登录；填写时至少 8 位并含字母和数字，首次登录须修改",
  },
];

interface Row {
  row: number;
  name: string;
  phone: string;
  role: Role;
  nodeId: string;
  password?: string;
}

/**
 * Staff accounts from a sheet: one row per role. A phone that already has an account gains the
 * role (a resident becoming a grid worker); the same role at the same place again changes nothing.
 * Department staff are opened one by one in the pages, where their department is chosen.
 */
export const accountImporter: SheetImporter<Field, Row> = {
  kind: "accounts",
  source: "sheet",
  permission: "accounts.manage",
  label: { "zh-CN": "工作人员账号", en: "Staff accounts" },
  rank: 8,
  sheet: "账号",
  columns: COLUMNS,
  notes: [
    "每行一个账号的一个角色；同一手机号可有多行（多个角色）。",
    "部门人员账号请在“账号管理”页面中逐个开通，以便选择所属职能部门。",
    "任何一行有问题时整个文件都不会导入，请按报告修改后重新上传。",
  ],
  checker(ctx) {
    const seen = new Map<string, number>();
    return {
      async check(records) {
        const codes = [...new Set(records.flatMap((r) => (r.values.node ? [r.values.node.trim()] : [])))];
        const nodes = new Map((await nodesByCodes(ctx.executor, codes)).map((n) => [n.code, n]));
        const read: Row[] = [];
        for (const { row, values: v } of records) {
          let ok = true;
          const problem = (field: Field, reason: string) => {
            ctx.problem(row, field, reason);
            ok = false;
          };
          const name = (v.name ?? "").trim();
          if (name.length > 50) problem("name", "姓名不能超过 50 个字");
          const phone = v.phone ? normalizeMobile(v.phone) : null;
          if (!phone) problem("phone", `手机号码无效：${v.phone ?? ""}`);
          const role = v.role ? ROLE.parse(v.role) : undefined;
          if (!role) problem("role", ROLE.unknown("角色", v.role ?? ""));
          if (role === "departmentStaff") problem("role", "部门人员请在“账号管理”页面中开通");
          const node = v.node ? nodes.get(v.node.trim()) : undefined;
          if (!node) problem("node", `找不到区域编码：${v.node ?? ""}`);
          else if (role && !ROLE_LEVELS[role].includes(node.level))
            problem("node", `“${node.name}”不是该角色可以绑定的层级`);
          else if (role && !(ctx.covers(node.path) && mayGrant(ctx.principal, role, node.path)))
            problem("role", `您无权在“${node.name}”开通该角色`);
          const password = v.password?.trim() || undefined;
          if (password && (password.length < 8 || !/[A-Za-z]/.test(password) || !/\d/.test(password)))
            problem("password", "临时密码至少 8 位，并须同时包含字母和数字");
          if (!ok || !phone || !role || !node) continue;
          const key = `${phone}|${role}|${node.id}`;
          const first = seen.get(key);
          if (first !== undefined) {
            problem("phone", `与第 ${first} 行重复：同一人在同一处的同一角色`);
            continue;
          }
          seen.set(key, row);
          read.push({ row, name, phone, role, nodeId: node.id, ...(password ? { password } : {}) });
        }
        return read;
      },
    };
  },
  async write(ctx, rows) {
    const phones = [...new Set(rows.map((r) => r.phone))];
    const existing = await ctx.tx.select().from(users).where(anyText(users.phone, phones));
    const idOf = new Map(existing.map((u) => [u.phone, u.id]));
    const audits: Array<[typeof ctx.actor, AuditEntry]> = [];
    let created = 0;
    for (const phone of phones.filter((p) => !idOf.has(p))) {
      const first = rows.find((r) => r.phone === phone) as Row;
      const password = rows.find((r) => r.phone === phone && r.password)?.password;
      const [user] = await ctx.tx
        .insert(users)
        .values({
          phone,
          name: first.name,
          passwordHash: password ? await hashPassword(password) : null,
          mustChangePassword: password !== undefined,
        })
        .returning({ id: users.id });
      if (!user) throw new Error("insert returned nothing");
      idOf.set(phone, user.id);
      created++;
      audits.push([
        ctx.actor,
        {
          action: "accounts.create",
          entity: "user",
          entityId: user.id,
          after: { name: first.name, phone: maskPhone(phone) },
        },
      ]);
    }
    const userIds = [...idOf.values()];
    const held = await ctx.tx
      .select()
      .from(roleAssignments)
      .where(and(inArray(roleAssignments.userId, userIds)));
    const has = new Set(held.map((h) => `${h.userId}|${h.role}|${h.nodeId}`));
    const grants = rows
      .map((r) => ({ userId: idOf.get(r.phone) as string, role: r.role, nodeId: r.nodeId }))
      .filter((g) => !has.has(`${g.userId}|${g.role}|${g.nodeId}`));
    if (grants.length > 0) await ctx.tx.insert(roleAssignments).values(grants);
    for (const g of grants)
      audits.push([ctx.actor, { action: "accounts.grant", entity: "user", entityId: g.userId, after: g }]);
    await recordAudits(ctx.tx, audits);
    await ctx.progress(rows.length);
    const updated = new Set(grants.map((g) => g.userId)).size - created;
    return {
      created,
      updated: Math.max(0, updated),
      unchanged: Math.max(0, phones.length - created - Math.max(0, updated)),
    };
  },
};

export const accountImporters = [anyImporter(accountImporter)];
