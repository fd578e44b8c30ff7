import type { Module } from "../../platform/module/index.ts";
import { ensureOrderDefaults } from "./categories.ts";
import { defineOrderJobs } from "./jobs.ts";
import { publishFromCall } from "./publish.ts";
import { ordersRoutes } from "./routes.ts";
import { orderSheet } from "./sheets.ts";

export { type BulkOrder, bulkInsertOrders } from "./bulk.ts";
export type { OrderAction } from "./flow.ts";
export { orderTotals } from "./stats.ts";
export type { Audience, OrderStatus } from "./tables.ts";

export const ordersModule: Module = {
  name: "orders",
  routes: [ordersRoutes],
  jobs: defineOrderJobs,
  firstData: ensureOrderDefaults,
  exporters: [orderSheet],
  hooks: { publishCall: publishFromCall },
};
