import { namedBy } from "../../platform/audit/index.ts";
import type { Module } from "../../platform/module/index.ts";
import { wishesRoutes } from "./routes.ts";
import { wishSheet } from "./sheets.ts";
import { wishes } from "./tables.ts";
import { wishTodos } from "./todos.ts";
import { wishWallRoutes } from "./wall-routes.ts";

export { type BulkWish, type BulkWishEvent, bulkInsertWishes } from "./bulk.ts";
export { PUBLIC_STATUSES, WISH_ACTIONS, type WishAction } from "./flow.ts";
export {
  CLAIMER_KINDS,
  type ClaimerKind,
  WISH_CATEGORIES,
  WISH_STATUSES,
  WISHER_KINDS,
  type WishCategory,
  type WisherKind,
  type WishStatus,
} from "./tables.ts";

export const wishesModule: Module = {
  name: "wishes",
  routes: [wishesRoutes, wishWallRoutes],
  exporters: [wishSheet],
  todos: wishTodos,
  // How the audit log names its entities for people.
  auditNames: { wish: namedBy(wishes, wishes.id, wishes.title) },
};
