import { and, eq, ne } from "drizzle-orm";
import { type Actor, recordAudit } from "../../platform/audit/index.ts";
import { type Principal, scopePaths } from "../../platform/auth/index.ts";
import { nextDailyCode } from "../../platform/codes/index.ts";
import type { Db, Executor, Tx } from "../../platform/db/index.ts";
import { AppError, conflict, notFound, unprocessable } from "../../platform/errors.ts";
import { inWords } from "../../platform/i18n/words.ts";
import { normalizeMobile } from "../../platform/pii/index.ts";
import { type CaseForOrder, type CaseStatus, caseForOrder, receiveCaseForOrder } from "../cases/index.ts";
import { householdPlace } from "../people/index.ts";
import { lineageOf, locate, nodesByIds } from "../territory/index.ts";
import { teamPlace } from "../volunteering/index.ts";
import { announceOrder } from "./announce.ts";
import { orderCategoryOf } from "./categories.ts";
import { type Audience, orderEvents, orders } from "./tables.ts";

/** POST /orders: a service request the community hands out (社区派单), or a case published as one. */
export interface PublishInput {
  caseId?: string;
  categoryCode?: string;
  title?: string;
  description?: string;
  location?: { lat: number; lng: number };
  householdId?: string;
  nodeId?: string;
  address?: string;
  audience?: Audience;
  /** Who may grab, by where they live: a grid, a community … (default: the place's community). */
  audienceNodeId?: string;
  teamId?: string;
  maxDistanceMeters?: number;
  requesterName?: string;
  requesterPhone?: string;
}

interface Place {
  nodeId: string;
  path: string;
  /** The community's path (the default audience), else the node's own. */
  communityPath: string;
  lat: number | null;
  lng: number | null;
  address: string | null;
}

export interface Published {
  id: string;
  code: string;
  status: "open";
  replay: boolean;
  /** Where the case it was published from stands now (taken in), if any. */
  caseStatus: CaseStatus | null;
}

const TITLE_MAX = 60;
const titleOf = (text: string) => {
  const line = text.trim().split("\n")[0] ?? "";
  return line.length > TITLE_MAX ? `${line.slice(0, TITLE_MAX - 1)}…` : line;
};

export async function publishOrder(
  db: Db,
  principal: Principal,
  actor: Actor,
  input: PublishInput,
): Promise<Published> {
  const category = await orderCategoryOf(db, input.categoryCode ?? "errand");
  const phone = input.requesterPhone ? normalizeMobile(input.requesterPhone) : null;
  if (input.requesterPhone && !phone) throw unprocessable("INVALID_PHONE", { field: "requesterPhone" });
  // The map lookup reads the grid index outside the transaction; a case's place is read inside it.
  const given = input.caseId ? null : await placeOf(db, input);
  return db.transaction(async (tx) => {
    const fromCase = input.caseId ? await caseForOrder(tx, principal, input.caseId) : null;
    if (fromCase) await assertNoOrder(tx, fromCase);
    const place = given ?? (await placeOfCase(tx, fromCase as CaseForOrder));
    if (!publishable(principal, place.path))
      throw new AppError("OUTSIDE_YOUR_AREA", 403, { nodeId: place.nodeId });
    const title = input.title?.trim() || (fromCase ? titleOf(fromCase.description) : "");
    if (!title)
      throw unprocessable("MISSING_FIELDS", {
        missing: ["title"],
        labels: inWords((w) => w.orders.fields.title),
      });
    const audiencePath = input.audienceNodeId
      ? await audiencePathOf(tx, principal, place, input.audienceNodeId)
      : place.communityPath;
    if (input.maxDistanceMeters !== undefined && (place.lat === null || place.lng === null))
      throw unprocessable("PLACE_NEEDS_LOCATION", {
        field: "maxDistanceMeters",
      });
    return writeOrder(tx, actor, principal.userId, {
      caseId: fromCase?.id ?? null,
      categoryCode: category.code,
      onSiteMinutes: category.onSiteMinutes,
      title,
      description: (input.description ?? fromCase?.description ?? "").trim(),
      place: { ...place, address: input.address?.trim() || place.address },
      audience: input.audience ?? "both",
      audiencePath,
      teamId: input.teamId ? await teamOf(tx, principal, place, input.teamId) : null,
      maxDistanceMeters: input.maxDistanceMeters ?? null,
      requesterUserId: fromCase ? fromCase.reporterUserId : null,
      requesterName: fromCase ? fromCase.reporterName : input.requesterName?.trim() || null,
      requesterPhone: fromCase ? fromCase.reporterPhone : phone,
    });
  });
}

/**
 * 西湖五单 "一个按键发单": a one-key call marked for an order publishes its case at once, to the
 * members and volunteers of the household's community. A retried call finds the order it made.
 */
export async function publishFromCall(
  db: Db,
  actor: Actor,
  caseId: string,
  categoryCode: string,
): Promise<Published> {
  const category = await orderCategoryOf(db, categoryCode);
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: orders.id, code: orders.code })
      .from(orders)
      .where(eq(orders.caseId, caseId));
    if (existing) return { ...existing, status: "open" as const, replay: true, caseStatus: null };
    const fromCase = await caseForOrder(tx, null, caseId);
    const place = await placeOfCase(tx, fromCase);
    return writeOrder(tx, actor, null, {
      caseId,
      categoryCode: category.code,
      onSiteMinutes: category.onSiteMinutes,
      title: `一键通：${titleOf(fromCase.description)}`,
      description: fromCase.description,
      place,
      audience: "both",
      audiencePath: place.communityPath,
      teamId: null,
      maxDistanceMeters: null,
      requesterUserId: fromCase.reporterUserId,
      requesterName: fromCase.reporterName,
      requesterPhone: fromCase.reporterPhone,
    });
  });
}

interface NewOrder {
  caseId: string | null;
  categoryCode: string;
  onSiteMinutes: number;
  title: string;
  description: string;
  place: Place;
  audience: Audience;
  audiencePath: string;
  teamId: string | null;
  maxDistanceMeters: number | null;
  requesterUserId: string | null;
  requesterName: string | null;
  requesterPhone: string | null;
}

/** The order, its first event and audit row, and (from a case) the case taken in: one transaction. */
async function writeOrder(tx: Tx, actor: Actor, publisherId: string | null, o: NewOrder): Promise<Published> {
  const code = await nextDailyCode(tx, "orders", "DD");
  const { place, ...fields } = o;
  const [row] = await tx
    .insert(orders)
    .values({
      ...fields,
      code,
      address: place.address,
      lat: place.lat,
      lng: place.lng,
      nodeId: place.nodeId,
      territoryPath: place.path,
      publishedBy: publisherId,
    })
    .returning({ id: orders.id, code: orders.code });
  if (!row) throw new Error("insert returned nothing");
  const data = { caseId: o.caseId, audience: o.audience, audiencePath: o.audiencePath };
  await tx.insert(orderEvents).values({
    orderId: row.id,
    actorId: actor.userId,
    actorName: actor.name ?? null,
    action: "publish",
    toStatus: "open",
    data,
  });
  await recordAudit(tx, actor, {
    action: "orders.publish",
    entity: "order",
    entityId: row.id,
    after: { code, title: o.title, categoryCode: o.categoryCode, ...data },
  });
  const caseStatus = o.caseId ? await receiveCaseForOrder(tx, actor, o.caseId, code) : null;
  await announceOrder(tx, { ...o, id: row.id, code, publishedBy: publisherId });
  return { ...row, status: "open", replay: false, caseStatus };
}

/** One live order per case (the table's unique index): a second is refused, naming the first. */
async function assertNoOrder(tx: Executor, c: CaseForOrder) {
  const [existing] = await tx
    .select({ code: orders.code, status: orders.status })
    .from(orders)
    .where(and(eq(orders.caseId, c.id), ne(orders.status, "cancelled")));
  if (existing)
    throw conflict("CASE_HAS_ORDER", {
      orderCode: existing.code,
      status: existing.status,
    });
}

const publishable = (principal: Principal, path: string) =>
  scopePaths(principal, "orders.publish").some((p) => path.startsWith(p));

/** Where the service is: a point on the map, a household, or a node (with a typed address). */
async function placeOf(db: Db, input: PublishInput): Promise<Place> {
  if (input.location) {
    const { lat, lng } = input.location;
    const found = await locate(db, lat, lng).catch((err: unknown) => {
      if (err instanceof AppError && err.code === "OUTSIDE_DISTRICT")
        throw unprocessable("OUTSIDE_DISTRICT", { lat, lng });
      throw err;
    });
    const [grid] = await nodesByIds(db, [found.grid.id]);
    return onPath(db, grid?.path ?? "", lat, lng, null);
  }
  if (input.householdId) {
    const household = await householdPlace(db, input.householdId);
    if (!household) throw unprocessable("UNKNOWN_HOUSEHOLD", { field: "householdId" });
    const [node] = await nodesByIds(db, [household.nodeId]);
    return onPath(db, household.territoryPath, node?.lat ?? null, node?.lng ?? null, household.address);
  }
  if (input.nodeId) {
    const [node] = await nodesByIds(db, [input.nodeId]);
    if (!node) throw unprocessable("UNKNOWN_NODE", { field: "nodeId" });
    return onPath(db, node.path, node.lat, node.lng, node.address);
  }
  throw unprocessable("PLACE_REQUIRED", {
    fields: ["location", "householdId", "nodeId"],
  });
}

function placeOfCase(tx: Executor, c: CaseForOrder): Promise<Place> {
  return onPath(tx, c.territoryPath, c.lat, c.lng, c.address);
}

/** The order lives at the grid on the path, or at the community when there is no grid. */
async function onPath(
  tx: Executor,
  path: string,
  lat: number | null,
  lng: number | null,
  address: string | null,
): Promise<Place> {
  const { grid, community } = await lineageOf(tx, path);
  const home = grid ?? community;
  if (!home) throw unprocessable("OUTSIDE_COMMUNITY", { path });
  return {
    nodeId: home.id,
    path: home.path,
    communityPath: community?.path ?? home.path,
    lat,
    lng,
    address,
  };
}

/** The team it is for: one of the publisher's area, or one above the place; any other is 404. */
async function teamOf(tx: Executor, principal: Principal, place: Place, teamId: string) {
  const team = await teamPlace(tx, teamId);
  if (!team || !(place.path.startsWith(team.territoryPath) || publishable(principal, team.territoryPath)))
    throw notFound("team", teamId);
  return team.id;
}

/**
 * The audience node: one the publisher may publish in, or one above the place (its grid, its
 * community, its street); any other is 404, as if it did not exist.
 */
async function audiencePathOf(tx: Executor, principal: Principal, place: Place, nodeId: string) {
  const [node] = await nodesByIds(tx, [nodeId]);
  if (!node || !(place.path.startsWith(node.path) || publishable(principal, node.path)))
    throw notFound("territory node", nodeId);
  return node.path;
}
