import type { ItemOf, ListSheet } from "../../platform/http/export.ts";
import { type Words, wordFor } from "../../platform/i18n/words.ts";
import type { listDevices } from "./devices/service.ts";
import type { listCases } from "./service.ts";
import type { listWhistles } from "./whistles.ts";

const yesNo = (w: Words, flag: boolean) => (flag ? w.export.yes : w.export.no);

/** Cases as a spreadsheet: every field of the list, codes in words, the reporter masked as in the list. */
export const caseSheet: ListSheet<ItemOf<typeof listCases>> = {
  key: "cases",
  columns: (w) => {
    const f = w.casesAdmin.fields;
    return [
      { header: w.casesAdmin.columns.code, width: 18, value: (c) => c.code },
      { header: f.category, width: 12, value: (c) => c.categoryName },
      { header: f.requestType, width: 8, value: (c) => w.cases.requestType[c.requestType] },
      { header: f.urgency, width: 8, value: (c) => w.cases.urgency[c.urgency] },
      { header: f.description, width: 48, value: (c) => c.description },
      { header: f.address, width: 32, value: (c) => c.address },
      { header: f.grid, width: 16, value: (c) => c.gridName },
      { header: w.map.code, width: 14, value: (c) => c.gridCode },
      { header: f.channel, width: 14, value: (c) => w.cases.channel[c.channel] },
      { header: w.casesAdmin.columns.status, width: 16, value: (c) => w.cases.status[c.status] },
      { header: w.export.columns.overdue, width: 8, value: (c) => yesNo(w, c.overdue) },
      {
        header: w.export.columns.supervisedBy,
        width: 10,
        value: (c) => wordFor(w.cases.level, c.supervisedBy),
      },
      { header: f.reporter, width: 10, value: (c) => c.reporterName },
      { header: w.export.columns.reporterPhone, width: 14, value: (c) => c.reporterPhone },
      { header: f.createdAt, width: 17, value: (c) => c.createdAt, format: "datetime" },
      { header: f.responseDueAt, width: 17, value: (c) => c.responseDueAt, format: "datetime" },
      { header: f.respondedAt, width: 17, value: (c) => c.respondedAt, format: "datetime" },
      { header: f.resolveDueAt, width: 17, value: (c) => c.resolveDueAt, format: "datetime" },
      { header: f.resolvedAt, width: 17, value: (c) => c.resolvedAt, format: "datetime" },
      { header: f.closedAt, width: 17, value: (c) => c.closedAt, format: "datetime" },
      { header: f.rating, width: 8, value: (c) => c.rating },
      { header: w.export.columns.ratingComment, width: 24, value: (c) => c.ratingComment },
      { header: w.export.columns.needsReview, width: 10, value: (c) => yesNo(w, c.needsReview) },
    ];
  },
};

export const whistleSheet: ListSheet<ItemOf<typeof listWhistles>> = {
  key: "whistles",
  columns: (w) => [
    { header: w.casesAdmin.columns.code, width: 18, value: (x) => x.caseCode },
    { header: w.casesAdmin.whistles.status, width: 8, value: (x) => w.cases.whistleStatus[x.status] },
    { header: w.casesAdmin.fields.description, width: 40, value: (x) => x.description },
    { header: w.casesAdmin.fields.address, width: 28, value: (x) => x.address },
    { header: w.casesAdmin.whistles.department, width: 16, value: (x) => x.departmentName },
    { header: w.casesAdmin.whistles.request, width: 32, value: (x) => x.request },
    { header: w.export.columns.whistledAt, width: 17, value: (x) => x.createdAt, format: "datetime" },
    { header: w.casesAdmin.whistles.deadline, width: 17, value: (x) => x.deadline, format: "datetime" },
    { header: w.export.columns.overdue, width: 8, value: (x) => yesNo(w, x.overdue) },
    { header: w.casesAdmin.whistles.score, width: 6, value: (x) => x.score },
  ],
};

export const deviceSheet: ListSheet<ItemOf<typeof listDevices>> = {
  key: "devices",
  columns: (w) => [
    { header: w.export.columns.deviceId, width: 18, value: (d) => d.deviceId },
    { header: w.export.columns.deviceLabel, width: 20, value: (d) => d.label },
    { header: w.export.columns.householdId, width: 38, value: (d) => d.householdId },
    { header: w.export.columns.registeredAt, width: 17, value: (d) => d.createdAt, format: "datetime" },
    { header: w.export.columns.lastCallAt, width: 17, value: (d) => d.lastCallAt, format: "datetime" },
  ],
};
