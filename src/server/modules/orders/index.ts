export { type BulkOrder, bulkInsertOrders } from "./bulk.ts";
export { ensureOrderDefaults } from "./categories.ts";
export type { OrderAction } from "./flow.ts";
export { defineOrderJobs } from "./jobs.ts";
export { publishFromCall } from "./publish.ts";
export { ordersRoutes } from "./routes.ts";
export { orderTotals } from "./stats.ts";
export type { Audience, OrderStatus } from "./tables.ts";
