import { and, asc, avg, count, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { type Actor, recordAudit } from "../../platform/audit/index.ts";
import { inScope, type Principal, type Role } from "../../platform/auth/index.ts";
import type { Db } from "../../platform/db/index.ts";
import { AppError, conflict, notFound } from "../../platform/errors.ts";
import { assertFilesExist } from "../../platform/files/index.ts";
import { type Paging, pageWindow } from "../../platform/http/paging.ts";
import { notify } from "../../platform/notify/index.ts";
import { usersHolding } from "../accounts/index.ts";
import { departmentsByIds, departmentsOfUser, departmentUserIds, listDepartments } from "./catalog.ts";
import { caseEvents, cases, type WhistleStatus, whistles } from "./tables.ts";

type WhistleRow = typeof whistles.$inferSelect;

/**
 * 吹哨报到 after the whistle: each department accepts (报到) and reports back; the community
 * rates each response. A step out of order is 409 with the whistle's current status.
 */
type Step = "accept" | "report" | "rate";
const STEP_FROM: Record<Step, WhistleStatus> = { accept: "pending", report: "accepted", rate: "reported" };
const STEP_TO: Record<Step, WhistleStatus> = { accept: "accepted", report: "reported", rate: "rated" };

export interface WhistleStepInput {
  note?: string;
  photos?: string[];
  score?: number;
}

export async function whistleStep(
  db: Db,
  principal: Principal,
  actor: Actor,
  id: string,
  step: Step,
  input: WhistleStepInput,
) {
  await assertFilesExist(db, input.photos ?? []);
  const departmentIds = await departmentsOfUser(db, principal.userId);
  return db.transaction(async (tx) => {
    const [w] = await tx.select().from(whistles).where(eq(whistles.id, id)).for("update");
    const mine = w && departmentIds.includes(w.departmentId);
    const community = w && whistlesInScope(principal, w.territoryPath);
    if (!w || (!mine && !community)) throw notFound("whistle", id);
    // Departments report to the community (or the street that whistled); it rates them.
    if (step === "rate" ? !community : !mine)
      throw new AppError("NOT_YOUR_STEP", 403, { status: w.status, action: step });
    if (w.status !== STEP_FROM[step])
      throw conflict("ILLEGAL_TRANSITION", { status: w.status, action: step });
    const now = new Date();
    const set =
      step === "accept"
        ? { acceptedAt: now }
        : step === "report"
          ? { reportedAt: now, report: input.note?.trim() ?? "", reportPhotos: input.photos ?? [] }
          : { score: input.score ?? null, ratingComment: input.note?.trim() || null };
    await tx
      .update(whistles)
      .set({
        ...set,
        updatedAt: now,
        status: STEP_TO[step],
        overdue: step !== "rate" && w.deadline < now ? true : w.overdue,
      })
      .where(eq(whistles.id, id));
    await tx.insert(caseEvents).values({
      caseId: w.caseId,
      at: now,
      actorId: actor.userId,
      actorName: actor.name ?? null,
      action: "whistle",
      note: input.note?.trim() || null,
      photos: input.photos ?? [],
      data: {
        whistleId: id,
        departmentId: w.departmentId,
        step,
        ...(input.score ? { score: input.score } : {}),
      },
    });
    await recordAudit(tx, actor, {
      action: `cases.whistle.${step}`,
      entity: "whistle",
      entityId: id,
      before: { status: w.status },
      after: { status: STEP_TO[step], ...set },
    });
    if (step === "report") {
      const [c] = await tx.select({ code: cases.code }).from(cases).where(eq(cases.id, w.caseId));
      const staff = [
        ...new Set([
          ...(await usersHolding(tx, ["communityStaff"], w.territoryPath)),
          ...(w.whistledBy ? [w.whistledBy] : []),
        ]),
      ];
      await notify(
        tx,
        staff.map((userId) => ({
          userId,
          kind: "whistle.report",
          title: "部门已报到反馈",
          body: `${c?.code ?? ""}：${input.note ?? ""}`,
          entity: "case",
          entityId: w.caseId,
          link: `/admin/cases/${c?.code ?? ""}`,
        })),
      );
    }
    return { id, status: STEP_TO[step] };
  });
}

/** Community or street staff whose area holds the whistled case: they whistle, rate and withdraw. */
export function whistlesInScope(principal: Principal, territoryPath: string): boolean {
  return principal.roles.some(
    (r) => WHISTLING_ROLES.includes(r.role) && territoryPath.startsWith(r.nodePath),
  );
}
const WHISTLING_ROLES: readonly Role[] = ["communityStaff", "streetStaff"];

/** What the caller may do with one whistle of a case he may see (the case page draws it). */
export function whistleActions(
  principal: Principal,
  w: Pick<WhistleRow, "status" | "territoryPath" | "whistledBy">,
): Array<"withdraw"> {
  const open = w.status === "pending" || w.status === "accepted";
  const may = w.whistledBy === principal.userId || whistlesInScope(principal, w.territoryPath);
  return open && may ? ["withdraw"] : [];
}

/**
 * 撤回吹哨: the one who whistled, or the community or street in scope, calls a whistle off before
 * the department reports, so that the case can be resolved without it. The department is told.
 */
export async function withdrawWhistle(
  db: Db,
  principal: Principal,
  actor: Actor,
  id: string,
  input: { note?: string },
) {
  const departmentIds = await departmentsOfUser(db, principal.userId);
  return db.transaction(async (tx) => {
    const [w] = await tx.select().from(whistles).where(eq(whistles.id, id)).for("update");
    const seen =
      w &&
      (departmentIds.includes(w.departmentId) ||
        w.whistledBy === principal.userId ||
        whistlesInScope(principal, w.territoryPath));
    if (!w || !seen) throw notFound("whistle", id);
    if (w.status !== "pending" && w.status !== "accepted")
      throw conflict("ILLEGAL_TRANSITION", { status: w.status, action: "withdraw" });
    if (whistleActions(principal, w).length === 0)
      throw new AppError("NOT_YOUR_STEP", 403, { status: w.status, action: "withdraw" });
    const now = new Date();
    const note = input.note?.trim() || null;
    await tx.update(whistles).set({ status: "withdrawn", updatedAt: now }).where(eq(whistles.id, id));
    const [c] = await tx.select({ code: cases.code }).from(cases).where(eq(cases.id, w.caseId));
    const [department] = await departmentsByIds(tx, [w.departmentId]);
    await tx.insert(caseEvents).values({
      caseId: w.caseId,
      at: now,
      actorId: actor.userId,
      actorName: actor.name ?? null,
      action: "whistle",
      note: note ?? `撤回对${department?.name ?? "部门"}的吹哨`,
      data: { whistleId: id, departmentId: w.departmentId, step: "withdraw" },
    });
    await recordAudit(tx, actor, {
      action: "cases.whistle.withdraw",
      entity: "whistle",
      entityId: id,
      before: { status: w.status },
      after: { status: "withdrawn", ...(note ? { note } : {}) },
    });
    const users = await departmentUserIds(tx, [w.departmentId]);
    await notify(
      tx,
      users.map((userId) => ({
        userId,
        kind: "whistle.withdraw",
        title: `吹哨已撤回：${c?.code ?? ""}`,
        body: note ? `${c?.code ?? ""} 的吹哨已撤回：${note}` : `${c?.code ?? ""} 的吹哨已撤回，无需再报到。`,
        entity: "case",
        entityId: w.caseId,
        link: `/admin/cases/${c?.code ?? ""}`,
        data: { whistleId: id },
      })),
    );
    return { id, status: "withdrawn" as const };
  });
}

/**
 * A to-do list first: whistles still to accept or report on, earliest deadline first; then those
 * reported, awaiting the community's rating; the rated ones last, newest first.
 */
const INBOX_ORDER = [
  sql`case ${whistles.status} when 'pending' then 0 when 'accepted' then 0 when 'reported' then 1 else 2 end`,
  sql`case when ${whistles.status} = 'rated' then null else ${whistles.deadline} end asc`,
  desc(whistles.deadline),
];

export interface WhistleFilter extends Paging {
  status?: WhistleStatus;
}

/** A department's inbox (its whistles), or the whistles of cases in a staff member's scope. */
export async function listWhistles(db: Db, principal: Principal, f: WhistleFilter) {
  const where = await whistlesWhere(db, principal, f.status);
  const { limit, offset } = pageWindow(f);
  const [rows, [total], departments] = await Promise.all([
    db
      .select({ w: whistles, code: cases.code, description: cases.description, address: cases.address })
      .from(whistles)
      .innerJoin(cases, eq(cases.id, whistles.caseId))
      .where(where)
      .orderBy(...INBOX_ORDER, asc(whistles.id))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(whistles).where(where),
    listDepartments(db),
  ]);
  const now = new Date();
  return {
    items: rows.map(({ w, code, description, address }) => ({
      id: w.id,
      caseId: w.caseId,
      caseCode: code,
      description,
      address,
      departmentId: w.departmentId,
      departmentName: departments.find((d) => d.id === w.departmentId)?.name ?? "",
      status: w.status,
      request: w.request,
      deadline: w.deadline.toISOString(),
      overdue: w.overdue || ((w.status === "pending" || w.status === "accepted") && w.deadline < now),
      score: w.score,
      createdAt: w.createdAt.toISOString(),
    })),
    total: total?.n ?? 0,
  };
}

/** Figures per department: whistles, reported, on time, mean hours to report, mean score. */
export async function whistleFigures(db: Db, principal: Principal) {
  const departmentIds = await departmentsOfUser(db, principal.userId);
  const visible: SQL[] = [inScope(principal, "cases.read", whistles.territoryPath)];
  if (departmentIds.length > 0) visible.push(inArray(whistles.departmentId, departmentIds));
  const reported = sql`${whistles.reportedAt} is not null`;
  const rows = await db
    .select({
      departmentId: whistles.departmentId,
      total: count(),
      reported: sql<number>`count(*) filter (where ${reported})::int`,
      onTime: sql<number>`count(*) filter (where ${reported} and ${whistles.reportedAt} <= ${whistles.deadline})::int`,
      overdue: sql<number>`count(*) filter (where ${whistles.overdue} or (${whistles.reportedAt} is null and ${whistles.status} <> 'withdrawn' and ${whistles.deadline} < now()))::int`,
      hoursToReport: sql<
        number | null
      >`avg(extract(epoch from (${whistles.reportedAt} - ${whistles.createdAt})) / 3600) filter (where ${reported})`,
      meanScore: avg(whistles.score),
    })
    .from(whistles)
    .where(sql`(${sql.join(visible, sql` or `)})`)
    .groupBy(whistles.departmentId);
  const departments = await listDepartments(db);
  return {
    items: departments
      .map((d) => {
        const r = rows.find((x) => x.departmentId === d.id);
        return {
          departmentId: d.id,
          code: d.code,
          name: d.name,
          nameEn: d.nameEn,
          total: r?.total ?? 0,
          reported: r?.reported ?? 0,
          onTime: r?.onTime ?? 0,
          overdue: r?.overdue ?? 0,
          hoursToReport:
            r?.hoursToReport === null || r?.hoursToReport === undefined
              ? null
              : Number(Number(r.hoursToReport).toFixed(1)),
          meanScore: r?.meanScore ? Number(Number(r.meanScore).toFixed(2)) : null,
        };
      })
      .filter((d) => d.total > 0 || departmentIds.includes(d.departmentId)),
  };
}

/** The whistles the caller sees (his departments' inbox, or those in his scope), of one status. */
async function whistlesWhere(db: Db, principal: Principal, status: WhistleStatus | undefined) {
  const departmentIds = await departmentsOfUser(db, principal.userId);
  const visible: SQL[] = [inScope(principal, "cases.read", whistles.territoryPath)];
  if (departmentIds.length > 0) visible.push(inArray(whistles.departmentId, departmentIds));
  return and(sql`(${sql.join(visible, sql` or `)})`, status ? eq(whistles.status, status) : undefined);
}

/** How many whistles GET /whistles?status= would list (the home's 吹哨待报到). */
export async function countWhistles(db: Db, principal: Principal, status: WhistleStatus) {
  const [row] = await db
    .select({ n: count() })
    .from(whistles)
    .where(await whistlesWhere(db, principal, status));
  return row?.n ?? 0;
}
