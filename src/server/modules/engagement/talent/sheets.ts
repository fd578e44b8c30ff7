import type { ItemOf, ListSheet } from "../../../platform/http/export.ts";
import type { listSeekers } from "./seekers.ts";
import type { listTalents } from "./service.ts";

/** The talent pool as a spreadsheet: the list's columns, phones masked as in the list. */
export const talentSheet: ListSheet<ItemOf<typeof listTalents>> = {
  key: "talents",
  columns: (w) => {
    const c = w.engagementMobilisation.talent;
    return [
      { header: c.name, width: 10, value: (x) => x.name },
      { header: c.phone, width: 14, value: (x) => x.phone },
      { header: c.skills, width: 30, value: (x) => x.skills.join("、") },
      { header: c.node, width: 16, value: (x) => x.node?.name ?? null },
      { header: c.availability, width: 20, value: (x) => x.availability },
      { header: c.note, width: 30, value: (x) => x.note },
    ];
  },
};

/** Job seekers as a spreadsheet, each proposal on a line of its own cell. */
export const seekerSheet: ListSheet<ItemOf<typeof listSeekers>> = {
  key: "jobSeekers",
  columns: (w) => {
    const c = w.engagementMobilisation.seekers;
    return [
      { header: c.name, width: 10, value: (x) => x.name },
      { header: c.phone, width: 14, value: (x) => x.phone },
      { header: c.node, width: 16, value: (x) => x.node?.name ?? null },
      { header: c.wanted, width: 20, value: (x) => x.wanted },
      { header: c.skills, width: 20, value: (x) => x.skills.join("、") },
      { header: c.status, width: 10, value: (x) => c.statusOf[x.status] },
      { header: c.createdAt, width: 17, value: (x) => x.createdAt, format: "datetime" },
      {
        header: c.matches,
        width: 48,
        value: (x) =>
          x.matches
            .map((m) => `${c.matchKind[m.kind]}：${m.title}（${m.provider}）${c.outcomeOf[m.outcome]}`)
            .join("\n") || null,
      },
    ];
  },
};
