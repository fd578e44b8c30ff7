import { and, eq } from "drizzle-orm";
import { type Actor, audited } from "../../platform/audit/index.ts";
import type { Principal } from "../../platform/auth/index.ts";
import type { Db, Executor } from "../../platform/db/index.ts";
import { conflict, notFound, unprocessable } from "../../platform/errors.ts";
import { notify } from "../../platform/notify/index.ts";
import { unitsByIds } from "../org/index.ts";
import { memberWorkUnitId } from "../people/index.ts";
import { mayReach, standingOf } from "./access.ts";
import { illegal, recordStep, wisherNotice } from "./steps.ts";
import { type WishStatus, wishes } from "./tables.ts";

/** Statuses a lost race leaves the wish in: someone else holds it. */
const TAKEN: readonly WishStatus[] = ["claimed", "fulfilled", "confirmed"];

/** The units a member may claim for: his own work unit (an in-service member's employer). */
export async function claimUnits(executor: Executor, principal: Principal) {
  const unitId = await memberWorkUnitId(executor, principal.phone);
  return unitId ? (await unitsByIds(executor, [unitId])).map((u) => ({ id: u.id, name: u.name })) : [];
}

/**
 * POST /wishes/{id}/claim: one conditional UPDATE (`… where id = $1 and status = 'published'`)
 * decides among any number of members pressing 认领 at once. The one it updates wins; every
 * other finds no published row and is told 409 WISH_TAKEN with the wish's current status.
 */
export async function claimWish(
  db: Db,
  principal: Principal,
  actor: Actor,
  id: string,
  input: { unitId?: string },
): Promise<{ id: string; status: WishStatus }> {
  let unit: { id: string; name: string } | undefined;
  if (input.unitId) {
    unit = (await claimUnits(db, principal)).find((u) => u.id === input.unitId);
    if (!unit) throw unprocessable("NOT_YOUR_UNIT", { field: "unitId" });
  }
  return audited(db, actor, async (tx, audit) => {
    const [seen] = await tx.select().from(wishes).where(eq(wishes.id, id));
    const standing = seen && standingOf(principal, seen);
    // Wishes not on the wall are not revealed to members who may not see them.
    if (!seen || !standing || !mayReach(standing, seen.status)) throw notFound("wish", id);
    if (standing.wisher) throw unprocessable("OWN_WISH", { status: seen.status });
    const now = new Date();
    const [row] = await tx
      .update(wishes)
      .set({
        status: "claimed",
        claimerUserId: principal.userId,
        claimerName: principal.name,
        claimerKind: unit ? "unit" : "member",
        claimerUnitId: unit?.id ?? null,
        claimerUnitName: unit?.name ?? null,
        claimedAt: now,
        updatedAt: now,
      })
      .where(and(eq(wishes.id, id), eq(wishes.status, "published")))
      .returning();
    if (!row) {
      const [current] = await tx.select({ status: wishes.status }).from(wishes).where(eq(wishes.id, id));
      const status = current?.status ?? seen.status;
      if (TAKEN.includes(status)) throw conflict("WISH_TAKEN", { status });
      throw illegal(status, "claim", standing);
    }
    // On behalf of a unit, the timeline says which (the event's actor is the member himself).
    const note = unit ? `代表${unit.name}认领` : null;
    await recordStep(
      tx,
      actor,
      { ...seen, status: "published" },
      { action: "claim", to: "claimed", at: now, note },
      audit,
    );
    const by = unit ? unit.name : principal.name;
    await notify(tx, [
      wisherNotice(
        row,
        "wish.claimed",
        "心愿已被认领",
        `您的心愿${row.code}「${row.title}」已由${by}认领，认领人将与您联系。`,
      ),
    ]);
    return { id: row.id, status: row.status };
  });
}
