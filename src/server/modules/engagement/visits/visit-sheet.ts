import type { ItemOf, ListSheet } from "../../../platform/http/export.ts";
import type { listVisits } from "./visits.ts";

/** Visits as a spreadsheet: the list's columns, problems one a line with their case codes. */
export const visitSheet: ListSheet<ItemOf<typeof listVisits>> = {
  key: "engagementVisits",
  columns: (w) => {
    const c = w.engagementVisits.columns;
    return [
      { header: c.visitedAt, width: 17, value: (x) => x.visitedAt, format: "datetime" },
      { header: c.member, width: 10, value: (x) => x.memberName },
      { header: c.address, width: 32, value: (x) => x.address },
      { header: c.note, width: 48, value: (x) => x.note },
      {
        header: c.problems,
        width: 40,
        value: (x) =>
          x.problems.map((p) => (p.caseCode ? `${p.text}（${p.caseCode}）` : p.text)).join("\n") || null,
      },
      { header: c.photos, width: 8, value: (x) => x.photos.length },
    ];
  },
};
