import { and, eq } from "drizzle-orm";
import { type Actor, audited } from "../../platform/audit/index.ts";
import { inScope, type Principal } from "../../platform/auth/index.ts";
import type { Db, Executor } from "../../platform/db/index.ts";
import { notFound } from "../../platform/errors.ts";
import { fileUrl, type Image, storeBytes } from "../../platform/files/index.ts";
import { staff } from "./tables.ts";

/** Card photos are shrunk to fit this square: sharp on a printed card, small on a phone. */
export const PHOTO_MAX_SIDE = 480;

/** A staff member the caller may change, or 404 (outside the scope looks like absent). */
export async function writableStaff(executor: Executor, principal: Principal, id: string) {
  const [row] = await executor
    .select({ id: staff.id, photoId: staff.photoId, duties: staff.duties })
    .from(staff)
    .where(and(eq(staff.id, id), inScope(principal, "people.write", staff.territoryPath)));
  if (!row) throw notFound("staff", id);
  return row;
}

/** Stores the (already shrunk) photo and puts it on the staff member's card, with the audit rows. */
export function setStaffPhoto(
  db: Db,
  dataDir: string,
  principal: Principal,
  actor: Actor,
  id: string,
  image: Image,
) {
  return audited(db, actor, async (tx, audit) => {
    const before = await writableStaff(tx, principal, id);
    const file = await storeBytes(tx, audit, dataDir, actor.userId, image);
    await tx.update(staff).set({ photoId: file.id }).where(eq(staff.id, id));
    await audit({
      action: "people.staff.photo",
      entity: "staff",
      entityId: id,
      before: { photoId: before.photoId },
      after: { photoId: file.id },
    });
    return { id, photoId: file.id, photoUrl: fileUrl(file.id), width: image.width, height: image.height };
  });
}

/** 亮职责: the sentence of duties on the card; blank clears it. */
export function setStaffDuties(
  db: Db,
  principal: Principal,
  actor: Actor,
  id: string,
  duties: string | null,
) {
  const text = duties?.trim() || null;
  return audited(db, actor, async (tx, audit) => {
    const before = await writableStaff(tx, principal, id);
    await tx.update(staff).set({ duties: text }).where(eq(staff.id, id));
    await audit({
      action: "people.staff.duties",
      entity: "staff",
      entityId: id,
      before: { duties: before.duties },
      after: { duties: text },
    });
    return { id, duties: text };
  });
}
