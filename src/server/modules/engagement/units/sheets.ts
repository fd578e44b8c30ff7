import type { ItemOf, ListSheet } from "../../../platform/http/export.ts";
import { SIX_FIXES } from "../tables.ts";
import type { listPairings } from "./pairings.ts";
import type { listReportIns } from "./report-in-views.ts";

/** Pairings as a spreadsheet: the list's columns and each of the 六定 in its own column. */
export const pairingSheet: ListSheet<ItemOf<typeof listPairings>> = {
  key: "pairings",
  columns: (w) => {
    const e = w.engagementUnits;
    const c = e.columns;
    return [
      { header: c.unit, width: 28, value: (x) => x.unit.name },
      { header: c.community, width: 14, value: (x) => x.community.name },
      { header: c.startsOn, width: 12, value: (x) => x.startsOn },
      { header: c.endsOn, width: 12, value: (x) => x.endsOn },
      {
        header: c.state,
        width: 10,
        value: (x) => (x.live ? c.live : x.endedAt ? c.ended : c.expired),
      },
      ...SIX_FIXES.map((k) => ({
        header: e.sixFixes[k],
        width: 30,
        value: (x: ItemOf<typeof listPairings>) => x.commitments[k],
      })),
    ];
  },
};

/** Report-ins as a spreadsheet, the 1+X items in words. */
export const reportInSheet: ListSheet<ItemOf<typeof listReportIns>> = {
  key: "reportIns",
  columns: (w) => {
    const e = w.engagementUnits;
    const c = e.columns;
    return [
      { header: c.member, width: 10, value: (x) => x.member.name },
      { header: c.unit, width: 28, value: (x) => x.unit.name },
      { header: c.community, width: 14, value: (x) => x.community.name },
      { header: c.year, width: 8, value: (x) => x.year },
      { header: c.status, width: 10, value: (x) => e.status[x.status] },
      {
        header: c.letter,
        width: 16,
        value: (x) => (x.letterIssuedAt ? e.review.issuedByUnit : x.letter ? e.review.letterPhoto : null),
      },
      { header: c.submittedAt, width: 17, value: (x) => x.updatedAt, format: "datetime" },
      { header: c.reason, width: 30, value: (x) => x.returnReason },
      { header: c.menu, width: 40, value: (x) => x.menu.map((m) => e.menu[m]).join("、") },
    ];
  },
};
