import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Actor } from "../../../platform/audit/index.ts";
import { processCache } from "../../../platform/caches.ts";
import type { Db, Executor } from "../../../platform/db/index.ts";
import { AppError, unprocessable } from "../../../platform/errors.ts";
import { assertFilesExist } from "../../../platform/files/index.ts";
import { householdPlace } from "../../people/index.ts";
import { lineageOf, locate, nodesByIds } from "../../territory/index.ts";
import { categoryByCode, departmentByCode, routeTo } from "../catalog.ts";
import type { CaseStatus } from "../flow.ts";
import { type Channel, cases, type RequestType, type Urgency } from "../tables.ts";
import { writeCase } from "./batch.ts";

export interface Intake {
  channel: Channel;
  categoryCode: string;
  requestType?: RequestType;
  urgency?: Urgency;
  description: string;
  photos?: string[];
  location?: { lat: number; lng: number };
  address?: string;
  householdId?: string;
  /** A territory node when only that is known (a hotline order naming a community). */
  nodeId?: string;
  reporter: { userId?: string | null; name?: string | null; phone?: string | null };
  /** Hotline record id or device id; with the channel it makes intake idempotent. */
  sourceRef?: string;
  extra?: Record<string, unknown>;
}

export interface Submitted {
  id: string;
  code: string;
  status: CaseStatus;
  /** True when the same source record had already been taken in: nothing was written. */
  replay: boolean;
  suggestedMasterId: string | null;
}

const MINUTE = 60_000;
// Grid paths never change once a node exists, so they are kept; departments change rarely, and
// like categories (catalog.ts) are kept five seconds: neither needs a query per intake.
const gridPaths = processCache<string, string>({ max: 50_000 });
const departmentIds = processCache<string, { id: string | null }>({ max: 500, ttl: 5_000 });

/**
 * Every channel ends here: place → route, then (with the intakes arriving at the same moment,
 * intake-batch.ts) code → duplicate check → case + event + audit, written atomically. The SLA
 * deadlines go into the row; the deadlines job acts on them.
 */
export async function submitCase(db: Db, actor: Actor, input: Intake): Promise<Submitted> {
  if (input.sourceRef) {
    const existing = await bySource(db, input.channel, input.sourceRef);
    if (existing) return existing;
  }
  const category = await categoryByCode(db, input.categoryCode);
  const place = await placeOf(db, input);
  await assertFilesExist(db, input.photos ?? []);
  const route = routeTo(category, place.gridId !== null);
  const departmentId = route.departmentCode ? await departmentIdOf(db, route.departmentCode) : null;
  const status: CaseStatus =
    route.status === "departmentClaim" && !departmentId ? "communityDispatch" : route.status;
  const now = new Date();
  try {
    const written = await writeCase(db, {
      actor,
      category,
      row: {
        id: randomUUID(),
        channel: input.channel,
        sourceRef: input.sourceRef ?? null,
        categoryCode: category.code,
        requestType: input.requestType ?? "help",
        urgency: input.urgency ?? "normal",
        description: input.description.trim(),
        photos: input.photos ?? [],
        lat: place.lat,
        lng: place.lng,
        address: input.address?.trim() || place.address,
        householdId: input.householdId ?? null,
        gridId: place.gridId,
        communityId: place.communityId,
        streetId: place.streetId,
        territoryPath: place.path,
        status,
        departmentId: status === "departmentClaim" ? departmentId : null,
        reporterUserId: input.reporter.userId ?? null,
        reporterName: input.reporter.name?.trim() || null,
        reporterPhone: input.reporter.phone ?? null,
        responseDueAt: new Date(now.getTime() + category.responseMinutes * MINUTE),
        resolveDueAt: new Date(now.getTime() + category.resolveMinutes * MINUTE),
        extra: input.extra ?? {},
        createdAt: now,
        updatedAt: now,
      },
    });
    return { ...written, replay: false };
  } catch (err) {
    // Two imports of one record at once: the unique index lets one in; the other is a replay.
    if (input.sourceRef && isUniqueViolation(err)) {
      const existing = await bySource(db, input.channel, input.sourceRef);
      if (existing) return existing;
    }
    throw err;
  }
}

async function bySource(db: Executor, channel: Channel, sourceRef: string): Promise<Submitted | undefined> {
  const [hit] = await db
    .select({
      id: cases.id,
      code: cases.code,
      status: cases.status,
      suggestedMasterId: cases.suggestedMasterId,
    })
    .from(cases)
    .where(and(eq(cases.channel, channel), eq(cases.sourceRef, sourceRef)));
  return hit && { ...hit, replay: true };
}

export interface Place {
  gridId: string | null;
  communityId: string | null;
  streetId: string | null;
  /** The grid's path, or the community's when the case has no grid yet. */
  path: string;
  lat: number | null;
  lng: number | null;
  address: string | null;
}

/** Where a case belongs: its household, else its location, else a named node. */
async function placeOf(db: Db, input: Intake): Promise<Place> {
  if (input.householdId) {
    const household = await householdPlace(db, input.householdId);
    if (!household) throw unprocessable("UNKNOWN_HOUSEHOLD", { householdId: input.householdId });
    const [node] = await nodesByIds(db, [household.nodeId]);
    return {
      ...(await onPath(db, household.territoryPath)),
      lat: input.location?.lat ?? node?.lat ?? null,
      lng: input.location?.lng ?? node?.lng ?? null,
      address: household.address,
    };
  }
  if (input.location) {
    const { lat, lng } = input.location;
    const found = await locate(db, lat, lng).catch((err: unknown) => {
      if (err instanceof AppError && err.code === "OUTSIDE_DISTRICT")
        throw unprocessable("OUTSIDE_DISTRICT", { lat, lng });
      throw err;
    });
    return { ...(await onPath(db, await gridPath(db, found.grid.id))), lat, lng, address: null };
  }
  if (input.nodeId) {
    const [node] = await nodesByIds(db, [input.nodeId]);
    if (!node) throw unprocessable("UNKNOWN_NODE", { nodeId: input.nodeId });
    return { ...(await onPath(db, node.path)), lat: node.lat, lng: node.lng, address: node.address };
  }
  throw unprocessable("LOCATION_REQUIRED", {
    fields: ["location", "householdId"],
  });
}

/** The case lives at the grid on the path, or at the community when there is no grid. */
async function onPath(db: Db, path: string) {
  const { grid, community, street } = await lineageOf(db, path);
  const home = grid ?? community;
  if (!home) throw unprocessable("OUTSIDE_COMMUNITY", { path });
  return {
    gridId: grid?.id ?? null,
    communityId: community?.id ?? null,
    streetId: street?.id ?? null,
    path: home.path,
  };
}

async function gridPath(db: Db, gridId: string): Promise<string> {
  const hit = gridPaths.get(gridId);
  if (hit !== undefined) return hit;
  const [grid] = await nodesByIds(db, [gridId]);
  if (grid) gridPaths.set(gridId, grid.path);
  return grid?.path ?? "";
}

async function departmentIdOf(db: Db, code: string): Promise<string | null> {
  const hit = departmentIds.get(code);
  if (hit) return hit.id;
  const id = (await departmentByCode(db, code))?.id ?? null;
  departmentIds.set(code, { id });
  return id;
}

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === "23505" || e?.cause?.code === "23505";
}
