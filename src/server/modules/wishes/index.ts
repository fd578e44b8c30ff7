import type { Module } from "../../platform/module/index.ts";
import { wishesRoutes } from "./routes.ts";
import { wishSheet } from "./sheets.ts";
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
};
