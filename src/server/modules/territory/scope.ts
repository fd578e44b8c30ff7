import { type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { inScope, type Permission, type Principal } from "../../platform/auth/index.ts";
import type { Db } from "../../platform/db/index.ts";
import { getNode } from "./service.ts";

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
