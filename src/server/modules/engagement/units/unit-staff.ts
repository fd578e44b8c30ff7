import { eq } from "drizzle-orm";
import { can, type Principal } from "../../../platform/auth/index.ts";
import type { Executor } from "../../../platform/db/index.ts";
import { AppError, forbidden, unprocessable } from "../../../platform/errors.ts";
import { unitsByIds } from "../../org/index.ts";
import { unitStaff } from "../tables.ts";
import type { Viewer } from "./access.ts";

/** A unit-staff account's unit (accounts' `assignUnit` hook): one work unit, or none. */
export async function assignUnit(tx: Executor, userId: string, unitId: string | null) {
  await tx.delete(unitStaff).where(eq(unitStaff.userId, userId));
  if (!unitId) return;
  const [unit] = await unitsByIds(tx, [unitId]);
  if (unit?.kind !== "unit") throw unprocessable("UNKNOWN_UNIT", { field: "unitId" });
  await tx.insert(unitStaff).values({ userId, unitId });
}

/** The unit a unit-staff account acts for, or null. */
export async function unitOfUser(executor: Executor, userId: string): Promise<string | null> {
  const [row] = await executor
    .select({ unitId: unitStaff.unitId })
    .from(unitStaff)
    .where(eq(unitStaff.userId, userId));
  return row?.unitId ?? null;
}

/** The accounts acting for a unit (notices of its rota days). */
export async function staffOfUnit(executor: Executor, unitId: string): Promise<string[]> {
  const rows = await executor
    .select({ userId: unitStaff.userId })
    .from(unitStaff)
    .where(eq(unitStaff.unitId, unitId));
  return rows.map((r) => r.userId);
}

/** The caller as a viewer of 双报到 data: his unit when he acts for one. */
export async function viewerOf(executor: Executor, principal: Principal): Promise<Viewer> {
  const unitId = can(principal, "engagement.unit") ? await unitOfUser(executor, principal.userId) : null;
  return { principal, unitId };
}

/** The unit a unit-staff caller acts for; 403 NO_UNIT when his account has none yet. */
export async function requireUnit(executor: Executor, principal: Principal): Promise<string> {
  if (!can(principal, "engagement.unit")) throw forbidden();
  const unitId = await unitOfUser(executor, principal.userId);
  if (!unitId) throw new AppError("NO_UNIT", 403);
  return unitId;
}
