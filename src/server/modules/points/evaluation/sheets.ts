import type { ItemOf, ListSheet } from "../../../platform/http/export.ts";
import type { listInspections } from "./inspection-list.ts";
import type { listMerchants } from "./shops.ts";

/** The shops' scores as a spreadsheet: the list's columns. */
export const merchantSheet: ListSheet<ItemOf<typeof listMerchants>> = {
  key: "pointMerchants",
  columns: (w) => {
    const c = w.pointsEvaluation.columns;
    return [
      { header: c.name, width: 20, value: (x) => x.name },
      { header: c.category, width: 10, value: (x) => x.category },
      { header: c.address, width: 30, value: (x) => x.address },
      { header: c.score, width: 8, value: (x) => x.score },
      { header: c.added, width: 8, value: (x) => x.added },
      { header: c.deducted, width: 8, value: (x) => x.deducted },
      { header: c.stars, width: 8, value: (x) => x.stars.average },
      { header: c.ratings, width: 8, value: (x) => x.stars.count },
      {
        header: c.titles,
        width: 16,
        value: (x) =>
          x.titles.map((t) => w.pointsEvaluation.titleKinds[t.kind as TitleKey] ?? t.kind).join("、") || null,
      },
      { header: c.lastInspectedAt, width: 17, value: (x) => x.lastInspectedAt, format: "datetime" },
    ];
  },
};

type TitleKey = "virtueShop" | "trustedMerchant" | "starMember";

/** Inspections as a spreadsheet, each indicator on a line of its own cell. */
export const inspectionSheet: ListSheet<ItemOf<typeof listInspections>> = {
  key: "pointInspections",
  columns: (w) => {
    const c = w.pointsEvaluation.columns;
    return [
      { header: c.at, width: 17, value: (x) => x.at, format: "datetime" },
      { header: c.name, width: 20, value: (x) => x.merchant.name },
      { header: c.inspector, width: 10, value: (x) => x.inspector },
      { header: c.added, width: 8, value: (x) => x.added },
      { header: c.deducted, width: 8, value: (x) => x.deducted },
      {
        header: c.items,
        width: 48,
        value: (x) =>
          x.items
            .map((i) => `${i.indicator ?? ""}·${i.name} ${i.kind === "add" ? "+" : "−"}${i.applied}`)
            .join("\n") || null,
      },
      { header: c.note, width: 30, value: (x) => x.note },
      { header: c.photos, width: 8, value: (x) => x.photos.length },
    ];
  },
};
