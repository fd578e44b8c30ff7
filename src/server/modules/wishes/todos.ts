import { can, type Principal } from "../../platform/auth/index.ts";
import type { Db } from "../../platform/db/index.ts";
import type { Todo } from "../../platform/module/index.ts";
import { countMyWishes, countWishes } from "./service.ts";

/** The back office's roles: their own wishes wait on the phone, not on their desk. */
const STAFF = new Set(["districtAdmin", "streetStaff", "communityStaff", "gridWorker", "departmentStaff"]);

/**
 * 微心愿's work: the community's review queue (the admin page's first tab), a member's claimed wishes
 * still to fulfil, and a wisher's fulfilled wishes waiting for his confirmation.
 */
export async function wishTodos(db: Db, principal: Principal): Promise<Todo[]> {
  const todos: Array<Promise<Todo>> = [];
  if (can(principal, "wishes.review"))
    todos.push(
      countWishes(db, principal, "pending").then((count) => ({
        kind: "wishes.review",
        count,
        link: "/admin/wishes?status=pending",
      })),
    );
  if (can(principal, "wishes.claim"))
    todos.push(
      countMyWishes(db, principal, { as: "claimer", status: ["claimed"] }).then((count) => ({
        kind: "wishes.fulfil",
        count,
        link: "/mobile/wishes/mine?as=claimer&status=claimed",
      })),
    );
  if (!principal.roles.some((r) => STAFF.has(r.role)))
    todos.push(
      countMyWishes(db, principal, { status: ["fulfilled"] }).then((count) => ({
        kind: "wishes.confirm",
        count,
        link: "/mobile/wishes/mine?status=fulfilled",
      })),
    );
  return Promise.all(todos);
}
