import { and, asc, eq, isNull, type SQL } from "drizzle-orm";
import { type Actor, audited } from "../../../platform/audit/index.ts";
import type { Principal } from "../../../platform/auth/index.ts";
import type { Db, Executor } from "../../../platform/db/index.ts";
import { conflict, notFound, unprocessable } from "../../../platform/errors.ts";
import { type Notice, notify } from "../../../platform/notify/index.ts";
import { unitsByIds } from "../../org/index.ts";
import { memberByPhone, membersByIds } from "../../people/index.ts";
import { nodesByIds } from "../../territory/index.ts";
import { quarterDays } from "../periods.ts";
import { feedbackCards } from "../tables.ts";
import { staffOfUnit } from "../units/unit-staff.ts";
import { ledgerScope, memberForStaff, staffSees } from "./record-access.ts";
import { approvedRecords, presentRecords } from "./record-service.ts";

/** 优秀 / 良好 / 一般 / 较差, as the cards in use grade a member's quarter. */
export const GRADES = ["excellent", "good", "fair", "poor"] as const;
export type Grade = (typeof GRADES)[number];

type CardRow = typeof feedbackCards.$inferSelect;

export interface CardInput {
  memberId: string;
  year: number;
  quarter: number;
  grade: Grade;
  comment: string;
}

/** The community writes (or rewrites) a member's card for a quarter, until it is sent to his unit. */
export async function saveCard(db: Db, principal: Principal, actor: Actor, input: CardInput) {
  const member = await memberForStaff(db, principal, input.memberId, true);
  if (!member.workUnitId) throw unprocessable("MEMBER_WITHOUT_UNIT", { memberId: member.id });
  const comment = input.comment.trim();
  return audited(db, actor, async (tx, audit) => {
    const [row] = await tx
      .insert(feedbackCards)
      .values({
        memberId: member.id,
        unitId: member.workUnitId as string,
        territoryPath: member.territoryPath,
        year: input.year,
        quarter: input.quarter,
        grade: input.grade,
        comment,
        createdBy: principal.userId,
      })
      .onConflictDoUpdate({
        target: [feedbackCards.memberId, feedbackCards.year, feedbackCards.quarter],
        set: { grade: input.grade, comment },
        // A sent card is the unit's now: it stays as sent.
        setWhere: isNull(feedbackCards.sentAt),
      })
      .returning();
    if (!row) throw conflict("FEEDBACK_CARD_SENT");
    await audit({
      action: "engagement.feedback.save",
      entity: "feedback_card",
      entityId: row.id,
      after: { grade: row.grade, comment: row.comment, year: row.year, quarter: row.quarter },
    });
    return { id: row.id, sentAt: null };
  });
}

/** Sends the card to the member's unit: its staff accounts hear of it in-app; sending twice is 409. */
export async function sendCard(db: Db, principal: Principal, actor: Actor, id: string) {
  const card = await cardFor(db, principal, id);
  await memberForStaff(db, principal, card.memberId, true);
  return audited(db, actor, async (tx, audit) => {
    const now = new Date();
    const [row] = await tx
      .update(feedbackCards)
      .set({ sentAt: now })
      .where(and(eq(feedbackCards.id, id), isNull(feedbackCards.sentAt)))
      .returning();
    if (!row) throw conflict("FEEDBACK_CARD_SENT");
    const [[member], staff] = await Promise.all([
      membersByIds(tx, [row.memberId]),
      staffOfUnit(tx, row.unitId),
    ]);
    const notices: Notice[] = staff.map((userId) => ({
      userId,
      kind: "engagement.feedback.sent",
      title: "收到社区反馈卡",
      body: `社区报送了${member?.name ?? ""}${row.year}年第${row.quarter}季度下基层反馈卡，请查收。`,
      entity: "feedback_card",
      entityId: row.id,
      link: "/admin/engagement/records?tab=cards",
    }));
    await notify(tx, notices);
    await audit({
      action: "engagement.feedback.send",
      entity: "feedback_card",
      entityId: id,
      after: { sentAt: now },
    });
    return { id, sentAt: now.toISOString() };
  });
}

/** A card the caller may read (community, the member's unit, the member himself), else 404. */
async function cardFor(executor: Executor, principal: Principal, id: string): Promise<CardRow> {
  const [row] = await executor.select().from(feedbackCards).where(eq(feedbackCards.id, id));
  if (!row) throw notFound("feedback_card", id);
  const [member] = await membersByIds(executor, [row.memberId]);
  if (member && (await isCaller(executor, principal, member.id))) return row;
  const sees = await staffSees(executor, principal, feedbackCards).catch(() => undefined);
  if (!sees) throw notFound("feedback_card", id);
  const [visible] = await executor
    .select({ id: feedbackCards.id })
    .from(feedbackCards)
    .where(and(eq(feedbackCards.id, id), sees));
  if (!visible) throw notFound("feedback_card", id);
  return row;
}

async function isCaller(executor: Executor, principal: Principal, memberId: string) {
  return (await memberByPhone(executor, principal.phone))?.id === memberId;
}

/** Cards of a unit's (or the caller's area's) members for a quarter. */
export async function listCards(
  db: Db,
  principal: Principal,
  q: { unitId?: string; year: number; quarter: number },
) {
  const conditions: SQL[] = [
    await staffSees(db, principal, feedbackCards),
    eq(feedbackCards.year, q.year),
    eq(feedbackCards.quarter, q.quarter),
  ];
  if (q.unitId) {
    await ledgerScope(db, principal, q.unitId);
    conditions.push(eq(feedbackCards.unitId, q.unitId));
  }
  const rows = await db
    .select()
    .from(feedbackCards)
    .where(and(...conditions))
    .orderBy(asc(feedbackCards.createdAt));
  const names = new Map(
    (
      await membersByIds(
        db,
        rows.map((r) => r.memberId),
      )
    ).map((m) => [m.id, m.name]),
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      memberId: r.memberId,
      memberName: names.get(r.memberId) ?? "",
      unitId: r.unitId,
      year: r.year,
      quarter: r.quarter,
      grade: r.grade as Grade,
      comment: r.comment,
      sentAt: r.sentAt?.toISOString() ?? null,
    })),
    total: rows.length,
  };
}

/** Everything the printed card shows: member, unit, community, the quarter's services, grade and word. */
export async function cardContent(db: Db, principal: Principal, id: string) {
  const row = await cardFor(db, principal, id);
  const { from, to } = quarterDays(row);
  const communityId = row.territoryPath.split("/").filter(Boolean)[2];
  const [[member], [unit], [community], records] = await Promise.all([
    membersByIds(db, [row.memberId]),
    unitsByIds(db, [row.unitId]),
    nodesByIds(db, communityId ? [communityId] : []),
    approvedRecords(db, [row.memberId], from, to),
  ]);
  return {
    id: row.id,
    memberName: member?.name ?? "",
    unitName: unit?.name ?? "",
    communityName: community?.name ?? "",
    year: row.year,
    quarter: row.quarter,
    grade: row.grade as Grade,
    comment: row.comment,
    sentAt: row.sentAt?.toISOString() ?? null,
    writtenAt: row.createdAt.toISOString(),
    services: await presentRecords(db, records),
  };
}

export type CardContent = Awaited<ReturnType<typeof cardContent>>;
