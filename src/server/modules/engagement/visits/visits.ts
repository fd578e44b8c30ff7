import { and, count, desc, eq, gte, inArray, lt, max, type SQL, sql } from "drizzle-orm";
import { type Actor, audited } from "../../../platform/audit/index.ts";
import { can, inScope, type Principal } from "../../../platform/auth/index.ts";
import type { Db, Executor } from "../../../platform/db/index.ts";
import { AppError, conflict, forbidden, notFound, unprocessable } from "../../../platform/errors.ts";
import { assertFilesExist, photoRefs } from "../../../platform/files/index.ts";
import { type Paging, pageWindow } from "../../../platform/http/paging.ts";
import {
  householdAddresses,
  householdInScope,
  householdsOfMember,
  type MemberRecord,
  memberByPhone,
  membersByIds,
  pairedHousehold,
} from "../../people/index.ts";
import { callerMember } from "../member.ts";
import { chinaDate, type Quarter, quarterDays, quarterOf } from "../periods.ts";
import { memberForStaff } from "../records/record-access.ts";
import { landRecord } from "../records/records.ts";
import { householdVisits, type VisitProblem } from "../tables.ts";

/**
 * 民情日记: a party member visits the households he is paired with (包保 5–8 户, 1+1带N), writes
 * what he saw and the problems he found; each visit lands in his record (纪实手册) and ticks 六个一's
 * 联系一户群众. Coverage (coverage.ts) counts the households visited each quarter.
 */

/** A problem once it became a case: its code is kept beside the id so lists need not ask cases. */
export interface ConvertedProblem extends VisitProblem {
  caseCode?: string;
}

/** A visit may be logged late, but not from before the previous quarter's last month. */
const LATE_DAYS = 30;
/** A phone's clock may run a little ahead of the server's. */
const CLOCK_SKEW_MS = 5 * 60_000;
const DAY_MS = 86_400_000;

/** The instants a quarter (China time) starts and ends at. */
export function quarterSpan(q: Quarter): { start: Date; end: Date } {
  const { from, to } = quarterDays(q);
  return {
    start: new Date(`${from}T00:00:00+08:00`),
    end: new Date(new Date(`${to}T00:00:00+08:00`).getTime() + DAY_MS),
  };
}

export const currentQuarter = (now = new Date()): Quarter => quarterOf(chinaDate(now));

/** GET /engagement/my-households: the caller's households, each with his last visit. */
export async function myHouseholds(db: Db, principal: Principal) {
  const member = await callerMember(db, principal);
  const homes = await householdsOfMember(db, member.id);
  const last = new Map<string, Date>();
  if (homes.length > 0) {
    const rows = await db
      .select({ householdId: householdVisits.householdId, at: max(householdVisits.visitedAt) })
      .from(householdVisits)
      .where(
        and(
          eq(householdVisits.memberId, member.id),
          inArray(
            householdVisits.householdId,
            homes.map((h) => h.householdId),
          ),
        ),
      )
      .groupBy(householdVisits.householdId);
    for (const r of rows) if (r.at) last.set(r.householdId, r.at);
  }
  const { start } = quarterSpan(currentQuarter());
  const items = homes.map((h) => {
    const at = last.get(h.householdId) ?? null;
    return {
      householdId: h.householdId,
      address: h.address,
      kind: h.kind,
      lastVisitedAt: at?.toISOString() ?? null,
      visitedThisQuarter: at !== null && at >= start,
    };
  });
  return { items, total: items.length, ...currentQuarter() };
}

/** How many of the caller's households wait for a visit this quarter (the engagement.visitsDue to-do). */
export async function visitsDue(db: Db, member: MemberRecord): Promise<number> {
  const homes = await householdsOfMember(db, member.id);
  if (homes.length === 0) return 0;
  const [row] = await db
    .select({ n: sql<number>`count(distinct ${householdVisits.householdId})::int` })
    .from(householdVisits)
    .where(
      and(
        eq(householdVisits.memberId, member.id),
        gte(householdVisits.visitedAt, quarterSpan(currentQuarter()).start),
        inArray(
          householdVisits.householdId,
          homes.map((h) => h.householdId),
        ),
      ),
    );
  return homes.length - (row?.n ?? 0);
}

export interface VisitForm {
  householdId: string;
  visitedAt?: string;
  note: string;
  photos?: string[];
  problems?: string[];
  clientKey?: string;
}

/** When the visit was: now by default; not in the future, not before the quarter's start less 30 days. */
function visitTime(given: string | undefined, now: Date): Date {
  if (!given) return now;
  const at = new Date(given);
  if (at.getTime() > now.getTime() + CLOCK_SKEW_MS)
    throw unprocessable("VISIT_IN_FUTURE", { field: "visitedAt" });
  const earliest = new Date(quarterSpan(currentQuarter(now)).start.getTime() - LATE_DAYS * DAY_MS);
  if (at < earliest)
    throw unprocessable("VISIT_TOO_EARLY", { field: "visitedAt", earliest: chinaDate(earliest) });
  return at;
}

type VisitRow = typeof householdVisits.$inferSelect;

/**
 * POST /engagement/visits: the member logs a visit to a household he is paired with; the visit,
 * its service record (and 六个一) and the audit row are written together. The same `clientKey`
 * again (a phone resending) returns the first visit and writes nothing.
 */
export async function createVisit(db: Db, principal: Principal, actor: Actor, form: VisitForm) {
  const member = await callerMember(db, principal);
  if (form.clientKey) {
    const first = await byClientKey(db, member, form.clientKey);
    if (first) return { created: false, visit: first };
  }
  const household = await pairedHousehold(db, member.id, form.householdId);
  if (!household) throw unprocessable("HOUSEHOLD_NOT_ASSIGNED", { householdId: form.householdId });
  const visitedAt = visitTime(form.visitedAt, new Date());
  await assertFilesExist(db, form.photos ?? []);
  const problems: VisitProblem[] = (form.problems ?? []).map((p) => ({ text: p.trim() }));
  const photos = form.photos ?? [];
  const written = await audited(db, actor, async (tx, audit) => {
    const [row] = await tx
      .insert(householdVisits)
      .values({
        memberId: member.id,
        userId: principal.userId,
        householdId: household.householdId,
        territoryPath: household.territoryPath,
        visitedAt,
        note: form.note.trim(),
        photos,
        problems,
        clientKey: form.clientKey ?? null,
      })
      // Two sends of one key at once: the unique key lets one in, the other reads it below.
      .onConflictDoNothing({ target: householdVisits.clientKey })
      .returning();
    if (!row) return null;
    await landRecord(tx, {
      memberId: member.id,
      userId: principal.userId,
      unitId: member.workUnitId,
      territoryPath: household.territoryPath,
      kind: "visit",
      sourceKey: `visit:${row.id}`,
      title: `走访 ${household.address}`,
      servedOn: chinaDate(visitedAt),
      photos,
    });
    await audit({
      action: "engagement.visit.create",
      entity: "household_visit",
      entityId: row.id,
      after: { address: household.address, visitedAt: visitedAt.toISOString(), problems: problems.length },
    });
    return row;
  });
  if (written) return { created: true, visit: await presentOne(db, written) };
  const first = form.clientKey ? await byClientKey(db, member, form.clientKey) : null;
  if (!first) throw new AppError("INTERNAL", 500);
  return { created: false, visit: first };
}

async function byClientKey(db: Db, member: MemberRecord, clientKey: string) {
  const [row] = await db.select().from(householdVisits).where(eq(householdVisits.clientKey, clientKey));
  if (!row) return null;
  // Another member's key: a phone's random key met another's, which must not show his visit.
  if (row.memberId !== member.id) throw conflict("VISIT_KEY_TAKEN", { field: "clientKey" });
  return presentOne(db, row);
}

/** What the caller is to a visit: its visitor, or staff over its household. */
export interface VisitStanding {
  row: VisitRow;
  visitor: MemberRecord | null;
  manager: boolean;
}

/** The visit if the caller is its visitor or holds engagement.manage over it, else 404. */
export async function loadVisit(
  executor: Executor,
  principal: Principal,
  id: string,
): Promise<VisitStanding> {
  const [row] = await executor.select().from(householdVisits).where(eq(householdVisits.id, id));
  if (!row) throw notFound("household_visit", id);
  const me = await memberByPhone(executor, principal.phone);
  const visitor = me && me.id === row.memberId ? me : null;
  const [managed] = can(principal, "engagement.manage")
    ? await executor
        .select({ id: householdVisits.id })
        .from(householdVisits)
        .where(
          and(
            eq(householdVisits.id, id),
            inScope(principal, "engagement.manage", householdVisits.territoryPath),
          ),
        )
    : [];
  if (!visitor && !managed) throw notFound("household_visit", id);
  return { row, visitor, manager: Boolean(managed) };
}

export async function getVisit(db: Db, principal: Principal, id: string) {
  const { row } = await loadVisit(db, principal, id);
  return presentOne(db, row);
}

async function presentOne(executor: Executor, row: VisitRow) {
  const [item] = await present(executor, [row]);
  return item as Awaited<ReturnType<typeof present>>[number];
}

/** Visits as lists show them: the visitor's name, the household's address, problems with their cases. */
async function present(executor: Executor, rows: VisitRow[]) {
  const [members, addresses] = await Promise.all([
    membersByIds(executor, [...new Set(rows.map((r) => r.memberId))]),
    householdAddresses(executor, [...new Set(rows.map((r) => r.householdId))]),
  ]);
  const names = new Map(members.map((m) => [m.id, m.name]));
  return rows.map((r) => ({
    id: r.id,
    memberId: r.memberId,
    memberName: names.get(r.memberId) ?? "",
    householdId: r.householdId,
    address: addresses.get(r.householdId) ?? "",
    visitedAt: r.visitedAt.toISOString(),
    note: r.note,
    photos: photoRefs(r.photos),
    problems: (r.problems as ConvertedProblem[]).map((p, index) => ({
      index,
      text: p.text,
      caseId: p.caseId ?? null,
      caseCode: p.caseCode ?? null,
    })),
    createdAt: r.createdAt.toISOString(),
  }));
}

export interface VisitFilter extends Paging {
  /** Only the caller's own visits, even when he is staff. */
  mine?: boolean;
  memberId?: string;
  householdId?: string;
  /** China days, inclusive. */
  from?: string;
  to?: string;
  hasProblems?: boolean;
}

/**
 * GET /engagement/visits: staff with engagement.manage see the visits of their scope; a member
 * (or staff asking `mine`) his own. A member or household named outside what the caller sees is 404.
 */
export async function listVisits(db: Db, principal: Principal, f: VisitFilter) {
  const conditions: SQL[] = [];
  if (can(principal, "engagement.manage") && !f.mine) {
    conditions.push(inScope(principal, "engagement.manage", householdVisits.territoryPath));
    if (f.memberId) await memberForStaff(db, principal, f.memberId, true);
    if (f.householdId) await householdInScope(db, principal, f.householdId, "engagement.manage");
  } else {
    if (!can(principal, "engagement.serve")) throw forbidden();
    const member = await callerMember(db, principal);
    conditions.push(eq(householdVisits.memberId, member.id));
    if (f.memberId && f.memberId !== member.id) throw notFound("party_member", f.memberId);
    if (f.householdId && !(await pairedHousehold(db, member.id, f.householdId)))
      throw notFound("household", f.householdId);
  }
  if (f.memberId) conditions.push(eq(householdVisits.memberId, f.memberId));
  if (f.householdId) conditions.push(eq(householdVisits.householdId, f.householdId));
  if (f.from) conditions.push(gte(householdVisits.visitedAt, new Date(`${f.from}T00:00:00+08:00`)));
  if (f.to)
    conditions.push(
      lt(householdVisits.visitedAt, new Date(new Date(`${f.to}T00:00:00+08:00`).getTime() + DAY_MS)),
    );
  if (f.hasProblems !== undefined)
    conditions.push(
      f.hasProblems
        ? sql`jsonb_array_length(${householdVisits.problems}) > 0`
        : sql`jsonb_array_length(${householdVisits.problems}) = 0`,
    );
  const where = and(...conditions);
  const { limit, offset } = pageWindow(f);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(householdVisits)
      .where(where)
      .orderBy(desc(householdVisits.visitedAt), desc(householdVisits.id))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(householdVisits).where(where),
  ]);
  return { items: await present(db, rows), total: total?.n ?? 0 };
}
