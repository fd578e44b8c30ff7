import type { ItemOf, ListSheet } from "../../../platform/http/export.ts";
import type { listItems } from "./items.ts";
import type { listRedemptions } from "./redemptions.ts";

/** The shop's items as a spreadsheet: the staff list's columns. */
export const itemSheet: ListSheet<ItemOf<typeof listItems>> = {
  key: "pointShopItems",
  columns: (w) => {
    const c = w.pointsShop.columns;
    return [
      { header: c.name, width: 20, value: (x) => x.name },
      { header: c.kind, width: 8, value: (x) => w.pointsShop.kinds[x.kind] },
      { header: c.node, width: 16, value: (x) => x.node?.name ?? null },
      { header: c.merchant, width: 20, value: (x) => x.merchant?.name ?? null },
      { header: c.price, width: 8, value: (x) => x.price },
      { header: c.stock, width: 8, value: (x) => x.stock },
      {
        header: c.audiences,
        width: 14,
        value: (x) => x.audiences.map((a) => w.pointsShop.audiences[a]).join("、"),
      },
      { header: c.active, width: 8, value: (x) => (x.active ? w.pointsShop.onShelf : w.pointsShop.offShelf) },
    ];
  },
};

/** Redemptions as a spreadsheet, with the same filters as the list. */
export const redemptionSheet: ListSheet<ItemOf<typeof listRedemptions>> = {
  key: "pointRedemptions",
  columns: (w) => {
    const c = w.pointsShop.columns;
    return [
      { header: c.createdAt, width: 17, value: (x) => x.createdAt, format: "datetime" },
      { header: c.holder, width: 10, value: (x) => x.holderName },
      { header: c.name, width: 20, value: (x) => x.item.name },
      { header: c.quantity, width: 6, value: (x) => x.quantity },
      { header: c.points, width: 8, value: (x) => x.points },
      { header: c.merchant, width: 20, value: (x) => x.merchant?.name ?? null },
      { header: c.status, width: 8, value: (x) => w.pointsShop.status[x.status] },
      { header: c.deliveredAt, width: 17, value: (x) => x.deliveredAt, format: "datetime" },
      { header: c.cancelReason, width: 20, value: (x) => x.cancelReason },
    ];
  },
};
