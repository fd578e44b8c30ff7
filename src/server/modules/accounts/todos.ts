import { and, count, eq } from "drizzle-orm";
import { can, inScope, type Principal } from "../../platform/auth/index.ts";
import type { Db } from "../../platform/db/index.ts";
import type { Todo } from "../../platform/module/index.ts";
import { householdBindings } from "./tables.ts";

/** 待确认绑定: residents asking to be bound to a household of the caller's area, waiting for the community. */
export async function accountTodos(db: Db, principal: Principal): Promise<Todo[]> {
  if (!principal.roles.some((r) => r.role === "communityStaff") || !can(principal, "accounts.manage"))
    return [];
  const [row] = await db
    .select({ n: count() })
    .from(householdBindings)
    .where(
      and(
        eq(householdBindings.status, "pending"),
        inScope(principal, "accounts.manage", householdBindings.territoryPath),
      ),
    );
  return [{ kind: "bindings.confirm", count: row?.n ?? 0, link: "/admin/accounts/bindings" }];
}
