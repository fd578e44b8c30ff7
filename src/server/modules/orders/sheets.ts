import type { ItemOf, ListSheet } from "../../platform/http/export.ts";
import type { listOrders } from "./service.ts";

/** Orders as a spreadsheet: the list's fields, codes in words, the requester masked as in the list. */
export const orderSheet: ListSheet<ItemOf<typeof listOrders>> = {
  key: "orders",
  columns: (w) => {
    const f = w.orders.fields;
    return [
      { header: f.code, width: 18, value: (o) => o.code },
      { header: f.category, width: 10, value: (o) => o.categoryName },
      { header: f.title, width: 28, value: (o) => o.title },
      { header: f.description, width: 40, value: (o) => o.description },
      { header: f.address, width: 30, value: (o) => o.address },
      { header: f.node, width: 16, value: (o) => o.nodeName },
      { header: f.audience, width: 12, value: (o) => w.orders.audience[o.audience] },
      { header: f.status, width: 14, value: (o) => w.orders.status[o.status] },
      { header: f.requester, width: 10, value: (o) => o.requesterName },
      { header: f.requesterPhone, width: 14, value: (o) => o.requesterPhone },
      { header: f.taker, width: 10, value: (o) => o.takerName },
      { header: f.createdAt, width: 17, value: (o) => o.createdAt, format: "datetime" },
      { header: f.grabbedAt, width: 17, value: (o) => o.grabbedAt, format: "datetime" },
      { header: f.arrivedAt, width: 17, value: (o) => o.arrivedAt, format: "datetime" },
      { header: f.completedAt, width: 17, value: (o) => o.completedAt, format: "datetime" },
      { header: f.score, width: 6, value: (o) => o.score },
      { header: f.misses, width: 8, value: (o) => o.misses },
    ];
  },
};
