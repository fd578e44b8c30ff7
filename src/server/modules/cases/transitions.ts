import { eq } from "drizzle-orm";
import { type Actor as AuditActor, recordAudit } from "../../platform/audit/index.ts";
import type { Principal } from "../../platform/auth/index.ts";
import type { Db, Tx } from "../../platform/db/index.ts";
import { AppError, conflict, notFound, unprocessable } from "../../platform/errors.ts";
import { assertFilesExist } from "../../platform/files/index.ts";
import { inWords, type Words } from "../../platform/i18n/words.ts";
import { type Notice, notify } from "../../platform/notify/index.ts";
import { actsAs, allowedActions, standingOf } from "./access.ts";
import { arrivalNotices, caseLink, myCaseLink } from "./arrivals.ts";
import { departmentsByIds, departmentUserIds } from "./catalog.ts";
import {
  type CaseAction,
  type CaseStatus,
  LEVEL_OF,
  LOW_RATING,
  type Requirement,
  type Transition,
  transitionFor,
} from "./flow.ts";
import { openWhistles } from "./holders.ts";
import { loadCase } from "./service.ts";
import { superviseNotices, supervisingLevel } from "./supervise.ts";
import { type CaseRow, caseEvents, cases, whistles } from "./tables.ts";

export interface TransitionInput {
  action: CaseAction;
  note?: string;
  photos?: string[];
  departmentId?: string;
  departmentIds?: string[];
  deadline?: string;
  score?: number;
  comment?: string;
  masterId?: string;
}

const REQUIRED: Record<Requirement, (i: TransitionInput) => boolean> = {
  note: (i) => !!i.note?.trim(),
  departmentId: (i) => !!i.departmentId,
  departments: (i) => !!i.departmentIds?.length && !!i.deadline,
  score: (i) => i.score !== undefined,
  masterId: (i) => !!i.masterId,
};
const FIELD_OF: Record<Requirement, string> = {
  note: "note",
  departmentId: "departmentId",
  departments: "departmentIds, deadline",
  score: "score",
  masterId: "masterId",
};
/** The same fields as the case page names them, for the message. */
const LABELS_OF: Record<Requirement, Array<(w: Words) => string>> = {
  note: [(w) => w.casesAdmin.action.note],
  departmentId: [(w) => w.casesAdmin.action.department],
  departments: [(w) => w.casesAdmin.action.departments, (w) => w.casesAdmin.action.deadline],
  score: [(w) => w.casesAdmin.action.score],
  masterId: [(w) => w.casesAdmin.action.masterCode],
};

/**
 * POST /cases/{id}/transitions. The row is locked, so two people pressing buttons at once take
 * turns; an action the table does not allow from the current status is 409 with that status.
 */
export async function transition(
  db: Db,
  principal: Principal,
  actor: AuditActor,
  idOrCode: string,
  input: TransitionInput,
): Promise<{ id: string; status: CaseStatus }> {
  await assertFilesExist(db, input.photos ?? []);
  return db.transaction(async (tx) => {
    const { row: seen, departmentIds } = await loadCase(tx, principal, idOrCode);
    const [row] = await tx.select().from(cases).where(eq(cases.id, seen.id)).for("update");
    if (!row) throw notFound("case", seen.id);
    const standing = await standingOf(tx, principal, departmentIds, row);
    const rule = transitionFor(input.action, row.status);
    if (!rule) {
      throw conflict("ILLEGAL_TRANSITION", {
        status: row.status,
        action: input.action,
        allowedActions: allowedActions(standing, row.status),
      });
    }
    if (!rule.by.some((a) => actsAs(standing, a))) {
      throw new AppError("NOT_YOUR_STEP", 403, {
        status: row.status,
        action: input.action,
        by: rule.by,
        allowedActions: allowedActions(standing, row.status),
      });
    }
    return applyTransition(tx, actor, row, rule, input, { principal, reporter: standing.reporter });
  });
}

/**
 * A step allowed by `rule` on the locked `row`, once its actor has been authorised: the update,
 * the event, the audit row and the notices, in the caller's transaction. `principal` is who acts
 * (a merge looks its target up in his scope); null for steps taken for another module (orders).
 */
export async function applyTransition(
  tx: Tx,
  actor: AuditActor,
  row: CaseRow,
  rule: Transition,
  input: TransitionInput,
  by: { principal: Principal | null; reporter: boolean },
): Promise<{ id: string; status: CaseStatus }> {
  const needed = (rule.needs ?? []).filter((r) => !REQUIRED[r](input));
  if (needed.length > 0)
    throw unprocessable("MISSING_FIELDS", {
      missing: needed.map((r) => FIELD_OF[r]),
      labels: inWords(...needed.flatMap((r) => LABELS_OF[r])),
    });
  const now = new Date();
  let to: CaseStatus = rule.to;
  const set: Partial<CaseRow> = { updatedAt: now };
  const data: Record<string, unknown> = {};
  const notices: Notice[] = [];
  const reporterNotice = (title: string, body: string): Notice => ({
    userId: row.reporterUserId,
    phone: row.reporterUserId ? null : row.reporterPhone,
    kind: `case.${input.action}`,
    title,
    body,
    entity: "case",
    entityId: row.id,
    // The resident's own page of the case: where he follows it and rates it.
    link: myCaseLink(row.code),
  });
  // Urging a case is not taking it up: only its handlers' steps count as the response.
  if (!by.reporter && input.action !== "supervise" && row.respondedAt === null) set.respondedAt = now;

  switch (input.action) {
    case "assign": {
      const [department] = await departmentsByIds(tx, [input.departmentId as string]);
      if (!department) throw unprocessable("UNKNOWN_DEPARTMENT", { field: "departmentId" });
      set.departmentId = department.id;
      data.departmentId = department.id;
      notices.push(
        ...(await departmentNotices(
          tx,
          [department.id],
          row,
          "待领单",
          `${row.code} 已派至${department.name}`,
        )),
      );
      break;
    }
    case "return":
      if (row.status === "departmentClaim" || row.status === "departmentHandling") set.departmentId = null;
      break;
    case "whistle": {
      const ids = [...new Set(input.departmentIds)];
      const found = await departmentsByIds(tx, ids);
      if (found.length !== ids.length) throw unprocessable("UNKNOWN_DEPARTMENT", { field: "departmentIds" });
      const deadline = new Date(input.deadline as string);
      if (!(deadline > now)) throw unprocessable("DEADLINE_IN_PAST", { field: "deadline" });
      await tx
        .insert(whistles)
        .values(
          ids.map((departmentId) => ({
            caseId: row.id,
            departmentId,
            territoryPath: row.territoryPath,
            request: (input.note ?? "").trim(),
            deadline,
            whistledBy: actor.userId,
          })),
        )
        .onConflictDoUpdate({
          target: [whistles.caseId, whistles.departmentId],
          set: {
            status: "pending",
            request: (input.note ?? "").trim(),
            deadline,
            acceptedAt: null,
            reportedAt: null,
          },
        });
      data.departmentIds = ids;
      data.deadline = deadline.toISOString();
      const who = row.status === "streetReview" ? "街道吹哨" : "社区吹哨";
      data.by = row.status === "streetReview" ? "street" : "community";
      notices.push(...(await departmentNotices(tx, ids, row, who, `${row.code}：${input.note}`)));
      break;
    }
    case "supervise": {
      const level = supervisingLevel(by.principal, row);
      set.supervisedBy = level;
      data.supervisedBy = level;
      notices.push(...(await superviseNotices(tx, row, level, input.note?.trim())));
      break;
    }
    case "resolve": {
      // Every department whistled must have reported back, or its whistle be withdrawn.
      const open = await openWhistles(tx, row.id);
      if (open.length > 0)
        throw unprocessable("WHISTLES_OPEN", {
          departments: open.map((w) => w.name),
          whistleIds: open.map((w) => w.id),
        });
      set.resolvedAt = now;
      notices.push(reporterNotice("诉求已办结", `您反映的 ${row.code} 已办结，请评价办理结果。`));
      notices.push(
        ...(await followers(tx, row, "诉求已办结", `与您反映的问题合并办理的 ${row.code} 已办结。`)),
      );
      break;
    }
    case "rate": {
      const score = input.score as number;
      set.rating = score;
      set.ratingComment = input.comment?.trim() || null;
      data.score = score;
      if (score <= LOW_RATING) {
        // A poor rating does not close the case: the community looks at it again.
        to = "communityDispatch";
        set.needsReview = true;
        set.resolvedAt = null;
        data.reopened = true;
      } else set.closedAt = now;
      break;
    }
    case "reopen":
      set.closedAt = null;
      set.resolvedAt = null;
      set.needsReview = true;
      break;
    case "merge": {
      if (!by.principal) throw new Error("a merge needs the person who merges");
      const master = await mergeTarget(tx, by.principal, row, input.masterId as string);
      set.masterId = master.id;
      data.masterId = master.id;
      data.masterCode = master.code;
      notices.push(
        reporterNotice(
          "诉求已合并办理",
          `您反映的 ${row.code} 与 ${master.code} 为同一问题，将随其一并办理。`,
        ),
      );
      break;
    }
    default:
      break;
  }
  set.status = to;
  await tx.update(cases).set(set).where(eq(cases.id, row.id));
  await tx.insert(caseEvents).values({
    caseId: row.id,
    at: now,
    actorId: actor.userId,
    actorName: actor.name ?? null,
    action: input.action,
    fromStatus: row.status,
    toStatus: to,
    note: input.note?.trim() || input.comment?.trim() || null,
    photos: input.photos ?? [],
    data,
  });
  await recordAudit(tx, actor, {
    action: `cases.${input.action}`,
    entity: "case",
    entityId: row.id,
    before: { status: row.status },
    after: { status: to, ...data },
  });
  // The case reached another inbox (a department hears of it from its assignment or whistle).
  if (LEVEL_OF[to] !== LEVEL_OF[row.status] && input.action !== "assign" && input.action !== "whistle")
    notices.push(...(await arrivalNotices(tx, [{ ...row, ...set, status: to, by: actor.userId }])));
  await notify(tx, notices);
  return { id: row.id, status: to };
}

async function departmentNotices(tx: Tx, departmentIds: string[], row: CaseRow, title: string, body: string) {
  const users = await departmentUserIds(tx, departmentIds);
  return users.map((userId) => ({
    userId,
    kind: "case.department",
    title,
    body,
    entity: "case",
    entityId: row.id,
    link: caseLink(row.code),
  }));
}

/** Reporters of the cases merged into this one hear what happens to it. */
async function followers(tx: Tx, master: CaseRow, title: string, body: string): Promise<Notice[]> {
  const merged = await tx
    .select({ id: cases.id, code: cases.code, userId: cases.reporterUserId, phone: cases.reporterPhone })
    .from(cases)
    .where(eq(cases.masterId, master.id));
  if (merged.length > 0) {
    await tx.insert(caseEvents).values(
      merged.map((m) => ({
        caseId: m.id,
        action: "follow" as const,
        note: `${master.code}：${title}`,
        data: { masterId: master.id, masterCode: master.code },
      })),
    );
  }
  return merged.map((m) => ({
    userId: m.userId,
    phone: m.userId ? null : m.phone,
    kind: "case.follow",
    title,
    body,
    entity: "case",
    entityId: m.id,
    link: myCaseLink(m.code),
  }));
}

async function mergeTarget(tx: Tx, principal: Principal, row: CaseRow, masterId: string) {
  if (masterId === row.id) throw unprocessable("MERGE_INTO_SELF", { field: "masterId" });
  const { row: master } = await loadCase(tx, principal, masterId).catch(() => {
    throw unprocessable("UNKNOWN_MASTER", { field: "masterId" });
  });
  if (master.masterId || master.status === "merged" || master.status === "withdrawn")
    throw unprocessable("MASTER_NOT_OPEN", {
      field: "masterId",
      status: master.status,
    });
  if (master.categoryCode !== row.categoryCode)
    throw unprocessable("MERGE_OTHER_CATEGORY", { field: "masterId" });
  // Cases merged into this one now follow the new master too.
  await tx.update(cases).set({ masterId: master.id }).where(eq(cases.masterId, row.id));
  return master;
}
