import { and, eq } from "drizzle-orm";
import { inScope, type Permission, type Principal } from "../../platform/auth/index.ts";
import type { Executor } from "../../platform/db/index.ts";
import { notFound } from "../../platform/errors.ts";
import { households } from "./tables.ts";

export { scopedTo } from "../territory/index.ts";

/** A household under the caller's scope for `permission`, or 404: outside the scope looks like absent. */
export async function householdInScope(
  executor: Executor,
  principal: Principal,
  id: string,
  permission: Permission = "people.read",
) {
  const [row] = await executor
    .select()
    .from(households)
    .where(and(eq(households.id, id), inScope(principal, permission, households.territoryPath)));
  if (!row) throw notFound("household", id);
  return row;
}

/** Whole years between a birth date and today (China time). */
export function ageOn(birthDate: string, today = new Date()): number {
  const [y, m, d] = birthDate.split("-").map(Number) as [number, number, number];
  const now = new Date(today.getTime() + 8 * 3_600_000);
  let age = now.getUTCFullYear() - y;
  if (now.getUTCMonth() + 1 < m || (now.getUTCMonth() + 1 === m && now.getUTCDate() < d)) age--;
  return age;
}
