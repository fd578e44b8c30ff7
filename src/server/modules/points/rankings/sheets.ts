import type { ItemOf, ListSheet } from "../../../platform/http/export.ts";
import type { listEntries } from "./entries.ts";

/** The entries of rankings as a spreadsheet: the list's columns, names whole as staff see them. */
export const rankingEntrySheet: ListSheet<ItemOf<typeof listEntries>> = {
  key: "rankingEntries",
  columns: (w) => {
    const c = w.pointsRankings;
    return [
      { header: c.columns.kind, width: 16, value: (x) => c.kinds[x.ranking.kind] },
      { header: c.columns.period, width: 10, value: (x) => x.ranking.period },
      { header: c.columns.area, width: 16, value: (x) => x.ranking.nodeName },
      { header: c.columns.status, width: 10, value: (x) => c.statuses[x.ranking.status] },
      { header: c.columns.rank, width: 8, value: (x) => x.rank },
      { header: c.columns.name, width: 20, value: (x) => x.name },
      { header: c.columns.score, width: 10, value: (x) => x.score },
      { header: c.columns.citation, width: 40, value: (x) => x.citation },
    ];
  },
};
