import { and, asc, desc, eq, gte, ilike, inArray, isNotNull, lt, or, type SQL, sql } from "drizzle-orm";
import { type Actor, audited } from "../../platform/audit/index.ts";
import type { Principal } from "../../platform/auth/index.ts";
import type { Db, Executor } from "../../platform/db/index.ts";
import { likePattern } from "../../platform/db/index.ts";
import { notFound } from "../../platform/errors.ts";
import { photoRefs } from "../../platform/files/index.ts";
import { type Paging, selectPage } from "../../platform/http/paging.ts";
import { presentTimeline } from "../../platform/http/timeline.ts";
import { logPiiAccess, maskName, maskPhone } from "../../platform/pii/index.ts";
import { nodesByIds, scopedTo } from "../territory/index.ts";
import { allowedActions, canSee, handles, standingOf, visibleCases } from "./access.ts";
import { departmentsByIds, departmentsOfUser, listCategories } from "./catalog.ts";
import { type CaseStatus, FINISHED_STATUSES, OPEN_STATUSES } from "./flow.ts";
import { type CaseRow, type Channel, caseEvents, cases, whistles } from "./tables.ts";

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Overdue: still open and past the response (not yet received) or the resolution deadline. */
export const overdueSql = sql<boolean>`(${cases.status} in (${sql.join(
  OPEN_STATUSES.map((s) => sql`${s}`),
  sql`, `,
)}) and ((${cases.respondedAt} is null and ${cases.responseDueAt} < now()) or ${cases.resolveDueAt} < now()))`;

export function isOverdue(
  c: Pick<CaseRow, "status" | "respondedAt" | "responseDueAt" | "resolveDueAt">,
  now = new Date(),
) {
  if (FINISHED_STATUSES.includes(c.status)) return false;
  return (c.respondedAt === null && c.responseDueAt < now) || c.resolveDueAt < now;
}

/** The case row by id or code, with the caller's standing; 404 when he may not see it. */
export async function loadCase(executor: Executor, principal: Principal, idOrCode: string) {
  const [row] = await executor
    .select()
    .from(cases)
    .where(UUID_RE.test(idOrCode) ? eq(cases.id, idOrCode) : eq(cases.code, idOrCode.toUpperCase()));
  if (!row) throw notFound("case", idOrCode);
  const departmentIds = await departmentsOfUser(executor, principal.userId);
  const standing = await standingOf(executor, principal, departmentIds, row);
  if (!canSee(principal, standing)) throw notFound("case", idOrCode);
  return { row, standing, departmentIds };
}

const ref = (n: { id: string; code: string; name: string } | undefined) =>
  n ? { id: n.id, code: n.code, name: n.name } : null;

/** GET /cases/{idOrCode}: the case, its timeline, whistles, links, and the caller's allowed actions. */
export async function getCase(db: Db, principal: Principal, idOrCode: string) {
  const { row, standing } = await loadCase(db, principal, idOrCode);
  const [events, whistleRows, nodes, categories, linked] = await Promise.all([
    db.select().from(caseEvents).where(eq(caseEvents.caseId, row.id)).orderBy(asc(caseEvents.at)),
    db.select().from(whistles).where(eq(whistles.caseId, row.id)).orderBy(asc(whistles.createdAt)),
    nodesByIds(
      db,
      [row.gridId, row.communityId, row.streetId].filter((x): x is string => x !== null),
    ),
    listCategories(db),
    db
      .select({ id: cases.id, code: cases.code, status: cases.status, masterId: cases.masterId })
      .from(cases)
      .where(
        or(
          eq(cases.masterId, row.id),
          ...[row.masterId, row.suggestedMasterId]
            .filter((x): x is string => x !== null)
            .map((x) => eq(cases.id, x)),
        ),
      ),
  ]);
  const departments = await departmentsByIds(db, [
    ...new Set(
      [row.departmentId, ...whistleRows.map((w) => w.departmentId)].filter((x): x is string => x !== null),
    ),
  ]);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const dept = (id: string | null) => {
    const d = departments.find((x) => x.id === id);
    return d ? { id: d.id, code: d.code, name: d.name, nameEn: d.nameEn } : null;
  };
  const category = categories.find((c) => c.code === row.categoryCode);
  const link = (id: string | null) => {
    const c = linked.find((x) => x.id === id);
    return c ? { id: c.id, code: c.code, status: c.status } : null;
  };
  return {
    ...present(row),
    category: {
      code: row.categoryCode,
      name: category?.name ?? row.categoryCode,
      nameEn: category?.nameEn ?? "",
    },
    photos: photoRefs(row.photos),
    gridCode: byId.get(row.gridId ?? "")?.code ?? null,
    grid: ref(byId.get(row.gridId ?? "")),
    community: ref(byId.get(row.communityId ?? "")),
    street: ref(byId.get(row.streetId ?? "")),
    department: dept(row.departmentId),
    suggestedMaster: link(row.suggestedMasterId),
    master: link(row.masterId),
    duplicates: linked
      .filter((c) => c.masterId === row.id)
      .map((c) => ({ id: c.id, code: c.code, status: c.status })),
    extra: row.extra,
    events: presentTimeline(events),
    whistles: whistleRows.map((w) => ({
      id: w.id,
      department: dept(w.departmentId) ?? { id: w.departmentId, code: "", name: "", nameEn: "" },
      status: w.status,
      request: w.request,
      deadline: w.deadline.toISOString(),
      acceptedAt: w.acceptedAt?.toISOString() ?? null,
      reportedAt: w.reportedAt?.toISOString() ?? null,
      report: w.report,
      reportPhotos: photoRefs(w.reportPhotos),
      score: w.score,
      ratingComment: w.ratingComment,
      overdue: w.status !== "reported" && w.status !== "rated" && w.deadline < new Date(),
    })),
    allowedActions: allowedActions(standing, row.status),
  };
}

/** The fields every list item and the detail share; the reporter is always masked here. */
function present(row: CaseRow) {
  return {
    id: row.id,
    code: row.code,
    status: row.status,
    channel: row.channel,
    categoryCode: row.categoryCode,
    requestType: row.requestType,
    urgency: row.urgency,
    description: row.description,
    lat: row.lat,
    lng: row.lng,
    address: row.address,
    gridId: row.gridId,
    communityId: row.communityId,
    reporterName: maskName(row.reporterName),
    reporterPhone: row.reporterPhone ? maskPhone(row.reporterPhone) : null,
    createdAt: row.createdAt.toISOString(),
    responseDueAt: row.responseDueAt.toISOString(),
    resolveDueAt: row.resolveDueAt.toISOString(),
    respondedAt: row.respondedAt?.toISOString() ?? null,
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    closedAt: row.closedAt?.toISOString() ?? null,
    overdue: isOverdue(row),
    supervisedBy: row.supervisedBy,
    rating: row.rating,
    ratingComment: row.ratingComment,
    needsReview: row.needsReview,
  };
}

export interface CaseFilter extends Paging {
  status?: CaseStatus[];
  open?: boolean;
  categoryCode?: string;
  channel?: Channel;
  overdue?: boolean;
  supervised?: boolean;
  needsReview?: boolean;
  underId?: string;
  q?: string;
  from?: string;
  to?: string;
  sort?: "createdAt" | "-createdAt" | "resolveDueAt";
}

/** Cases the caller may see, filtered; department staff see their department's cases and whistles. */
export async function listCases(db: Db, principal: Principal, f: CaseFilter) {
  const departmentIds = await departmentsOfUser(db, principal.userId);
  const conditions: SQL[] = [visibleCases(principal, departmentIds)];
  if (f.underId)
    conditions.push(
      ...(await scopedTo(db, principal, "territory.read", cases.territoryPath, f.underId)).slice(1),
    );
  if (f.status?.length) conditions.push(inArray(cases.status, f.status));
  if (f.open !== undefined)
    conditions.push(
      f.open ? inArray(cases.status, OPEN_STATUSES) : inArray(cases.status, [...FINISHED_STATUSES]),
    );
  if (f.categoryCode) conditions.push(eq(cases.categoryCode, f.categoryCode));
  if (f.channel) conditions.push(eq(cases.channel, f.channel));
  if (f.overdue !== undefined) conditions.push(f.overdue ? overdueSql : sql`not ${overdueSql}`);
  if (f.supervised) conditions.push(isNotNull(cases.supervisedBy), inArray(cases.status, OPEN_STATUSES));
  if (f.needsReview !== undefined) conditions.push(eq(cases.needsReview, f.needsReview));
  if (f.from) conditions.push(gte(cases.createdAt, new Date(f.from)));
  if (f.to) conditions.push(lt(cases.createdAt, new Date(f.to)));
  if (f.q) {
    const q = f.q.trim();
    conditions.push(or(eq(cases.code, q.toUpperCase()), ilike(cases.description, likePattern(q))) as SQL);
  }
  return pageOf(db, and(...conditions), f);
}

/** "My requests": what the caller reported, newest first. */
export async function myCases(db: Db, principal: Principal, f: Paging) {
  return pageOf(db, eq(cases.reporterUserId, principal.userId), f);
}

async function pageOf(db: Db, where: SQL | undefined, f: Paging & { sort?: CaseFilter["sort"] }) {
  const order =
    f.sort === "createdAt"
      ? asc(cases.createdAt)
      : f.sort === "resolveDueAt"
        ? asc(cases.resolveDueAt)
        : desc(cases.createdAt);
  const { rows, total } = await selectPage(db, cases, where, [order, asc(cases.id)], f);
  const categories = await listCategories(db);
  const grids = await nodesByIds(db, [
    ...new Set(rows.map((r) => r.gridId).filter((x): x is string => x !== null)),
  ]);
  return {
    items: rows.map((r) => ({
      ...present(r),
      categoryName: categories.find((c) => c.code === r.categoryCode)?.name ?? r.categoryCode,
      gridCode: grids.find((g) => g.id === r.gridId)?.code ?? null,
      gridName: grids.find((g) => g.id === r.gridId)?.name ?? null,
    })),
    total,
  };
}

/**
 * The reporter's name and phone unmasked, for a callback (回访) by staff handling the case:
 * territory staff or the handling department, never another resident. Every call is logged.
 */
export async function revealReporter(
  db: Db,
  principal: Principal,
  actor: Actor,
  idOrCode: string,
  purpose: string,
) {
  return audited(db, actor, async (tx, audit) => {
    const { row, standing } = await loadCase(tx, principal, idOrCode);
    if (!handles(principal, standing)) throw notFound("case", idOrCode);
    const who = { actorId: actor.userId, entity: "case", entityId: row.id, purpose, ip: actor.ip };
    await logPiiAccess(tx, { ...who, field: "reporterPhone" });
    // In the audit log too, with the purpose and never the values.
    await audit({ action: "cases.reporter.reveal", entity: "case", entityId: row.id, after: { purpose } });
    return { name: row.reporterName, phone: row.reporterPhone };
  });
}
