import { and, eq, inArray } from "drizzle-orm";
import { type Actor, recordAudit } from "../../../platform/audit/index.ts";
import { type Principal, scopePaths } from "../../../platform/auth/index.ts";
import type { Db } from "../../../platform/db/index.ts";
import { AppError, unprocessable } from "../../../platform/errors.ts";
import { normalizeMobile } from "../../../platform/pii/index.ts";
// Neither is exported by its module's index.ts yet; both are scoped service reads, not table access.
import { householdPlace, listHouseholds } from "../../people/index.ts";
import { listNodes, type TerritoryNode } from "../../territory/index.ts";
import { listCategories } from "../catalog.ts";
import { type Intake, submitCase } from "../intake/service.ts";
import { cases, type RequestType, type Urgency } from "../tables.ts";

/** A 12345 work order as the centre hands it over: every value text, as written. */
export interface HotlineRecord {
  recordId?: string | null;
  calledAt?: string | null;
  callerName?: string | null;
  callerPhone?: string | null;
  requestType?: string | null;
  category?: string | null;
  content?: string | null;
  address?: string | null;
  handlingUnit?: string | null;
  deadline?: string | null;
  urgency?: string | null;
  followUp?: string | boolean | null;
}
export type HotlineField = keyof HotlineRecord;
/** A record with its row: the index in a JSON batch, or the row number a spreadsheet shows. */
export interface NumberedRecord {
  row: number;
  record: HotlineRecord;
}

export interface RowResult {
  row: number;
  recordId: string | null;
  /** `ready`: checked only (check mode), would become a case. */
  status: "created" | "unchanged" | "ready" | "error";
  caseId?: string;
  code?: string;
  error?: { code: string; message: string; field?: string };
}
export interface ImportReport {
  total: number;
  created: number;
  unchanged: number;
  /** Check mode: the rows that would become cases. */
  ready?: number;
  errors: number;
  rows: RowResult[];
}

/** Full-width characters folded and spaces trimmed: centres type both. */
const norm = (s: string | null | undefined) => (s ?? "").normalize("NFKC").trim();
const key = (s: string) => norm(s).replace(/\s+/g, "").toLowerCase();

const REQUEST_TYPES: Record<string, RequestType> = {
  咨询: "consultation",
  求助: "help",
  求决: "help",
  投诉: "complaint",
  举报: "report",
  建议: "suggestion",
  意见建议: "suggestion",
  consultation: "consultation",
  help: "help",
  complaint: "complaint",
  report: "report",
  suggestion: "suggestion",
};
const URGENCIES: Record<string, Urgency> = {
  一般: "normal",
  普通: "normal",
  正常: "normal",
  常规: "normal",
  normal: "normal",
  紧急: "urgent",
  加急: "urgent",
  特急: "urgent",
  urgent: "urgent",
};
const YES_NO: Record<string, boolean> = {
  是: true,
  需要: true,
  需回访: true,
  回访: true,
  yes: true,
  y: true,
  true: true,
  "1": true,
  否: false,
  不需要: false,
  无需回访: false,
  不回访: false,
  no: false,
  n: false,
  false: false,
  "0": false,
};

/** How centres name the default categories (by code); a district's own names match as they are. */
const CATEGORY_SYNONYMS: Record<string, string[]> = {
  cityManagement: ["城管", "城市管理", "市容", "市容市貌", "市容环境", "占道经营", "违章搭建", "违法建设"],
  facilities: ["市政", "市政设施", "市政公用", "路灯", "道路", "井盖", "排水", "道路维修"],
  property: ["物业", "物业管理", "物业服务", "小区管理"],
  sanitation: ["环境卫生", "环卫", "垃圾", "垃圾清运"],
  safety: ["安全", "安全隐患", "消防", "消防安全", "燃气"],
  dispute: ["邻里纠纷", "纠纷", "矛盾纠纷", "噪音", "噪声"],
  consultation: ["咨询", "政策", "政策咨询", "社保", "医保"],
  errand: ["代办", "帮代办"],
  other: ["其他", "其它"],
};

interface Context {
  /** Category code by code, name, English name or synonym (all `key`ed). */
  categories: Map<string, string>;
  communities: TerritoryNode[];
  streets: TerritoryNode[];
  /** Where the caller may import to. */
  paths: string[];
}

async function contextOf(db: Db, principal: Principal): Promise<Context> {
  const categories = new Map<string, string>();
  const active = await listCategories(db);
  for (const c of active) for (const name of [c.code, c.name, c.nameEn]) categories.set(key(name), c.code);
  for (const c of active)
    for (const s of CATEGORY_SYNONYMS[c.code] ?? [])
      if (!categories.has(key(s))) categories.set(key(s), c.code);
  const paths = scopePaths(principal, "cases.import");
  const inside = (n: TerritoryNode) => paths.some((p) => n.path.startsWith(p));
  const [communities, streets] = await Promise.all([
    allNodes(db, principal, "community"),
    allNodes(db, principal, "street"),
  ]);
  return { categories, communities: communities.filter(inside), streets: streets.filter(inside), paths };
}

async function allNodes(db: Db, principal: Principal, level: "community" | "street") {
  const out: TerritoryNode[] = [];
  for (let page = 1; ; page++) {
    const { items, total } = await listNodes(db, principal, { level, page, pageSize: 200 });
    out.push(...items);
    if (items.length === 0 || out.length >= total) return out;
  }
}

/**
 * Each record becomes a case through `submitCase`, one transaction per row, so a bad row stops
 * nothing else. The centre's record id is the case's source ref: a record seen before answers
 * "unchanged" with its case code and writes nothing.
 */
export async function importHotline(
  db: Db,
  principal: Principal,
  actor: Actor,
  records: NumberedRecord[],
  source: string,
  { check = false }: { check?: boolean } = {},
): Promise<ImportReport> {
  const ctx = await contextOf(db, principal);
  const ids = [...new Set(records.map((r) => norm(r.record.recordId)).filter(Boolean))];
  const seen = new Map<string, { id: string; code: string }>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .select({ id: cases.id, code: cases.code, ref: cases.sourceRef })
      .from(cases)
      .where(and(eq(cases.channel, "hotline"), inArray(cases.sourceRef, ids.slice(i, i + 500))));
    for (const r of rows) if (r.ref) seen.set(r.ref, { id: r.id, code: r.code });
  }

  const rows: RowResult[] = [];
  for (const { row, record } of records) {
    const recordId = norm(record.recordId) || null;
    const before = recordId ? seen.get(recordId) : undefined;
    if (before) {
      rows.push({ row, recordId, status: "unchanged", caseId: before.id, code: before.code });
      continue;
    }
    try {
      const intake = await intakeOf(db, principal, ctx, record);
      // Check mode (the upload page's first step): every row read and placed, nothing written.
      if (check) {
        rows.push({ row, recordId, status: "ready" });
        continue;
      }
      const done = await submitCase(db, actor, intake);
      rows.push({
        row,
        recordId,
        status: done.replay ? "unchanged" : "created",
        caseId: done.id,
        code: done.code,
      });
    } catch (err) {
      // Only the caller's data is reported per row; anything else is a fault of ours and fails the request.
      if (!(err instanceof AppError) || err.status >= 500) throw err;
      const field = (err.details as { field?: unknown } | undefined)?.field;
      rows.push({
        row,
        recordId,
        status: "error",
        error: { code: err.code, message: err.message, ...(typeof field === "string" ? { field } : {}) },
      });
    }
  }
  const count = (s: RowResult["status"]) => rows.filter((r) => r.status === s).length;
  const report = {
    total: rows.length,
    created: count("created"),
    unchanged: count("unchanged"),
    ...(check ? { ready: count("ready") } : {}),
    errors: count("error"),
    rows,
  };
  if (check) return report;
  const { rows: _, ...totals } = report;
  await recordAudit(db, actor, { action: "cases.import", entity: "hotline", after: { source, ...totals } });
  return report;
}

/** One record checked and placed; a problem is a 422 naming the field, reported on its row. */
async function intakeOf(db: Db, principal: Principal, ctx: Context, r: HotlineRecord): Promise<Intake> {
  const recordId = norm(r.recordId);
  if (!recordId) throw missingField("recordId", "工单编号", "Record number");
  if (recordId.length > 64) throw unprocessable("INVALID_RECORD_ID", { field: "recordId", max: 64 });
  const content = norm(r.content);
  if (content.length < 2) throw missingField("content", "诉求内容", "Request content");

  const categoryCode = categoryOf(ctx, norm(r.category));
  const requestType = lookup(REQUEST_TYPES, r.requestType, (value) =>
    unprocessable("INVALID_REQUEST_TYPE", { field: "requestType", value }),
  );
  const urgency = lookup(URGENCIES, r.urgency, (value) =>
    unprocessable("INVALID_URGENCY", { field: "urgency", value }),
  );
  const followUp =
    typeof r.followUp === "boolean"
      ? r.followUp
      : lookup(YES_NO, r.followUp, (value) =>
          unprocessable("INVALID_FOLLOW_UP", { field: "followUp", value }),
        );
  const phone = phoneOf(norm(r.callerPhone));
  const calledAt = norm(r.calledAt) ? chinaTime(norm(r.calledAt)) : null;
  if (norm(r.calledAt) && !calledAt)
    throw unprocessable("INVALID_DATE", { field: "calledAt", value: norm(r.calledAt) });
  const deadline = norm(r.deadline) || null;
  const address = norm(r.address) || undefined;
  const handlingUnit = norm(r.handlingUnit) || null;

  const place =
    (address && (await householdAt(db, principal, ctx, address))) || nodeNamedIn(ctx, handlingUnit, address);
  return {
    channel: "hotline",
    categoryCode,
    requestType,
    urgency,
    description: content,
    address,
    ...place,
    reporter: { userId: null, name: norm(r.callerName).slice(0, 50) || null, phone },
    sourceRef: recordId,
    // As received, less the caller's name and phone: those live in the reporter fields, which are masked.
    extra: {
      source: "12345",
      recordId,
      calledAt: calledAt?.toISOString() ?? null,
      requestType: norm(r.requestType) || null,
      category: norm(r.category) || null,
      handlingUnit,
      deadline,
      deadlineAt: deadline ? (chinaTime(deadline)?.toISOString() ?? null) : null,
      urgency: norm(r.urgency) || null,
      followUp: followUp ?? null,
    },
  };
}

/** A required field left empty, named in words for the row's report. */
const missingField = (field: HotlineField, zh: string, en: string) =>
  unprocessable("MISSING_FIELDS", { field, missing: [field], labels: { "zh-CN": zh, en } });

/** A value from a fixed list (Chinese or our English); empty means not given. */
function lookup<T>(
  table: Record<string, T>,
  value: string | boolean | null | undefined,
  refuse: (value: string) => AppError,
): T | undefined {
  const text = typeof value === "string" ? key(value) : "";
  if (!text) return undefined;
  const hit = table[text];
  if (hit === undefined) throw refuse(text);
  return hit;
}

/** By code, name or synonym; a path such as "城乡建设/市政设施/路灯" by its first known segment. */
function categoryOf(ctx: Context, text: string): string {
  if (!text) throw missingField("category", "诉求分类", "Category");
  const candidates = [text, ...text.split(/[/\\>|,;、·—-]+/)];
  for (const c of candidates) {
    const code = ctx.categories.get(key(c));
    if (code) return code;
  }
  throw unprocessable("UNKNOWN_CATEGORY", { field: "category", category: text });
}

/** A mobile number, or a landline (callers ring 12345 from home); none means an anonymous call. */
function phoneOf(text: string): string | null {
  if (!text) return null;
  const mobile = normalizeMobile(text);
  if (mobile) return mobile;
  const digits = text.replace(/[\s()-]/g, "");
  if (/^0\d{9,11}$/.test(digits) || /^[2-9]\d{6,7}$/.test(digits)) return digits;
  throw unprocessable("INVALID_PHONE", { field: "callerPhone" });
}

/** "2026-11-20 09:30", "2026/11/20", "2026年11月20日 9时30分", "20261120093000" or ISO; China time unless stated. */
export function chinaTime(text: string): Date | null {
  if (/^\d{4}-\d{2}-\d{2}T.+(Z|[+-]\d{2}:?\d{2})$/i.test(text)) {
    const d = new Date(text);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  const m =
    /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[\sT]*(\d{1,2})[:时](\d{1,2})(?:[:分](\d{1,2}))?[秒分]?)?$/.exec(
      text,
    ) ?? /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2})?)?$/.exec(text);
  if (!m) return null;
  const [y, mo, d, h = 0, mi = 0, s = 0] = m.slice(1).map((v) => (v === undefined ? undefined : Number(v)));
  const utc = Date.UTC(y as number, (mo as number) - 1, d as number, h, mi, s);
  const check = new Date(utc);
  if (check.getUTCMonth() !== (mo as number) - 1 || check.getUTCDate() !== d || h > 23 || mi > 59 || s > 59)
    return null;
  return new Date(utc - 8 * 3_600_000);
}

/** The one household in scope at the address (exact, else the only one containing it), or null. */
async function householdAt(db: Db, principal: Principal, ctx: Context, address: string) {
  if (address.length < 4) return null;
  const { items } = await listHouseholds(db, principal, { q: address, pageSize: 20 });
  const exact = items.filter((h) => norm(h.address) === address);
  const pick = exact.length === 1 ? exact[0] : items.length === 1 ? items[0] : undefined;
  if (!pick) return null;
  const place = await householdPlace(db, pick.id);
  return place && ctx.paths.some((p) => place.territoryPath.startsWith(p)) ? { householdId: pick.id } : null;
}

/** "红旗社区" also as "红旗居委会", "潋江街道" also as "潋江办事处". */
function named(text: string, name: string, suffix: string, alias: string): boolean {
  if (text.includes(name)) return true;
  const base = name.endsWith(suffix) ? name.slice(0, -suffix.length) : "";
  return base.length >= 2 && text.includes(base + alias);
}

/** The community named by the handling unit or the address, narrowed by a street named with it. */
function nodeNamedIn(ctx: Context, ...texts: Array<string | null | undefined>): { nodeId: string } {
  const text = texts.filter(Boolean).join(" ");
  const streets = ctx.streets.filter((s) => named(text, s.name, "街道", "办事处"));
  let hits = ctx.communities.filter((c) => named(text, c.name, "社区", "居委会"));
  const inStreet = hits.filter((c) => streets.some((s) => c.path.startsWith(s.path)));
  if (streets.length > 0 && inStreet.length > 0) hits = inStreet;
  // "新红旗社区" names "红旗社区" too: the longer name is meant.
  const longest = Math.max(0, ...hits.map((c) => c.name.length));
  hits = hits.filter((c) => c.name.length === longest);
  if (hits.length === 1 && hits[0]) return { nodeId: hits[0].id };
  if (hits.length > 1)
    throw unprocessable("AMBIGUOUS_PLACE", { field: "address", communities: hits.map((c) => c.name) });
  if (streets.length > 0)
    throw unprocessable("COMMUNITY_REQUIRED", { field: "address", streets: streets.map((s) => s.name) });
  throw unprocessable("UNKNOWN_PLACE", { field: "address" });
}
