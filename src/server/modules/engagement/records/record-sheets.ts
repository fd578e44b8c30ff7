import type { ItemOf, ListSheet } from "../../../platform/http/export.ts";
import type { Words } from "../../../platform/i18n/words.ts";
import type { Column } from "../../../platform/xlsx/index.ts";
import type { unitLedger } from "./ledger.ts";
import type { listRecords } from "./record-service.ts";

/** Service records as a spreadsheet: the list's columns, codes in words. */
export const recordSheet: ListSheet<ItemOf<typeof listRecords>> = {
  key: "serviceRecords",
  columns: (w) => {
    const r = w.engagementRecords;
    const c = r.columns;
    return [
      { header: c.member, width: 10, value: (x) => x.memberName },
      { header: c.unit, width: 24, value: (x) => x.unitName },
      { header: c.kind, width: 12, value: (x) => r.kind[x.kind] },
      { header: c.title, width: 40, value: (x) => x.title },
      { header: c.hours, width: 10, value: (x) => x.hours },
      { header: c.servedOn, width: 12, value: (x) => x.servedOn, format: "date" },
      { header: c.status, width: 10, value: (x) => r.status[x.status] },
      { header: c.createdAt, width: 17, value: (x) => x.createdAt, format: "datetime" },
    ];
  },
};

type LedgerRow = Awaited<ReturnType<typeof unitLedger>>["items"][number];

/** The unit's ledger for a quarter: one row a member, a column a kind of service. */
export function ledgerColumns(w: Words): Column<LedgerRow>[] {
  const r = w.engagementRecords;
  const c = r.columns;
  const kinds = Object.keys(r.kind) as Array<keyof typeof r.kind>;
  return [
    { header: c.member, width: 10, value: (x) => x.memberName },
    { header: c.services, width: 10, value: (x) => x.services },
    ...kinds.map((k) => ({ header: r.kind[k], width: 10, value: (x: LedgerRow) => x.byKind[k] })),
    { header: c.hours, width: 10, value: (x) => x.hours },
    { header: c.sixOnes, width: 10, value: (x) => `${x.sixOnesDone}/6` },
    {
      header: c.grade,
      width: 10,
      value: (x) => (x.card ? r.grade[x.card.grade as keyof typeof r.grade] : null),
    },
    { header: c.sentAt, width: 17, value: (x) => x.card?.sentAt ?? null, format: "datetime" },
  ];
}
