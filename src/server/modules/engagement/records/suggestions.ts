import { and, asc, desc, eq, type SQL } from "drizzle-orm";
import { type Actor, audited } from "../../../platform/audit/index.ts";
import { inScope, type Principal } from "../../../platform/auth/index.ts";
import type { Db } from "../../../platform/db/index.ts";
import { conflict, notFound } from "../../../platform/errors.ts";
import { type Paging, selectPage } from "../../../platform/http/paging.ts";
import { notify } from "../../../platform/notify/index.ts";
import { membersByIds } from "../../people/index.ts";
import { callerMember } from "../member.ts";
import { chinaDate } from "../periods.ts";
import { type SuggestionStatus, suggestions } from "../tables.ts";
import { landRecord } from "./records.ts";

type SuggestionRow = typeof suggestions.$inferSelect;

/** 提出一条意见建议: a member's suggestion to the community where he serves. */
export async function makeSuggestion(db: Db, principal: Principal, actor: Actor, text: string) {
  const member = await callerMember(db, principal);
  return audited(db, actor, async (tx, audit) => {
    const [row] = await tx
      .insert(suggestions)
      .values({
        memberId: member.id,
        userId: principal.userId,
        territoryPath: member.territoryPath,
        text: text.trim(),
      })
      .returning();
    if (!row) throw new Error("insert returned nothing");
    await audit({ action: "engagement.suggestion.create", entity: "member_suggestion", entityId: row.id });
    return { id: row.id, status: row.status };
  });
}

export interface SuggestionFilter extends Paging {
  status?: SuggestionStatus;
}

/** The community's suggestions (its scope), newest first. */
export async function listSuggestions(db: Db, principal: Principal, f: SuggestionFilter) {
  return pageOf(db, [inScope(principal, "engagement.manage", suggestions.territoryPath)], f);
}

/** The caller's own suggestions with the community's answers. */
export async function mySuggestions(db: Db, principal: Principal, f: SuggestionFilter) {
  const member = await callerMember(db, principal);
  return pageOf(db, [eq(suggestions.memberId, member.id)], f);
}

async function pageOf(db: Db, conditions: SQL[], f: SuggestionFilter) {
  if (f.status) conditions.push(eq(suggestions.status, f.status));
  const { rows, total } = await selectPage(
    db,
    suggestions,
    and(...conditions),
    [desc(suggestions.createdAt), asc(suggestions.id)],
    f,
  );
  const names = new Map(
    (await membersByIds(db, [...new Set(rows.map((r) => r.memberId))])).map((m) => [m.id, m.name]),
  );
  return { items: rows.map((r) => present(r, names.get(r.memberId) ?? "")), total };
}

const present = (r: SuggestionRow, memberName: string) => ({
  id: r.id,
  memberId: r.memberId,
  memberName,
  text: r.text,
  status: r.status,
  answer: r.answer,
  createdAt: r.createdAt.toISOString(),
  decidedAt: r.decidedAt?.toISOString() ?? null,
});

/**
 * The community answers a pending suggestion. An adopted one lands in the member's record as his
 * 1+X suggestion (once: its business key is the suggestion's); he hears the answer either way.
 */
export async function answerSuggestion(
  db: Db,
  principal: Principal,
  actor: Actor,
  id: string,
  input: { adopt: boolean; answer: string },
) {
  return audited(db, actor, async (tx, audit) => {
    const [row] = await tx
      .select()
      .from(suggestions)
      .where(and(eq(suggestions.id, id), inScope(principal, "engagement.manage", suggestions.territoryPath)))
      .for("update");
    if (!row) throw notFound("member_suggestion", id);
    if (row.status !== "pending") throw conflict("SUGGESTION_DECIDED", { status: row.status });
    const status: SuggestionStatus = input.adopt ? "adopted" : "declined";
    const answer = input.answer.trim();
    const now = new Date();
    await tx
      .update(suggestions)
      .set({ status, answer, decidedBy: principal.userId, decidedAt: now })
      .where(eq(suggestions.id, id));
    if (input.adopt) {
      const [member] = await membersByIds(tx, [row.memberId]);
      await landRecord(tx, {
        memberId: row.memberId,
        userId: row.userId,
        unitId: member?.workUnitId ?? null,
        territoryPath: row.territoryPath,
        kind: "suggestion",
        sourceKey: `suggestion:${row.id}`,
        title: `意见建议被采纳：${row.text.slice(0, 40)}`,
        servedOn: chinaDate(now),
      });
    }
    await audit({
      action: input.adopt ? "engagement.suggestion.adopt" : "engagement.suggestion.decline",
      entity: "member_suggestion",
      entityId: id,
      before: { status: row.status },
      after: { status, answer },
    });
    await notify(tx, [
      {
        userId: row.userId,
        kind: input.adopt ? "engagement.suggestion.adopted" : "engagement.suggestion.declined",
        title: input.adopt ? "您的建议已被采纳" : "社区已答复您的建议",
        body: `社区答复：${answer}`,
        entity: "member_suggestion",
        entityId: id,
        link: "/mobile/engagement/record",
      },
    ]);
    return { id, status };
  });
}
