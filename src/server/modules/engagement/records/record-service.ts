import { and, asc, desc, eq, gte, ilike, inArray, lte, type SQL } from "drizzle-orm";
import { type Actor, audited } from "../../../platform/audit/index.ts";
import { inScope, type Principal } from "../../../platform/auth/index.ts";
import { type Db, type Executor, likePattern } from "../../../platform/db/index.ts";
import { conflict, notFound, unprocessable } from "../../../platform/errors.ts";
import { assertFilesExist, photoRefs } from "../../../platform/files/index.ts";
import { type Paging, selectPage } from "../../../platform/http/paging.ts";
import { notify } from "../../../platform/notify/index.ts";
import { unitsByIds } from "../../org/index.ts";
import { membersByIds } from "../../people/index.ts";
import { callerMember } from "../member.ts";
import { chinaDate, quarterDays, quarterOf } from "../periods.ts";
import { type RecordKind, type RecordStatus, serviceRecords } from "../tables.ts";
import { ledgerScope, memberForStaff, staffSees } from "./record-access.ts";
import { tickSixOne } from "./records.ts";

type RecordRow = typeof serviceRecords.$inferSelect;

/** What a member may enter himself; the rest lands from the other modules or the community. */
export const MANUAL_KINDS = ["partyActivity", "other"] as const satisfies readonly RecordKind[];

export interface NewEntry {
  kind: (typeof MANUAL_KINDS)[number];
  title: string;
  servedOn: string;
  hours?: number;
  photos?: string[];
}

/**
 * 补录: a member enters a service he did this quarter; it counts once the community approves it.
 * Earlier quarters are closed (their cards may have gone to his unit), and the future is not a service.
 */
export async function addEntry(db: Db, principal: Principal, actor: Actor, input: NewEntry) {
  const member = await callerMember(db, principal);
  const today = chinaDate(new Date());
  const { from } = quarterDays(quarterOf(today));
  if (input.servedOn < from || input.servedOn > today)
    throw unprocessable("RECORD_OUTSIDE_PERIOD", { from, to: today });
  await assertFilesExist(db, input.photos ?? []);
  return audited(db, actor, async (tx, audit) => {
    const [row] = await tx
      .insert(serviceRecords)
      .values({
        memberId: member.id,
        userId: principal.userId,
        unitId: member.workUnitId,
        territoryPath: member.territoryPath,
        kind: input.kind,
        title: input.title.trim(),
        hours: input.hours ?? null,
        servedOn: input.servedOn,
        photos: input.photos ?? [],
        status: "pending",
      })
      .returning();
    if (!row) throw new Error("insert returned nothing");
    await audit({
      action: "engagement.record.create",
      entity: "service_record",
      entityId: row.id,
      after: { kind: row.kind, title: row.title, servedOn: row.servedOn, hours: row.hours },
    });
    return { id: row.id, status: row.status };
  });
}

/**
 * The community approves a pending entry (it then counts, and ticks its 六个一 item) or rejects it
 * with a reason; the member hears either way. The row is locked: two reviewers take turns.
 */
export async function decideEntry(
  db: Db,
  principal: Principal,
  actor: Actor,
  id: string,
  decision: { approve: boolean; reason?: string },
) {
  return audited(db, actor, async (tx, audit) => {
    const [row] = await tx
      .select()
      .from(serviceRecords)
      .where(
        and(eq(serviceRecords.id, id), inScope(principal, "engagement.manage", serviceRecords.territoryPath)),
      )
      .for("update");
    if (!row) throw notFound("service_record", id);
    if (row.status !== "pending") throw conflict("RECORD_DECIDED", { status: row.status });
    const status: RecordStatus = decision.approve ? "approved" : "rejected";
    const reason = decision.reason?.trim() || null;
    await tx
      .update(serviceRecords)
      .set({ status, decidedBy: principal.userId, decidedAt: new Date(), rejectReason: reason })
      .where(eq(serviceRecords.id, id));
    if (decision.approve) await tickSixOne(tx, row.memberId, row.kind, row.servedOn, row.id);
    await audit({
      action: decision.approve ? "engagement.record.approve" : "engagement.record.reject",
      entity: "service_record",
      entityId: id,
      before: { status: row.status },
      after: { status, reason },
    });
    await notify(tx, [
      {
        userId: row.userId,
        kind: decision.approve ? "engagement.record.approved" : "engagement.record.rejected",
        title: decision.approve ? "服务纪实已通过审核" : "服务纪实未通过审核",
        body: decision.approve
          ? `您补录的「${row.title}」已通过社区审核，计入服务纪实。`
          : `您补录的「${row.title}」未通过社区审核：${reason ?? ""}`,
        entity: "service_record",
        entityId: id,
        link: "/mobile/engagement/record",
      },
    ]);
    return { id, status };
  });
}

export interface RecordFilter extends Paging {
  status?: RecordStatus;
  kind?: RecordKind;
  memberId?: string;
  unitId?: string;
  from?: string;
  to?: string;
  q?: string;
}

/** Records as staff see them: the community's, or a unit's members' for its staff; newest service first. */
export async function listRecords(db: Db, principal: Principal, f: RecordFilter) {
  const sees = await staffSees(db, principal, serviceRecords);
  // A filter naming a member or unit the caller may not see is 404, as a lookup of it would be.
  if (f.memberId) await memberForStaff(db, principal, f.memberId);
  if (f.unitId) await ledgerScope(db, principal, f.unitId);
  return pageOfRecords(db, [sees, ...filters(f)], f);
}

/** 我的纪实: the caller's own records, every status (a pending entry shows as 待审核). */
export async function myRecords(db: Db, principal: Principal, f: RecordFilter) {
  const member = await callerMember(db, principal);
  return pageOfRecords(db, [eq(serviceRecords.memberId, member.id), ...filters(f)], f);
}

function filters(f: RecordFilter): SQL[] {
  const c: SQL[] = [];
  if (f.status) c.push(eq(serviceRecords.status, f.status));
  if (f.kind) c.push(eq(serviceRecords.kind, f.kind));
  if (f.memberId) c.push(eq(serviceRecords.memberId, f.memberId));
  if (f.unitId) c.push(eq(serviceRecords.unitId, f.unitId));
  if (f.from) c.push(gte(serviceRecords.servedOn, f.from));
  if (f.to) c.push(lte(serviceRecords.servedOn, f.to));
  if (f.q) c.push(ilike(serviceRecords.title, likePattern(f.q.trim())));
  return c;
}

async function pageOfRecords(db: Db, conditions: SQL[], f: Paging) {
  const { rows, total } = await selectPage(
    db,
    serviceRecords,
    and(...conditions),
    [desc(serviceRecords.servedOn), desc(serviceRecords.createdAt), asc(serviceRecords.id)],
    f,
  );
  return { items: await presentRecords(db, rows), total };
}

/** Records with their member's and unit's names. */
export async function presentRecords(executor: Executor, rows: RecordRow[]) {
  const [members, units] = await Promise.all([
    membersByIds(executor, [...new Set(rows.map((r) => r.memberId))]),
    unitsByIds(executor, [...new Set(rows.map((r) => r.unitId).filter((u): u is string => !!u))]),
  ]);
  const memberName = new Map(members.map((m) => [m.id, m.name]));
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  return rows.map((r) => ({
    id: r.id,
    memberId: r.memberId,
    memberName: memberName.get(r.memberId) ?? "",
    unitId: r.unitId,
    unitName: r.unitId ? (unitName.get(r.unitId) ?? null) : null,
    kind: r.kind,
    title: r.title,
    hours: r.hours,
    servedOn: r.servedOn,
    photos: photoRefs(r.photos),
    status: r.status,
    rejectReason: r.rejectReason,
    createdAt: r.createdAt.toISOString(),
    decidedAt: r.decidedAt?.toISOString() ?? null,
  }));
}

/** Approved records of members in a period (the ledger, the feedback card). */
export function approvedRecords(
  executor: Executor,
  memberIds: string[],
  from: string,
  to: string,
  where?: SQL,
) {
  if (memberIds.length === 0) return Promise.resolve([] as RecordRow[]);
  return executor
    .select()
    .from(serviceRecords)
    .where(
      and(
        inArray(serviceRecords.memberId, memberIds),
        eq(serviceRecords.status, "approved"),
        gte(serviceRecords.servedOn, from),
        lte(serviceRecords.servedOn, to),
        where,
      ),
    )
    .orderBy(asc(serviceRecords.servedOn), asc(serviceRecords.id));
}
