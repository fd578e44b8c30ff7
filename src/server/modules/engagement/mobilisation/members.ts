import { and, eq, isNull } from "drizzle-orm";
import { type Actor, audited } from "../../../platform/audit/index.ts";
import type { Principal } from "../../../platform/auth/index.ts";
import type { Db } from "../../../platform/db/index.ts";
import { AppError, conflict, notFound, unprocessable } from "../../../platform/errors.ts";
import { type Notice, notify } from "../../../platform/notify/index.ts";
import { usersByPhones } from "../../accounts/index.ts";
import { membersLivingUnder } from "../../people/index.ts";
import { callerMember } from "../member.ts";
import { assertActive, assertMay, loadMobilisation, type MobilisationRow } from "./service.ts";
import { mobilisationMembers } from "./tables.ts";

type Point = { lat: number; lng: number };

/** The notice a called member gets: in-app with an account, else a text to his phone. */
function callNotice(row: MobilisationRow, m: { phone: string | null }, userId: string | undefined): Notice {
  const place = row.place ? `集合地点：${row.place}。` : "";
  return {
    userId: userId ?? null,
    phone: userId ? null : m.phone,
    kind: "engagement.mobilisation",
    title: `应急召集：${row.name}`,
    body: `任务：${row.purpose}。${place}到达后请在“我的召集”中点“我已到岗”。`,
    entity: "mobilisation",
    entityId: row.id,
    link: "/mobile/engagement/call-ups",
  };
}

/**
 * POST /engagement/mobilisations/{id}/members: calls party members living under the call-up's node
 * and tells each of them at once. A member called before keeps his first notice (called once);
 * the leader, when named, is one of the members called.
 */
export function callMembers(
  db: Db,
  principal: Principal,
  actor: Actor,
  id: string,
  input: { memberIds: string[]; leaderId?: string },
) {
  const memberIds = [...new Set(input.memberIds)];
  return audited(db, actor, async (tx, audit) => {
    const { row, standing } = await loadMobilisation(tx, principal, id, true);
    assertActive(row);
    assertMay(standing, row, "call");
    const found = await membersLivingUnder(tx, row.territoryPath, {
      ids: memberIds,
      limit: memberIds.length,
    });
    if (found.length < memberIds.length)
      throw unprocessable("MEMBERS_NOT_UNDER", { count: memberIds.length - found.length });
    const earlier = await tx
      .select({ memberId: mobilisationMembers.memberId })
      .from(mobilisationMembers)
      .where(eq(mobilisationMembers.mobilisationId, id));
    if (
      input.leaderId &&
      !memberIds.includes(input.leaderId) &&
      !earlier.some((e) => e.memberId === input.leaderId)
    )
      throw unprocessable("LEADER_NOT_CALLED", { field: "leaderId" });

    const accounts = await usersByPhones(
      tx,
      found.flatMap((m) => (m.phone ? [m.phone] : [])),
    );
    const now = new Date();
    const added = await tx
      .insert(mobilisationMembers)
      .values(
        found.map((m) => ({
          mobilisationId: id,
          memberId: m.id,
          userId: (m.phone && accounts.get(m.phone)) || null,
          notifiedAt: now,
        })),
      )
      .onConflictDoNothing()
      .returning({ memberId: mobilisationMembers.memberId });
    if (input.leaderId) {
      // One leader: whoever led before is a member again.
      await tx
        .update(mobilisationMembers)
        .set({ leader: "member" })
        .where(and(eq(mobilisationMembers.mobilisationId, id), eq(mobilisationMembers.leader, "leader")));
      await tx
        .update(mobilisationMembers)
        .set({ leader: "leader" })
        .where(
          and(eq(mobilisationMembers.mobilisationId, id), eq(mobilisationMembers.memberId, input.leaderId)),
        );
    }
    const addedIds = new Set(added.map((a) => a.memberId));
    await notify(
      tx,
      found
        .filter((m) => addedIds.has(m.id))
        .map((m) => callNotice(row, m, m.phone ? accounts.get(m.phone) : undefined)),
    );
    await audit({
      action: "engagement.mobilisation.call",
      entity: "mobilisation",
      entityId: id,
      after: { memberIds: [...addedIds], leaderId: input.leaderId ?? null },
    });
    return { called: addedIds.size, total: earlier.length + addedIds.size };
  });
}

/**
 * POST /engagement/mobilisations/{id}/report: the called member says he is there (到岗), once, with
 * where his phone says he stands. A single conditional UPDATE, so a double tap reports once.
 */
export function reportArrival(
  db: Db,
  principal: Principal,
  actor: Actor,
  id: string,
  input: { location?: Point; note?: string },
) {
  return audited(db, actor, async (tx, audit) => {
    const member = await callerMember(tx, principal);
    const { row, standing } = await loadMobilisation(tx, principal, id, true);
    if (!standing.called) throw new AppError("NOT_CALLED", 403);
    assertActive(row);
    assertMay(standing, row, "report");
    const now = new Date();
    const [done] = await tx
      .update(mobilisationMembers)
      .set({
        reportedAt: now,
        reportedLocation: input.location ?? null,
        reportedNote: input.note?.trim() || null,
      })
      .where(
        and(
          eq(mobilisationMembers.mobilisationId, id),
          eq(mobilisationMembers.memberId, member.id),
          isNull(mobilisationMembers.reportedAt),
        ),
      )
      .returning({ reportedAt: mobilisationMembers.reportedAt });
    if (!done) {
      const [mine] = await tx
        .select({ reportedAt: mobilisationMembers.reportedAt })
        .from(mobilisationMembers)
        .where(and(eq(mobilisationMembers.mobilisationId, id), eq(mobilisationMembers.memberId, member.id)));
      if (!mine) throw notFound("mobilisation", id);
      throw conflict("ALREADY_REPORTED", { reportedAt: mine.reportedAt?.toISOString() ?? "" });
    }
    await audit({
      action: "engagement.mobilisation.report",
      entity: "mobilisation",
      entityId: id,
      after: { memberId: member.id, location: input.location ?? null },
    });
    return { id, reportedAt: now.toISOString() };
  });
}
