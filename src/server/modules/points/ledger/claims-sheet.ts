import type { ItemOf, ListSheet } from "../../../platform/http/export.ts";
import type { listClaims } from "./claims.ts";

/** The claims list as a spreadsheet: the list's columns, in the reader's words. */
export const claimSheet: ListSheet<ItemOf<typeof listClaims>> = {
  key: "pointClaims",
  columns: (w) => {
    const c = w.pointsRules.approvals;
    const statusOf = { pending: c.pending, approved: c.approved, rejected: c.rejected };
    return [
      { header: c.holder, width: 16, value: (x) => x.holder.name },
      { header: c.audience, width: 10, value: (x) => w.pointsRules.audienceShort[x.audience] },
      {
        header: c.rule,
        width: 24,
        value: (x) => (x.rule.indicator ? `${x.rule.indicator}：${x.rule.name}` : x.rule.name),
      },
      { header: c.points, width: 8, value: (x) => (x.rule.kind === "deduct" ? -x.points : x.points) },
      { header: c.happenedOn, width: 12, value: (x) => x.happenedOn },
      { header: c.note, width: 30, value: (x) => x.note || null },
      { header: c.status, width: 10, value: (x) => statusOf[x.status] },
      { header: c.submittedBy, width: 10, value: (x) => x.submittedBy.name },
      { header: c.decidedBy, width: 10, value: (x) => x.decidedBy?.name ?? null },
      { header: c.reason, width: 24, value: (x) => x.reason },
      { header: c.createdAt, width: 17, value: (x) => x.createdAt, format: "datetime" },
    ];
  },
};
