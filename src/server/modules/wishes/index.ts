export { type BulkWish, type BulkWishEvent, bulkInsertWishes } from "./bulk.ts";
export { PUBLIC_STATUSES, WISH_ACTIONS, type WishAction } from "./flow.ts";
export { wishesRoutes } from "./routes.ts";
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
export { wishWallRoutes } from "./wall-routes.ts";
