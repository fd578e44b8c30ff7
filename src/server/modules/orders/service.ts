import { and, asc, count, desc, eq, gte, ilike, inArray, lt, or, type SQL, sql } from "drizzle-orm";
import type { Principal } from "../../platform/auth/index.ts";
import { type Db, type Executor, likePattern } from "../../platform/db/index.ts";
import { notFound } from "../../platform/errors.ts";
import { photoRefs } from "../../platform/files/index.ts";
import { type Paging, selectPage } from "../../platform/http/paging.ts";
import { maskingActor, presentTimeline } from "../../platform/http/timeline.ts";
import { maskAddress, maskName, maskPhone } from "../../platform/pii/index.ts";
import { nodesByIds, scopedTo } from "../territory/index.ts";
import { allowedActions, canSee, isResponsible, mayCall, type OrderRow, standingOf } from "./access.ts";
import { categoryLookup, listOrderCategories } from "./categories.ts";
import { distanceTo, grabberOf, homePaths, refusalOf, type Spot } from "./eligibility.ts";
import { TAKEN_STATUSES } from "./flow.ts";
import { type OrderStatus, orderEvents, orders } from "./tables.ts";

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The hall shows at most this many open orders: a pool to pick from, not an archive. */
const HALL_LIMIT = 200;

/** The order by id or code with the caller's standing; 404 when he may not see it. */
export async function loadOrder(
  executor: Executor,
  principal: Principal,
  idOrCode: string,
  { lock = false } = {},
) {
  const query = executor
    .select()
    .from(orders)
    .where(UUID_RE.test(idOrCode) ? eq(orders.id, idOrCode) : eq(orders.code, idOrCode.toUpperCase()));
  const [row] = lock ? await query.for("update") : await query;
  if (!row) throw notFound("order", idOrCode);
  const { skill } = categoryLookup(await listOrderCategories(executor))(row.categoryCode);
  const grabber = grabberOf(executor, principal);
  const standing = await standingOf(principal, grabber, row, skill);
  if (!canSee(standing)) throw notFound("order", idOrCode);
  return { row, standing, grabber, skill };
}

type Lookup = ReturnType<typeof categoryLookup>;
const iso = (d: Date | null) => d?.toISOString() ?? null;

/**
 * How much of the requester a reader gets: "own" for the requester himself (his own phone),
 * "whole" for the one who answers for the service (isResponsible: the whole address and place; the
 * phone masked, revealed to the taker with one tap and logged: contact.ts), "address" for the staff
 * lists (the phone masked, as in every list), and "masked" for those it is merely offered to: his
 * name, phone and address masked, and the place only to about 100 metres, enough to judge the way.
 */
type Disclosure = "own" | "whole" | "address" | "masked";
const roughly = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 1000);

/** The fields every list item and the detail share. */
function present(
  row: OrderRow,
  category: Lookup,
  nodeName: (id: string) => string | null,
  disclosure: Disclosure,
) {
  const c = category(row.categoryCode);
  const masked = disclosure === "masked";
  return {
    id: row.id,
    code: row.code,
    status: row.status,
    categoryCode: row.categoryCode,
    categoryName: c.name,
    categoryNameEn: c.nameEn,
    title: row.title,
    description: row.description,
    address: masked ? maskAddress(row.address) : row.address,
    lat: masked ? roughly(row.lat) : row.lat,
    lng: masked ? roughly(row.lng) : row.lng,
    nodeId: row.nodeId,
    nodeName: nodeName(row.nodeId),
    audience: row.audience,
    teamId: row.teamId,
    maxDistanceMeters: row.maxDistanceMeters,
    onSiteMinutes: row.onSiteMinutes,
    caseId: row.caseId,
    requesterName: maskName(row.requesterName),
    requesterPhone: disclosure === "own" ? row.requesterPhone : maskPhone(row.requesterPhone),
    takerName: row.takerName,
    createdAt: row.createdAt.toISOString(),
    grabbedAt: iso(row.grabbedAt),
    onSiteDueAt: iso(row.onSiteDueAt),
    arrivedAt: iso(row.arrivedAt),
    completedAt: iso(row.completedAt),
    score: row.score,
    misses: row.misses,
  };
}

/** Items of a page of rows, with category and node names looked up once for the page. */
async function presentAll(executor: Executor, rows: OrderRow[], disclosure: Disclosure) {
  const category = categoryLookup(await listOrderCategories(executor));
  const nodes = await nodesByIds(executor, [...new Set(rows.map((r) => r.nodeId))]);
  const names = new Map(nodes.map((n) => [n.id, n.name]));
  return rows.map((r) => present(r, category, (id) => names.get(id) ?? null, disclosure));
}

/** GET /orders/{idOrCode}: the order, its timeline, and what the caller may do now. */
export async function getOrder(db: Db, principal: Principal, idOrCode: string) {
  const { row, standing } = await loadOrder(db, principal, idOrCode);
  const audienceNodeId = row.audiencePath.split("/").filter(Boolean).at(-1) ?? "";
  const [events, nodes, [item]] = await Promise.all([
    db.select().from(orderEvents).where(eq(orderEvents.orderId, row.id)).orderBy(asc(orderEvents.at)),
    nodesByIds(db, [audienceNodeId]),
    presentAll(
      db,
      [row],
      standing.actors.has("requester") ? "own" : isResponsible(standing) ? "whole" : "masked",
    ),
  ]);
  return {
    ...(item as ReturnType<typeof present>),
    audienceNodeName: nodes[0]?.name ?? null,
    completionNote: row.completionNote,
    completionPhotos: photoRefs(row.completionPhotos),
    ratingComment: row.ratingComment,
    ratedAt: iso(row.ratedAt),
    // The requester's own steps under his masked name, as the header shows him.
    events: presentTimeline(maskingActor(events, row.requesterUserId)),
    allowedActions: allowedActions(standing, row),
    mayCall: mayCall(standing, row),
  };
}

export interface OrderFilter extends Paging {
  status?: OrderStatus[];
  categoryCode?: string;
  underId?: string;
  q?: string;
  from?: string;
  to?: string;
}

/** The orders of the caller's scope (staff: orders.publish), filtered, newest first. */
export async function listOrders(db: Db, principal: Principal, f: OrderFilter) {
  const conditions = await scopedTo(db, principal, "orders.publish", orders.territoryPath, f.underId);
  if (f.status?.length) conditions.push(inArray(orders.status, f.status));
  if (f.categoryCode) conditions.push(eq(orders.categoryCode, f.categoryCode));
  if (f.from) conditions.push(gte(orders.createdAt, new Date(f.from)));
  if (f.to) conditions.push(lt(orders.createdAt, new Date(f.to)));
  if (f.q) {
    const q = f.q.trim();
    conditions.push(or(eq(orders.code, q.toUpperCase()), ilike(orders.title, likePattern(q))) as SQL);
  }
  return pageOf(db, and(...conditions), f, "address");
}

/** 我的订单: what I took (as member or volunteer), or what was asked for me (as resident). */
export async function myOrders(db: Db, principal: Principal, f: Paging & { as?: "taker" | "requester" }) {
  const column = f.as === "requester" ? orders.requesterUserId : orders.takerUserId;
  // What he took or what was asked for him: he answers for it, or it is his own.
  return pageOf(db, eq(column, principal.userId), f, f.as === "requester" ? "own" : "whole");
}

async function pageOf(db: Db, where: SQL | undefined, f: Paging, disclosure: Disclosure) {
  const { rows, total } = await selectPage(db, orders, where, [desc(orders.createdAt), asc(orders.id)], f);
  return { items: await presentAll(db, rows, disclosure), total };
}

/**
 * 抢单大厅: the open orders published to the caller that he may grab, nearest first (with the
 * phone's location; newest first without), and above them the ones he holds now.
 */
export async function hall(db: Db, principal: Principal, at: Spot | undefined) {
  const [taken, open] = await Promise.all([
    db.select().from(orders).where(takenBy(principal)).orderBy(asc(orders.onSiteDueAt)),
    openToGrab(db, principal, at),
  ]);
  const withDistance = async (rows: OrderRow[], disclosure: Disclosure) =>
    (await presentAll(db, rows, disclosure)).map((item, i) => ({
      ...item,
      distanceMeters: distanceTo(rows[i] as OrderRow, at),
    }));
  const nearest = (await withDistance(open, "masked")).sort(
    (a, b) => (a.distanceMeters ?? Number.MAX_VALUE) - (b.distanceMeters ?? Number.MAX_VALUE),
  );
  return { taken: await withDistance(taken, "whole"), open: nearest };
}

const takenBy = (principal: Principal) =>
  and(eq(orders.takerUserId, principal.userId), inArray(orders.status, [...TAKEN_STATUSES]));

/** The open orders published to the caller that he may grab, newest first: the hall's pool. */
async function openToGrab(db: Db, principal: Principal, at: Spot | undefined): Promise<OrderRow[]> {
  const grabber = grabberOf(db, principal);
  const homes = await homePaths(grabber);
  if (homes.length === 0) return [];
  const [pool, categories] = await Promise.all([
    db
      .select()
      .from(orders)
      .where(
        and(
          eq(orders.status, "open"),
          // Paths are uuids and slashes: no LIKE wildcard can hide in one.
          or(...homes.map((p) => sql`${p} like ${orders.audiencePath} || '%'`)),
        ),
      )
      .orderBy(desc(orders.createdAt))
      .limit(HALL_LIMIT),
    listOrderCategories(db),
  ]);
  const category = categoryLookup(categories);
  const open: OrderRow[] = [];
  for (const row of pool)
    if (
      !(await refusalOf({ ...row, skill: category(row.categoryCode).skill }, grabber, at, at !== undefined))
    )
      open.push(row);
  return open;
}

/** The hall's two lists, counted (the home's 待领单 and 我的进行中订单). */
export async function hallCounts(db: Db, principal: Principal) {
  const [open, [taken]] = await Promise.all([
    openToGrab(db, principal, undefined),
    db.select({ n: count() }).from(orders).where(takenBy(principal)),
  ]);
  return { open: open.length, taken: taken?.n ?? 0 };
}

/** How many orders GET /orders?status= would list for the caller's scope. */
export async function countOrders(db: Db, principal: Principal, status: OrderStatus) {
  const conditions = await scopedTo(db, principal, "orders.publish", orders.territoryPath, undefined);
  const [row] = await db
    .select({ n: count() })
    .from(orders)
    .where(and(...conditions, eq(orders.status, status)));
  return row?.n ?? 0;
}
