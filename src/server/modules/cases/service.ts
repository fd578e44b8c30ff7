import {
  and,
  asc,
  count,
  desc,
  eq,
  gte,
  ilike,
  inArray,
  isNotNull,
  lt,
  or,
  type SQL,
  sql,
} from "drizzle-orm";
import { CONTACT_PURPOSE } from "../../../shared/contact.ts";
import { lateFor } from "../../../shared/flows/deadlines.ts";
import { type Actor, audited } from "../../platform/audit/index.ts";
import type { Principal } from "../../platform/auth/index.ts";
import type { Db, Executor } from "../../platform/db/index.ts";
import { likePattern } from "../../platform/db/index.ts";
import { forbidden, notFound } from "../../platform/errors.ts";
import { photoRefs } from "../../platform/files/index.ts";
import { type Paging, selectPage } from "../../platform/http/paging.ts";
import { maskingActor, presentTimeline } from "../../platform/http/timeline.ts";
import { logPiiAccess, maskName, maskPhone } from "../../platform/pii/index.ts";
import { nodesByIds, scopedTo } from "../territory/index.ts";
import { allowedActions, canSee, handles, standingOf, visibleCases } from "./access.ts";
import { allCategories, departmentsByIds, departmentsOfUser } from "./catalog.ts";
import { holdsForContact } from "./contact.ts";
import { type CaseStatus, FINISHED_STATUSES, OPEN_STATUSES } from "./flow.ts";
import { heldByCaller, holdersOf, openWhistles } from "./holders.ts";
import { type CaseRow, type Channel, caseCategories, caseEvents, cases, whistles } from "./tables.ts";
import { whistleActions } from "./whistles.ts";

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Overdue: still open and past the response (not yet received) or the resolution deadline. */
export const overdueSql = sql<boolean>`(${cases.status} in (${sql.join(
  OPEN_STATUSES.map((s) => sql`${s}`),
  sql`, `,
)}) and ((${cases.respondedAt} is null and ${cases.responseDueAt} < now()) or ${cases.resolveDueAt} < now()))`;

/**
 * 即将超时: open, not overdue, and the deadline still ahead falls within the category's reminder time
 * (the response deadline while nobody has received it, else the resolution deadline).
 */
export const dueSoonSql = sql<boolean>`(not ${overdueSql} and ${cases.status} in (${sql.join(
  OPEN_STATUSES.map((s) => sql`${s}`),
  sql`, `,
)}) and (case when ${cases.respondedAt} is null then ${cases.responseDueAt} else ${cases.resolveDueAt} end) < now() + make_interval(mins => coalesce((select c.remind_minutes from ${caseCategories} c where c.code = ${cases.categoryCode}), 0)))`;

export function isOverdue(
  c: Pick<CaseRow, "status" | "respondedAt" | "responseDueAt" | "resolveDueAt">,
  now = new Date(),
) {
  if (FINISHED_STATUSES.includes(c.status)) return false;
  return (c.respondedAt === null && c.responseDueAt < now) || c.resolveDueAt < now;
}

/** When an overdue case first fell late: its earliest deadline still running (most overdue first). */
export const lateSince = sql`least(case when ${cases.respondedAt} is null then ${cases.responseDueAt} end, ${cases.resolveDueAt})`;

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
  const [events, whistleRows, nodes, categories, linked, [holder]] = await Promise.all([
    db.select().from(caseEvents).where(eq(caseEvents.caseId, row.id)).orderBy(asc(caseEvents.at)),
    db.select().from(whistles).where(eq(whistles.caseId, row.id)).orderBy(asc(whistles.createdAt)),
    nodesByIds(
      db,
      [row.gridId, row.communityId, row.streetId].filter((x): x is string => x !== null),
    ),
    allCategories(db),
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
    holdersOf(db, [row]),
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
    holder: holder ?? null,
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
    // The reporter's own steps under his masked name, as the header shows him.
    events: presentTimeline(maskingActor(events, row.reporterUserId)),
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
      overdue: (w.status === "pending" || w.status === "accepted") && w.deadline < new Date(),
      allowedActions: whistleActions(principal, w),
    })),
    allowedActions: allowedActions(standing, row.status),
    // 查看并拨打: the one who holds the case may reveal the reporter's phone (logged, 办理联系).
    mayCall:
      row.reporterPhone !== null &&
      holdsForContact(
        standing,
        row.status,
        whistleRows
          .filter((w) => w.status === "pending" || w.status === "accepted")
          .map((w) => w.departmentId),
      ),
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
    lateFor: lateFor(row),
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
  /** 即将超时: open, not late yet, and a deadline within its category's reminder time. */
  dueSoon?: boolean;
  underId?: string;
  q?: string;
  from?: string;
  to?: string;
  holder?: "me" | "others";
  sort?: "createdAt" | "-createdAt" | "resolveDueAt" | "lateness";
}

/** Cases the caller may see, filtered; department staff see their department's cases and whistles. */
export async function listCases(db: Db, principal: Principal, f: CaseFilter) {
  // The overdue list reads from the longest overdue down, unless another order is asked for.
  const sort = f.sort ?? (f.overdue ? "lateness" : undefined);
  return pageOf(db, await caseConditions(db, principal, f), { ...f, sort });
}

/**
 * How many cases the list would hold with these filters (the home's to-dos count with it); the
 * caller's departments may be given when he counts several.
 */
export async function countCases(
  db: Db,
  principal: Principal,
  f: Omit<CaseFilter, keyof Paging>,
  departmentIds?: string[],
) {
  const [row] = await db
    .select({ n: count() })
    .from(cases)
    .where(await caseConditions(db, principal, f, departmentIds));
  return row?.n ?? 0;
}

async function caseConditions(
  db: Db,
  principal: Principal,
  f: Omit<CaseFilter, keyof Paging>,
  departments?: string[],
) {
  const departmentIds = departments ?? (await departmentsOfUser(db, principal.userId));
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
  if (f.dueSoon) conditions.push(dueSoonSql);
  if (f.supervised) conditions.push(isNotNull(cases.supervisedBy), inArray(cases.status, OPEN_STATUSES));
  if (f.needsReview !== undefined) conditions.push(eq(cases.needsReview, f.needsReview));
  if (f.holder) {
    const mine = heldByCaller(principal, departmentIds);
    conditions.push(inArray(cases.status, OPEN_STATUSES), f.holder === "me" ? mine : sql`not ${mine}`);
  }
  if (f.from) conditions.push(gte(cases.createdAt, new Date(f.from)));
  if (f.to) conditions.push(lt(cases.createdAt, new Date(f.to)));
  if (f.q) {
    const q = f.q.trim();
    conditions.push(or(eq(cases.code, q.toUpperCase()), ilike(cases.description, likePattern(q))) as SQL);
  }
  return and(...conditions);
}

/** "My requests": what the caller reported, newest first; `status` narrows them (resolved: to rate). */
export async function myCases(db: Db, principal: Principal, f: Paging & { status?: CaseStatus[] }) {
  return pageOf(db, myCasesWhere(principal, f.status), f);
}

const myCasesWhere = (principal: Principal, status?: CaseStatus[]) =>
  and(eq(cases.reporterUserId, principal.userId), status?.length ? inArray(cases.status, status) : undefined);

/** How many of my requests GET /cases/mine?status= would list (the home's 待我评价). */
export async function countMyCases(db: Db, principal: Principal, status: CaseStatus[]) {
  const [row] = await db.select({ n: count() }).from(cases).where(myCasesWhere(principal, status));
  return row?.n ?? 0;
}

async function pageOf(db: Db, where: SQL | undefined, f: Paging & { sort?: CaseFilter["sort"] }) {
  const order =
    f.sort === "createdAt"
      ? asc(cases.createdAt)
      : f.sort === "resolveDueAt"
        ? asc(cases.resolveDueAt)
        : f.sort === "lateness"
          ? asc(lateSince)
          : desc(cases.createdAt);
  const { rows, total } = await selectPage(db, cases, where, [order, asc(cases.id)], f);
  const categories = await allCategories(db);
  const grids = await nodesByIds(db, [
    ...new Set(rows.map((r) => r.gridId).filter((x): x is string => x !== null)),
  ]);
  const holders = await holdersOf(db, rows);
  return {
    items: rows.map((r, i) => ({
      ...present(r),
      holder: holders[i] ?? null,
      categoryName: categories.find((c) => c.code === r.categoryCode)?.name ?? r.categoryCode,
      gridCode: grids.find((g) => g.id === r.gridId)?.code ?? null,
      gridName: grids.find((g) => g.id === r.gridId)?.name ?? null,
    })),
    total,
  };
}

/**
 * The reporter's name and phone unmasked, for the one who holds the case now (a call with one tap,
 * or the community's callback after it is resolved: contact.ts). Every view is written to the
 * personal-data access log and the audit log with its purpose (办理联系 unless another is given),
 * never with the values. Others who may see the case are refused; others still, not told it exists.
 */
export async function revealReporter(
  db: Db,
  principal: Principal,
  actor: Actor,
  idOrCode: string,
  purpose = CONTACT_PURPOSE,
) {
  return audited(db, actor, async (tx, audit) => {
    const { row, standing } = await loadCase(tx, principal, idOrCode);
    if (!handles(principal, standing)) throw notFound("case", idOrCode);
    const open = (await openWhistles(tx, row.id)).map((w) => w.departmentId);
    if (!holdsForContact(standing, row.status, open)) throw forbidden();
    const who = { actorId: actor.userId, entity: "case", entityId: row.id, purpose, ip: actor.ip };
    await logPiiAccess(tx, { ...who, field: "reporterPhone" });
    // In the audit log too, with the purpose and never the values.
    await audit({ action: "cases.reporter.reveal", entity: "case", entityId: row.id, after: { purpose } });
    return { name: row.reporterName, phone: row.reporterPhone };
  });
}
