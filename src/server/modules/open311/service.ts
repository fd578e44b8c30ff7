import type { Executor } from "../../platform/db/index.ts";
import type { Locale } from "../../platform/i18n/messages.ts";
import {
  type CaseRow,
  type CaseStatus,
  caseRowByCode,
  departmentsByIds,
  FINISHED_STATUSES,
  findCaseRows,
  listCategories,
} from "../cases/index.ts";
import { nodesByIds } from "../territory/index.ts";
import { open311Error, pick, type Said } from "./format.ts";

type Category = Awaited<ReturnType<typeof listCategories>>[number];

const GROUPS: Record<string, Said> = {
  grid: { zh: "网格办理", en: "Handled by the grid" },
  community: { zh: "社区办理", en: "Handled by the community" },
  department: { zh: "部门办理", en: "Handled by a department" },
};

const serviceName = (c: Category, locale: Locale) => (locale === "en" ? c.nameEn || c.name : c.name);

/** GET services: one service per active case category. */
export async function listServices(db: Executor, locale: Locale) {
  const categories = await listCategories(db);
  return categories.map((c) => ({
    service_code: c.code,
    service_name: serviceName(c, locale),
    description: c.description,
    metadata: c.questions.length > 0,
    type: "realtime" as const,
    keywords: [...new Set([c.name, c.nameEn, c.code].filter(Boolean))].join(", "),
    group: pick(locale, GROUPS[c.defaultLevel] ?? { zh: "其他", en: "Other" }),
  }));
}

/** An active category by its service_code, or the specification's 404. */
export async function serviceByCode(db: Executor, code: string): Promise<Category> {
  const category = (await listCategories(db)).find((c) => c.code === code);
  if (!category) throw open311Error(404, `没有这个服务：${code}`, `service_code ${code} was not found`);
  return category;
}

export interface Attribute {
  variable: boolean;
  code: string;
  datatype: Category["questions"][number]["datatype"];
  required: boolean;
  datatype_description: string | null;
  order: number;
  description: string;
  values?: Array<{ key: string; name: string }>;
}

/** GET services/{code}: the category's questions as the service's attributes. */
export async function serviceDefinition(
  db: Executor,
  code: string,
  locale: Locale,
): Promise<{ service_code: string; attributes: Attribute[] }> {
  const category = await serviceByCode(db, code);
  return {
    service_code: category.code,
    attributes: category.questions.map((q, i) => ({
      variable: true,
      code: q.code,
      datatype: q.datatype,
      required: q.required,
      datatype_description: null,
      order: i + 1,
      description: locale === "en" ? q.labelEn || q.label : q.label,
      ...(q.datatype === "singlevaluelist" ? { values: q.values ?? [] } : {}),
    })),
  };
}

const DURATION_UNITS: Array<[number, Said]> = [
  [1440, { zh: "天", en: "day" }],
  [60, { zh: "小时", en: "hour" }],
  [1, { zh: "分钟", en: "minute" }],
];

function duration(minutes: number, locale: Locale): string {
  const [size, unit] = DURATION_UNITS.find(([size]) => minutes >= size && minutes % size === 0) ?? [
    1,
    { zh: "分钟", en: "minute" },
  ];
  const n = minutes / size;
  return locale === "en" ? `${n} ${unit.en}${n === 1 ? "" : "s"}` : `${n}${unit.zh}`;
}

/** What the resident can expect: the category's service-level agreement in words. */
export function serviceNotice(c: Pick<Category, "responseMinutes" | "resolveMinutes">, locale: Locale) {
  const respond = duration(c.responseMinutes, locale);
  const resolve = duration(c.resolveMinutes, locale);
  return locale === "en"
    ? `Received. We respond within ${respond} and aim to resolve it within ${resolve}.`
    : `已受理，将在${respond}内响应，${resolve}内办结。`;
}

/** Our status in words, for `status_notes`: public, unlike the handlers' notes, which may name people. */
const STATUS_NOTES: Record<CaseStatus, Said> = {
  new: { zh: "待网格员受理", en: "Waiting for the grid worker" },
  gridHandling: { zh: "网格员处理中", en: "Being handled by the grid worker" },
  communityDispatch: { zh: "社区分派中", en: "With the community for dispatch" },
  whistled: { zh: "已吹哨，相关部门协同处理中", en: "Departments called in by the community" },
  streetReview: { zh: "街道审核中", en: "Under review by the street office" },
  departmentClaim: { zh: "待部门认领", en: "Waiting for a department to take it" },
  departmentHandling: { zh: "部门处理中", en: "Being handled by a department" },
  resolved: { zh: "已办结，待评价", en: "Resolved; waiting for the reporter's rating" },
  closed: { zh: "已办结", en: "Closed" },
  merged: { zh: "重复诉求，已合并处理", en: "Duplicate; merged into another request" },
  withdrawn: { zh: "报告人已撤回", en: "Withdrawn by the reporter" },
};

export interface RequestQuery {
  /** Case codes; when given, every other filter is ignored, as the specification says. */
  ids?: string[];
  serviceCodes?: string[];
  start?: Date;
  end?: Date;
  statuses?: Array<"open" | "closed">;
}

export const MAX_RESULTS = 1000;
export const WINDOW_MS = 90 * 24 * 3_600_000;

/** The specification's w3 date-time: the time part, if any, must carry its zone. */
const W3_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;

type Query = Record<string, string | string[] | undefined>;

/** A comma-delimited argument, also accepted when repeated (`status=open&status=closed`). */
function listArg(query: Query, name: string): string[] | undefined {
  const raw = query[name];
  if (raw === undefined) return undefined;
  const items = (Array.isArray(raw) ? raw : [raw]).flatMap((v) => v.split(",")).map((v) => v.trim());
  const present = items.filter(Boolean);
  return present.length > 0 ? present : undefined;
}

function dateArg(query: Query, name: string): Date | undefined {
  const raw = query[name];
  if (raw === undefined || raw === "") return undefined;
  // An unencoded "+08:00" arrives as " 08:00" (a query string's "+" is a space).
  const text = (Array.isArray(raw) ? (raw[0] ?? "") : raw).trim().replace(/ (\d{2}:\d{2})$/, "+$1");
  const at = W3_DATE.test(text) ? new Date(text) : null;
  if (!at || Number.isNaN(at.getTime()))
    throw open311Error(
      400,
      `${name} 须为 ISO 8601 时间，例如 2010-01-01T00:00:00Z`,
      `${name} must be a w3 date-time such as 2010-01-01T00:00:00Z`,
    );
  return at;
}

/** GET requests' arguments, checked; unknown ones (jurisdiction_id, api_key, …) are ignored. */
export function parseRequestQuery(query: Query): RequestQuery {
  const ids = listArg(query, "service_request_id");
  if (ids) {
    if (ids.length > MAX_RESULTS)
      throw open311Error(400, `一次最多查询 ${MAX_RESULTS} 个诉求`, `At most ${MAX_RESULTS} ids at once`);
    return { ids: ids.map((id) => id.toUpperCase()) };
  }
  const statuses = listArg(query, "status");
  const bad = statuses?.find((s) => s !== "open" && s !== "closed");
  if (bad)
    throw open311Error(400, `status 只能是 open 或 closed：${bad}`, `status must be open or closed: ${bad}`);
  const start = dateArg(query, "start_date");
  const end = dateArg(query, "end_date");
  const to = end ?? (start ? new Date(start.getTime() + WINDOW_MS) : new Date());
  const from = start ?? new Date(to.getTime() - WINDOW_MS);
  if (from > to) throw open311Error(400, "start_date 晚于 end_date", "start_date is after end_date");
  if (to.getTime() - from.getTime() > WINDOW_MS)
    throw open311Error(400, "查询时间跨度不能超过 90 天", "The date range may not span more than 90 days");
  return {
    serviceCodes: listArg(query, "service_code"),
    start: from,
    end: to,
    statuses: statuses as RequestQuery["statuses"],
  };
}

/** GET requests: newest first, at most 1000. */
export async function findRequests(db: Executor, q: RequestQuery, locale: Locale) {
  const wanted = new Set(q.statuses ?? []);
  const rows = await findCaseRows(db, {
    codes: q.ids,
    categoryCodes: q.serviceCodes,
    from: q.start,
    to: q.end,
    finished: wanted.size === 1 ? wanted.has("closed") : undefined,
    limit: MAX_RESULTS,
  });
  return present(db, rows, locale);
}

/** GET requests/{id}: the one request, in a list; 404 when there is no such case code. */
export async function requestByCode(db: Executor, code: string, locale: Locale) {
  const row = await caseRowByCode(db, code);
  if (!row) throw open311Error(404, `没有这个诉求：${code}`, `service_request_id ${code} was not found`);
  return present(db, [row], locale);
}

const w3 = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, "Z");

/**
 * The public view of cases. Open311 reads are anonymous, so every case is listed (its service,
 * status, dates and the area or department handling it) but nothing personal ever leaves: no
 * reporter, no handlers' notes. Description, exact location and media are given only for cases
 * filed through Open311 itself, whose reporters posted them to a public system as the specification
 * intends; a hotline call, a household's one-key device or an app report may describe a home and
 * its people, so those show the grid or community as their address and no coordinates or text.
 */
async function present(db: Executor, rows: CaseRow[], locale: Locale) {
  const nodeIds = new Set<string>();
  const departmentIds = new Set<string>();
  for (const r of rows) {
    if (r.gridId) nodeIds.add(r.gridId);
    if (r.communityId) nodeIds.add(r.communityId);
    if (r.departmentId) departmentIds.add(r.departmentId);
  }
  const [categories, nodes, depts] = await Promise.all([
    listCategories(db),
    nodesByIds(db, [...nodeIds]),
    departmentsByIds(db, [...departmentIds]),
  ]);
  const category = new Map(categories.map((c) => [c.code, c]));
  const node = new Map(nodes.map((n) => [n.id, n.name]));
  const dept = new Map(depts.map((d) => [d.id, locale === "en" ? d.nameEn || d.name : d.name]));
  return rows.map((r) => {
    const c = category.get(r.categoryCode);
    const area = [r.communityId, r.gridId]
      .map((id) => (id ? node.get(id) : undefined))
      .filter(Boolean)
      .join(" ");
    const filedHere = r.channel === "open311";
    const closed = FINISHED_STATUSES.includes(r.status);
    const mediaUrl = filedHere && typeof r.extra.media_url === "string" ? r.extra.media_url : null;
    return {
      service_request_id: r.code,
      status: closed ? ("closed" as const) : ("open" as const),
      status_notes: pick(locale, STATUS_NOTES[r.status]),
      service_name: c ? serviceName(c, locale) : r.categoryCode,
      service_code: r.categoryCode,
      description: filedHere ? r.description : null,
      agency_responsible: (r.departmentId && dept.get(r.departmentId)) || area || null,
      service_notice: c && !closed ? serviceNotice(c, locale) : null,
      requested_datetime: w3(r.createdAt),
      updated_datetime: w3(r.updatedAt),
      expected_datetime: w3(r.resolveDueAt),
      address: (filedHere ? r.address : null) ?? (area || null),
      address_id: null,
      zipcode: null,
      lat: filedHere ? r.lat : null,
      long: filedHere ? r.lng : null,
      media_url: mediaUrl,
    };
  });
}
