import { namedBy } from "../../platform/audit/index.ts";
import type { Module } from "../../platform/module/index.ts";
import { ensureOrderDefaults } from "./categories.ts";
import { orderCategoryRoutes } from "./category-routes.ts";
import { defineOrderJobs } from "./jobs.ts";
import { publishFromCall } from "./publish.ts";
import { ordersRoutes } from "./routes.ts";
import { orderSheet } from "./sheets.ts";
import { orders } from "./tables.ts";
import { orderTodos } from "./todos.ts";

export { type BulkOrder, bulkInsertOrders } from "./bulk.ts";
export type { OrderAction } from "./flow.ts";
export { orderTotals } from "./stats.ts";
export type { Audience, OrderStatus } from "./tables.ts";

export const ordersModule: Module = {
  name: "orders",
  routes: [ordersRoutes, orderCategoryRoutes],
  jobs: defineOrderJobs,
  firstData: ensureOrderDefaults,
  exporters: [orderSheet],
  hooks: { publishCall: publishFromCall },
  todos: orderTodos,
  // How the audit log names its entities for people.
  auditNames: { order: namedBy(orders, orders.id, orders.title) },
};
