import type { ItemOf, ListSheet } from "../../../platform/http/export.ts";
import type { Words } from "../../../platform/i18n/words.ts";
import type { listConsents } from "./consents.ts";
import type { listCreditExport } from "./export.ts";

type ExportRow = ItemOf<typeof listCreditExport>;

const titlesIn = (w: Words, x: ExportRow) =>
  x.titles.map((t) => `${t.period}${w.pointsRankings.kinds[t.kind]}`).join("、") || null;

/** The consents list as a spreadsheet, as the 信用授权 page shows it. */
export const consentSheet: ListSheet<ItemOf<typeof listConsents>> = {
  key: "creditConsents",
  columns: (w) => {
    const c = w.pointsRankings.credit;
    return [
      { header: c.columns.holder, width: 20, value: (x) => x.holder.name },
      { header: c.columns.audience, width: 8, value: (x) => c.audience[x.audience] },
      { header: c.columns.community, width: 16, value: (x) => x.community },
      { header: c.columns.bank, width: 18, value: (x) => x.bank },
      { header: c.columns.recordedBy, width: 12, value: (x) => x.recordedBy.name },
      { header: c.columns.givenAt, width: 17, value: (x) => x.givenAt, format: "datetime" },
      { header: c.columns.status, width: 8, value: (x) => (x.withdrawnAt ? c.withdrawn : c.live) },
    ];
  },
};

/** Residents' credit export for the bank: masked 身份证 only, never the whole number. */
export const creditResidentSheet: ListSheet<ExportRow> = {
  key: "creditExport",
  columns: (w) => {
    const c = w.pointsRankings.credit.columns;
    return [
      { header: c.holder, width: 10, value: (x) => x.name },
      { header: c.idMasked, width: 20, value: (x) => x.idMasked },
      { header: c.community, width: 16, value: (x) => x.community },
      { header: c.balance, width: 10, value: (x) => x.balance },
      { header: c.yearScore, width: 10, value: (x) => x.score },
      { header: c.titles, width: 24, value: (x) => titlesIn(w, x) },
      { header: c.givenAt, width: 17, value: (x) => x.consentedAt, format: "datetime" },
    ];
  },
};

/** Shops' credit export for the bank. */
export const creditMerchantSheet: ListSheet<ExportRow> = {
  key: "creditExport",
  columns: (w) => {
    const c = w.pointsRankings.credit.columns;
    return [
      { header: c.holder, width: 20, value: (x) => x.name },
      { header: c.uscc, width: 22, value: (x) => x.uscc },
      { header: c.community, width: 16, value: (x) => x.community },
      { header: c.yearScore, width: 10, value: (x) => x.score },
      { header: c.rating, width: 12, value: (x) => x.rating },
      { header: c.titles, width: 24, value: (x) => titlesIn(w, x) },
      { header: c.givenAt, width: 17, value: (x) => x.consentedAt, format: "datetime" },
    ];
  },
};
