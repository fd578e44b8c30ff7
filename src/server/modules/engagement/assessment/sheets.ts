import type { Words } from "../../../platform/i18n/words.ts";
import type { Column } from "../../../platform/xlsx/index.ts";
import { type Part, WEIGHTS } from "./score.ts";
import type { assessment, unitMembers } from "./service.ts";

type UnitRow = Awaited<ReturnType<typeof assessment>>["items"][number];
type MemberRow = Awaited<ReturnType<typeof unitMembers>>["items"][number];

const percent = (x: number | null) => (x === null ? null : `${Math.round(x * 1000) / 10}%`);

/** 年度考核 as a spreadsheet: the ranking, each part's figures and score, the weights in the headers. */
export function rankingColumns(w: Words): Column<UnitRow>[] {
  const a = w.engagementWalls.assessment;
  const c = a.columns;
  const weighted = (part: Part) => `${a.parts[part]}（${WEIGHTS[part]}%）`;
  return [
    { header: c.districtRank, width: 8, value: (x) => x.districtRank },
    { header: c.communityRank, width: 8, value: (x) => x.communityRank },
    { header: c.unit, width: 28, value: (x) => x.unit.name },
    { header: c.community, width: 14, value: (x) => x.community.name },
    { header: c.members, width: 10, value: (x) => x.members },
    { header: c.reportedIn, width: 10, value: (x) => x.reportedIn },
    { header: c.reportRate, width: 10, value: (x) => percent(x.reportRate) },
    { header: c.services, width: 10, value: (x) => x.services },
    { header: c.hours, width: 10, value: (x) => x.hours },
    { header: c.wishes, width: 10, value: (x) => x.wishes },
    { header: c.averageGrade, width: 10, value: (x) => x.averageGrade },
    { header: weighted("reportRate"), width: 12, value: (x) => x.parts.reportRate },
    { header: weighted("services"), width: 12, value: (x) => x.parts.services },
    { header: weighted("wishes"), width: 12, value: (x) => x.parts.wishes },
    { header: weighted("feedback"), width: 12, value: (x) => x.parts.feedback },
    { header: c.score, width: 10, value: (x) => x.score },
  ];
}

/** A unit's members for the year. */
export function memberColumns(w: Words): Column<MemberRow>[] {
  const a = w.engagementWalls.assessment;
  const c = a.columns;
  return [
    { header: c.member, width: 10, value: (x) => x.member.name },
    { header: c.community, width: 14, value: (x) => x.community },
    { header: c.reportIn, width: 10, value: (x) => (x.reportIn ? a.reportIn[x.reportIn] : a.reportIn.none) },
    { header: c.services, width: 10, value: (x) => x.services },
    { header: c.hours, width: 10, value: (x) => x.hours },
    { header: c.wishes, width: 10, value: (x) => x.wishes },
    { header: c.averageGrade, width: 10, value: (x) => x.averageGrade },
  ];
}
