import type { ItemOf, ListSheet } from "../../platform/http/export.ts";
import type { listWishes } from "./service.ts";

/** Wishes as a spreadsheet: the list's columns, codes in words, the wisher masked as in the list. */
export const wishSheet: ListSheet<ItemOf<typeof listWishes>> = {
  key: "wishes",
  columns: (w) => {
    const c = w.wishesAdmin.columns;
    const d = w.wishesAdmin.detail;
    return [
      { header: c.code, width: 18, value: (x) => x.code },
      { header: c.title, width: 32, value: (x) => x.title },
      { header: d.description, width: 40, value: (x) => x.description },
      { header: c.category, width: 10, value: (x) => w.wishes.category[x.category] },
      { header: c.status, width: 14, value: (x) => w.wishes.status[x.status] },
      { header: c.wisher, width: 10, value: (x) => x.wisherName },
      { header: d.phone, width: 14, value: (x) => x.wisherPhone },
      { header: c.wisherKind, width: 12, value: (x) => w.wishes.wisherKind[x.wisherKind] },
      { header: c.community, width: 14, value: (x) => x.community?.name ?? null },
      { header: c.claimer, width: 12, value: (x) => x.claimerName },
      { header: d.claimerUnit, width: 20, value: (x) => x.claimerUnitName },
      { header: c.createdAt, width: 17, value: (x) => x.createdAt, format: "datetime" },
      { header: c.publishedAt, width: 17, value: (x) => x.publishedAt, format: "datetime" },
      { header: c.claimedAt, width: 17, value: (x) => x.claimedAt, format: "datetime" },
      { header: c.fulfilledAt, width: 17, value: (x) => x.fulfilledAt, format: "datetime" },
      { header: c.confirmedAt, width: 17, value: (x) => x.confirmedAt, format: "datetime" },
    ];
  },
};
