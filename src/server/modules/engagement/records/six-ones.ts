import { and, eq, inArray } from "drizzle-orm";
import { type Actor, audited } from "../../../platform/audit/index.ts";
import type { Principal } from "../../../platform/auth/index.ts";
import type { Db, Executor } from "../../../platform/db/index.ts";
import { unprocessable } from "../../../platform/errors.ts";
import { callerMember } from "../member.ts";
import { chinaDate } from "../periods.ts";
import { SIX_ONES, type SixOne, sixOnes } from "../tables.ts";
import { memberForStaff } from "./record-access.ts";

/** The items no service record fulfils: the community ticks them when they happened. */
export const HAND_TICKED = ["talk", "survey"] as const satisfies readonly SixOne[];

/** Each member's year of 六个一, by member id: the items done and when. */
export async function sixOnesOf(executor: Executor, memberIds: string[], year: number) {
  const byMember = new Map<string, Map<SixOne, { doneOn: string; recordId: string | null }>>();
  if (memberIds.length === 0) return byMember;
  const rows = await executor
    .select()
    .from(sixOnes)
    .where(and(eq(sixOnes.year, year), inArray(sixOnes.memberId, memberIds)));
  for (const r of rows) {
    const items = byMember.get(r.memberId) ?? new Map();
    items.set(r.item, { doneOn: r.doneOn, recordId: r.recordId });
    byMember.set(r.memberId, items);
  }
  return byMember;
}

/** GET /engagement/six-ones: a member's checklist for a year; members ask for their own. */
export async function sixOnesView(db: Db, principal: Principal, q: { memberId?: string; year?: number }) {
  const year = q.year ?? Number(chinaDate(new Date()).slice(0, 4));
  const member = q.memberId
    ? await memberForStaff(db, principal, q.memberId)
    : await callerMember(db, principal);
  const done = (await sixOnesOf(db, [member.id], year)).get(member.id) ?? new Map();
  const items = SIX_ONES.map((item) => ({
    item,
    done: done.has(item),
    doneOn: done.get(item)?.doneOn ?? null,
    byRecord: !!done.get(item)?.recordId,
  }));
  return {
    memberId: member.id,
    memberName: member.name,
    year,
    done: items.filter((i) => i.done).length,
    items,
  };
}

export interface TickInput {
  memberId: string;
  year: number;
  item: SixOne;
  doneOn: string;
}

/** The community ticks a talk (谈心谈话) or a survey (调研) of one of its members; ticking again keeps the first. */
export async function tickByHand(db: Db, principal: Principal, actor: Actor, input: TickInput) {
  if (!(HAND_TICKED as readonly SixOne[]).includes(input.item))
    throw unprocessable("SIX_ONE_BY_RECORD", { item: input.item });
  if (Number(input.doneOn.slice(0, 4)) !== input.year || input.doneOn > chinaDate(new Date()))
    throw unprocessable("SIX_ONE_BAD_DAY", { year: input.year });
  const member = await memberForStaff(db, principal, input.memberId, true);
  await audited(db, actor, async (tx, audit) => {
    const [row] = await tx
      .insert(sixOnes)
      .values({ memberId: member.id, year: input.year, item: input.item, doneOn: input.doneOn })
      .onConflictDoNothing()
      .returning();
    if (row)
      await audit({
        action: "engagement.sixone.mark",
        entity: "party_member",
        entityId: member.id,
        after: { year: row.year, item: row.item, doneOn: row.doneOn },
      });
  });
  return sixOnesView(db, principal, { memberId: member.id, year: input.year });
}
