import { and, eq, sql } from "drizzle-orm";
import { type Actor, audited } from "../../../platform/audit/index.ts";
import { can, inScope, type Principal } from "../../../platform/auth/index.ts";
import type { Db, Executor } from "../../../platform/db/index.ts";
import { conflict, forbidden, notFound, unprocessable } from "../../../platform/errors.ts";
import { assertFilesExist } from "../../../platform/files/index.ts";
import { notify } from "../../../platform/notify/index.ts";
import { usersHolding } from "../../accounts/index.ts";
import { type MemberRecord, membersByIds } from "../../people/index.ts";
import { lineageOf, type NodeRef } from "../../territory/index.ts";
import { callerMember } from "../member.ts";
import { type MenuItem, type ReportInStatus, reportIns } from "../tables.ts";
import { actorsOf } from "./access.ts";
import { allowedActions, MENU_OPEN, transitionFor } from "./flow.ts";
import { chinaYear } from "./names.ts";
import { livePairing } from "./pairings.ts";
import { requireUnit, viewerOf } from "./unit-staff.ts";

export type ReportInRow = typeof reportIns.$inferSelect;
type Blocked = "NOT_IN_SERVICE" | "NO_HOME_COMMUNITY" | "UNIT_NOT_PAIRED";

/** Where a member reports in: his unit's live pairing with the community he lives in, or why not. */
export async function placeOf(executor: Executor, member: MemberRecord) {
  const unitId = member.workUnitId;
  const { community } = await lineageOf(executor, member.territoryPath);
  const pairing = unitId && community ? await livePairing(executor, unitId, community.id) : null;
  const blocked: Blocked | null = !unitId
    ? "NOT_IN_SERVICE"
    : !community
      ? "NO_HOME_COMMUNITY"
      : !pairing
        ? "UNIT_NOT_PAIRED"
        : null;
  return { unitId, community, pairing, blocked };
}

export interface SubmitInput {
  /** The member himself: his unit's 介绍信, photographed and uploaded. */
  letterFileId?: string;
  /** His unit's staff: the member for whom the unit issues the letter here. */
  memberId?: string;
}

/** The member a submission is for, and whether his unit issued the letter here. */
async function submitterOf(db: Db, principal: Principal, input: SubmitInput) {
  if (input.memberId) {
    const unitId = await requireUnit(db, principal);
    const [member] = await membersByIds(db, [input.memberId]);
    if (!member || member.workUnitId !== unitId)
      throw unprocessable("NOT_YOUR_MEMBER", { field: "memberId" });
    return { member, byUnit: true, userId: null };
  }
  if (!can(principal, "engagement.serve")) throw forbidden();
  const member = await callerMember(db, principal);
  if (!input.letterFileId) throw unprocessable("LETTER_REQUIRED", { field: "letterFileId" });
  await assertFilesExist(db, [input.letterFileId]);
  return { member, byUnit: false, userId: principal.userId };
}

/**
 * POST /engagement/report-ins: the member reports in with his letter's photo, or his unit's staff
 * issue the letter and report him in. A returned report-in of the year is sent again (the same
 * row); a pending or approved one makes it 409 REPORT_IN_EXISTS and nothing is written.
 */
export async function submitReportIn(db: Db, principal: Principal, actor: Actor, input: SubmitInput) {
  const { member, byUnit, userId } = await submitterOf(db, principal, input);
  const place = await placeOf(db, member);
  if (place.blocked === "NOT_IN_SERVICE") throw unprocessable("NOT_IN_SERVICE");
  if (place.blocked === "NO_HOME_COMMUNITY") throw unprocessable("NO_HOME_COMMUNITY");
  if (!place.pairing || !place.community || !place.unitId) throw unprocessable("UNIT_NOT_PAIRED");
  const { pairing, community, unitId } = place;
  const year = chinaYear();
  return audited(db, actor, async (tx, audit) => {
    const now = new Date();
    const fields = {
      status: "pending" as const,
      unitId,
      pairingId: pairing.id,
      communityId: community.id,
      territoryPath: community.path,
      letterFileId: input.letterFileId ?? null,
      letterIssuedAt: byUnit ? now : null,
      returnReason: null,
      decidedBy: null,
      decidedAt: null,
      updatedAt: now,
    };
    const [again] = await tx
      .update(reportIns)
      .set({ ...fields, userId: sql`coalesce(${reportIns.userId}, ${userId})` })
      .where(
        and(eq(reportIns.memberId, member.id), eq(reportIns.year, year), eq(reportIns.status, "returned")),
      )
      .returning();
    const [row] = again
      ? [again]
      : await tx
          .insert(reportIns)
          .values({ ...fields, memberId: member.id, userId, year })
          // The partial unique index: one pending or approved report-in per member and year.
          .onConflictDoNothing()
          .returning();
    if (!row) {
      const [current] = await tx
        .select({ status: reportIns.status })
        .from(reportIns)
        .where(
          and(
            eq(reportIns.memberId, member.id),
            eq(reportIns.year, year),
            sql`${reportIns.status} <> 'returned'`,
          ),
        );
      throw conflict("REPORT_IN_EXISTS", { status: current?.status });
    }
    if (byUnit)
      await audit({
        action: "engagement.letter.issue",
        entity: "report_in",
        entityId: row.id,
        after: { memberId: member.id, unitId },
      });
    await audit({
      action: "engagement.reportin.submit",
      entity: "report_in",
      entityId: row.id,
      before: again ? { status: "returned" } : undefined,
      after: { status: "pending", memberId: member.id, year },
    });
    await notifyCommunity(tx, community, row.id, `${member.name}（${year}年）`);
    return { id: row.id, status: row.status };
  });
}

async function notifyCommunity(tx: Executor, community: NodeRef, id: string, who: string) {
  const staff = await usersHolding(tx, ["communityStaff"], community.path);
  await notify(
    tx,
    staff.map((userId) => ({
      userId,
      kind: "engagement.reportin.pending",
      title: "在职党员报到待审核",
      body: `${who}到${community.name}报到，请审核。`,
      entity: "report_in",
      entityId: id,
      link: "/admin/engagement/units?tab=review",
    })),
  );
}

/** POST /report-ins/{id}/approve | return: the community takes the member in, or says what is wrong. */
export async function decideReportIn(
  db: Db,
  principal: Principal,
  actor: Actor,
  id: string,
  action: "approve" | "return",
  reason?: string,
): Promise<{ id: string; status: ReportInStatus }> {
  return audited(db, actor, async (tx, audit) => {
    const [row] = await tx
      .select()
      .from(reportIns)
      .where(and(eq(reportIns.id, id), inScope(principal, "engagement.manage", reportIns.territoryPath)))
      .for("update");
    if (!row) throw notFound("report in", id);
    const rule = transitionFor(action, row.status);
    if (!rule)
      throw conflict("ILLEGAL_TRANSITION", {
        status: row.status,
        action,
        allowedActions: allowedActions(row.status, ["community"]),
      });
    const note = reason?.trim() || null;
    if (action === "return" && !note) throw unprocessable("RETURN_REASON_REQUIRED", { field: "reason" });
    const now = new Date();
    await tx
      .update(reportIns)
      .set({
        status: rule.to,
        decidedBy: principal.userId,
        decidedAt: now,
        returnReason: note,
        updatedAt: now,
      })
      .where(and(eq(reportIns.id, id), eq(reportIns.status, row.status)));
    await audit({
      action: action === "approve" ? "engagement.reportin.approve" : "engagement.reportin.return",
      entity: "report_in",
      entityId: id,
      before: { status: row.status },
      after: { status: rule.to, ...(note ? { reason: note } : {}) },
    });
    await notify(tx, [
      {
        userId: row.userId,
        kind: `engagement.reportin.${action === "approve" ? "approved" : "returned"}`,
        title: action === "approve" ? "社区报到已通过" : "社区报到被退回",
        body:
          action === "approve"
            ? "社区已确认您的报到，请选择要参加的服务项目（1+X）。"
            : `您的报到被社区退回：${note}。请修改后重新提交。`,
        entity: "report_in",
        entityId: id,
        link: "/mobile/engagement/report-in",
      },
    ]);
    return { id, status: rule.to };
  });
}

/** PUT /report-ins/{id}/menu: the member, once taken in, chooses his 1+X items. */
export async function chooseMenu(db: Db, principal: Principal, actor: Actor, id: string, items: MenuItem[]) {
  const member = await callerMember(db, principal);
  return audited(db, actor, async (tx, audit) => {
    const [row] = await tx
      .select()
      .from(reportIns)
      .where(and(eq(reportIns.id, id), eq(reportIns.memberId, member.id)))
      .for("update");
    if (!row) throw notFound("report in", id);
    if (!MENU_OPEN.includes(row.status))
      throw conflict("ILLEGAL_TRANSITION", { status: row.status, action: "menu" });
    const menu = [...new Set(items)];
    await tx
      .update(reportIns)
      // The member's account is known now even when his unit reported him in.
      .set({ menu, userId: row.userId ?? principal.userId, updatedAt: new Date() })
      .where(eq(reportIns.id, id));
    await audit({
      action: "engagement.reportin.menu",
      entity: "report_in",
      entityId: id,
      before: { menu: row.menu },
      after: { menu },
    });
    return { id, status: row.status };
  });
}

/** The caller's standing on a report-in (member, his unit's staff, the community); 404 if none. */
export async function reachable(
  executor: Executor,
  principal: Principal,
  id: string,
  memberId: string | null,
) {
  const [row] = await executor.select().from(reportIns).where(eq(reportIns.id, id));
  if (!row) throw notFound("report in", id);
  const actors = actorsOf({ ...(await viewerOf(executor, principal)), memberId }, row);
  if (actors.length === 0) throw notFound("report in", id);
  return row;
}
