import { type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Permission, Principal } from "../../platform/auth/index.ts";
import { inScope } from "../../platform/auth/index.ts";
import type { Db } from "../../platform/db/index.ts";
import { getNode } from "../territory/index.ts";

/** Scope condition, narrowed to the subtree of `underId` when given (404 if that node is out of scope). */
export async function scopedTo(
  db: Db,
  principal: Principal,
  permission: Permission,
  pathColumn: AnyPgColumn,
  underId?: string,
): Promise<SQL[]> {
  const conditions = [inScope(principal, permission, pathColumn)];
  if (underId) {
    const node = await getNode(db, principal, underId, permission);
    conditions.push(sql`${pathColumn} like ${`${node.path}%`}`);
  }
  return conditions;
}

/** Whole years between a birth date and today (China time). */
export function ageOn(birthDate: string, today = new Date()): number {
  const [y, m, d] = birthDate.split("-").map(Number) as [number, number, number];
  const now = new Date(today.getTime() + 8 * 3_600_000);
  let age = now.getUTCFullYear() - y;
  if (now.getUTCMonth() + 1 < m || (now.getUTCMonth() + 1 === m && now.getUTCDate() < d)) age--;
  return age;
}
