import { can, type Principal } from "../../platform/auth/index.ts";
import type { Db } from "../../platform/db/index.ts";
import type { Todo } from "../../platform/module/index.ts";
import { countOrders, hallCounts } from "./service.ts";

/**
 * 抢单's work: for members, volunteers and liaisons the hall's open orders they may take and the ones
 * they hold (the hall lists exactly these); for the community, completed orders waiting for the
 * callback (回访) that rates them.
 */
export async function orderTodos(db: Db, principal: Principal): Promise<Todo[]> {
  const todos: Array<Promise<Todo[]>> = [];
  if (can(principal, "orders.grab"))
    todos.push(
      hallCounts(db, principal).then(({ open, taken }) => [
        { kind: "orders.grab", count: open, link: "/mobile/orders/hall" },
        ...(taken > 0 ? [{ kind: "orders.taken" as const, count: taken, link: "/mobile/orders/hall" }] : []),
      ]),
    );
  if (principal.roles.some((r) => r.role === "communityStaff"))
    todos.push(
      countOrders(db, principal, "completed").then((count) => [
        { kind: "orders.followUp", count, link: "/admin/orders?status=completed" },
      ]),
    );
  return (await Promise.all(todos)).flat();
}
