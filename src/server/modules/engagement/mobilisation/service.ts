import { and, asc, desc, eq, isNotNull, isNull, or, type SQL, sql } from "drizzle-orm";
import { MOBILISATION_TEMPLATES, type MobilisationTemplate } from "../../../../shared/mobilisation.ts";
import { type Actor, audited } from "../../../platform/audit/index.ts";
import { can, type Principal, scopePaths } from "../../../platform/auth/index.ts";
import type { Db, Executor } from "../../../platform/db/index.ts";
import { AppError, conflict, notFound, unprocessable } from "../../../platform/errors.ts";
import { type Paging, selectPage } from "../../../platform/http/paging.ts";
import { WORDS } from "../../../platform/i18n/words.ts";
import { memberByPhone } from "../../people/index.ts";
import { getNode, nodesByIds, type TerritoryLevel } from "../../territory/index.ts";
import { allowedActions, canSee, type Standing, standingOf, WATCH } from "./access.ts";
import { type MobilisationStatus, statusOf } from "./flow.ts";
import { type MobilisationKind, mobilisationMembers, mobilisations } from "./tables.ts";

export type MobilisationRow = typeof mobilisations.$inferSelect;
type Point = { lat: number; lng: number };

/** A call-up is raised over an area whose members it calls: a street, a community or a grid. */
const AREA_LEVELS: readonly TerritoryLevel[] = ["street", "community", "grid"];

export interface RaiseForm {
  template: MobilisationTemplate;
  kind?: MobilisationKind;
  name?: string;
  purpose?: string;
  nodeId: string;
  place?: string;
  location?: Point;
}

/** POST /engagement/mobilisations: one form, the template filling what is left out. */
export async function raiseMobilisation(db: Db, principal: Principal, actor: Actor, form: RaiseForm) {
  const node = await getNode(db, principal, form.nodeId, "engagement.manage").catch(() => {
    throw unprocessable("UNKNOWN_NODE", { field: "nodeId" });
  });
  if (!AREA_LEVELS.includes(node.level)) throw unprocessable("MOBILISATION_NODE_LEVEL", { field: "nodeId" });
  const words = WORDS["zh-CN"].engagementMobilisation.templates[form.template];
  return audited(db, actor, async (tx, audit) => {
    const [row] = await tx
      .insert(mobilisations)
      .values({
        template: form.template,
        kind: form.kind ?? MOBILISATION_TEMPLATES[form.template].kind,
        name: form.name?.trim() || words.name,
        purpose: form.purpose?.trim() || words.purpose,
        nodeId: node.id,
        territoryPath: node.path,
        place: form.place?.trim() || null,
        location: form.location ?? null,
        raisedBy: principal.userId,
      })
      .returning();
    if (!row) throw new AppError("INTERNAL", 500);
    await audit({
      action: "engagement.mobilisation.raise",
      entity: "mobilisation",
      entityId: row.id,
      after: { template: row.template, kind: row.kind, name: row.name, nodeId: row.nodeId },
    });
    return { id: row.id, status: statusOf(row) };
  });
}

/** The caller's party member id, when he is one (accounts and members meet by phone: member.ts). */
export async function memberIdOf(executor: Executor, principal: Principal): Promise<string | null> {
  return (await memberByPhone(executor, principal.phone))?.id ?? null;
}

async function isCalled(executor: Executor, mobilisationId: string, memberId: string | null) {
  if (!memberId) return false;
  const [row] = await executor
    .select({ one: sql<number>`1` })
    .from(mobilisationMembers)
    .where(
      and(eq(mobilisationMembers.mobilisationId, mobilisationId), eq(mobilisationMembers.memberId, memberId)),
    );
  return Boolean(row);
}

/** The call-up with the caller's standing; 404 when he may not see it. `lock` for writes. */
export async function loadMobilisation(executor: Executor, principal: Principal, id: string, lock = false) {
  const query = executor.select().from(mobilisations).where(eq(mobilisations.id, id));
  const [row] = lock ? await query.for("update") : await query;
  if (!row) throw notFound("mobilisation", id);
  const called = await isCalled(executor, id, await memberIdOf(executor, principal));
  const standing = standingOf(principal, row.territoryPath, called);
  if (!canSee(standing)) throw notFound("mobilisation", id);
  return { row, standing };
}

/** 409 once dissolved: the record is read-only. */
export function assertActive(row: MobilisationRow) {
  if (row.dissolvedAt)
    throw conflict("MOBILISATION_DISSOLVED", {
      status: "dissolved",
      dissolvedAt: row.dissolvedAt.toISOString(),
    });
}

/** 403 for a step that is not the caller's (he may see the call-up, but not act so). */
export function assertMay(standing: Standing, row: MobilisationRow, action: "call" | "report" | "dissolve") {
  if (!allowedActions(standing, statusOf(row)).includes(action))
    throw new AppError("FORBIDDEN", 403, { action, allowedActions: allowedActions(standing, statusOf(row)) });
}

/**
 * The call-ups the caller may read, in SQL: in his scope (engagement.manage, or dashboard.read for
 * grid workers), or above his node (a community's squad, seen from one of its grids).
 */
function visible(principal: Principal): SQL {
  const paths = [...scopePaths(principal, "engagement.manage"), ...scopePaths(principal, WATCH)];
  if (paths.length === 0) return sql`false`;
  const col = mobilisations.territoryPath;
  return or(...paths.map((p) => sql`(${col} like ${`${p}%`} or ${p} like ${col} || '%')`)) as SQL;
}

export interface MobilisationFilter extends Paging {
  status?: MobilisationStatus;
  underId?: string;
}

const calledCount = sql<number>`(select count(*)::int from ${mobilisationMembers} m where m.mobilisation_id = ${mobilisations.id})`;
const reportedCount = sql<number>`(select count(*)::int from ${mobilisationMembers} m where m.mobilisation_id = ${mobilisations.id} and m.reported_at is not null)`;

/** GET /engagement/mobilisations: newest first, active or dissolved, narrowed to a node. */
export async function listMobilisations(db: Db, principal: Principal, f: MobilisationFilter) {
  const conditions: Array<SQL | undefined> = [visible(principal)];
  if (f.underId) {
    const permission = can(principal, "engagement.manage") ? "engagement.manage" : WATCH;
    const node = await getNode(db, principal, f.underId, permission);
    conditions.push(sql`${mobilisations.territoryPath} like ${`${node.path}%`}`);
  }
  if (f.status === "active") conditions.push(isNull(mobilisations.dissolvedAt));
  if (f.status === "dissolved") conditions.push(isNotNull(mobilisations.dissolvedAt));
  const { rows, total } = await selectPage(
    db,
    mobilisations,
    and(...conditions),
    [desc(mobilisations.raisedAt), asc(mobilisations.id)],
    f,
  );
  return { items: await presentAll(db, rows), total };
}

/** Rows as the list shows them: the node's name, how many were called and reported. */
export async function presentAll(executor: Executor, rows: MobilisationRow[]) {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [nodes, counts] = await Promise.all([
    nodesByIds(executor, [...new Set(rows.map((r) => r.nodeId))]),
    executor
      .select({ id: mobilisations.id, called: calledCount, reported: reportedCount })
      .from(mobilisations)
      .where(sql`${mobilisations.id} in ${ids}`),
  ]);
  const nodeOf = new Map(nodes.map((n) => [n.id, { id: n.id, name: n.name, level: n.level }]));
  const countOf = new Map(counts.map((c) => [c.id, c]));
  return rows.map((r) => ({
    id: r.id,
    template: r.template as MobilisationTemplate,
    kind: r.kind,
    name: r.name,
    purpose: r.purpose,
    status: statusOf(r),
    node: nodeOf.get(r.nodeId) ?? null,
    place: r.place,
    location: r.location ?? null,
    raisedAt: r.raisedAt.toISOString(),
    dissolvedAt: r.dissolvedAt?.toISOString() ?? null,
    called: countOf.get(r.id)?.called ?? 0,
    reported: countOf.get(r.id)?.reported ?? 0,
  }));
}

/** POST /engagement/mobilisations/{id}/dissolve: once; the record stays, read-only. */
export function dissolveMobilisation(db: Db, principal: Principal, actor: Actor, id: string, note: string) {
  return audited(db, actor, async (tx, audit) => {
    const { row, standing } = await loadMobilisation(tx, principal, id, true);
    assertActive(row);
    assertMay(standing, row, "dissolve");
    const now = new Date();
    await tx
      .update(mobilisations)
      .set({ dissolvedAt: now, dissolveNote: note.trim() })
      .where(and(eq(mobilisations.id, id), isNull(mobilisations.dissolvedAt)));
    await audit({
      action: "engagement.mobilisation.dissolve",
      entity: "mobilisation",
      entityId: id,
      before: { status: "active" },
      after: { status: "dissolved", note: note.trim() },
    });
    return { id, status: "dissolved" as const };
  });
}
