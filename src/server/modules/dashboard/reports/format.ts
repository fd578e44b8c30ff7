import { lastDay } from "../days.ts";
import type { ReportData } from "./data.ts";

/**
 * Words and numbers shared by the .xlsx and the PDF of a report, so both say the same thing.
 * Reports are printed for Chinese offices: their text is Chinese whatever the reader's language.
 */

const CHINA_OFFSET_MS = 8 * 3_600_000;

/** "阳光社区 2026年11月 诉求办理月报". */
export const reportTitle = (data: ReportData): string =>
  `${data.subjectName} ${data.periodLabel} 诉求办理${data.kind === "monthly" ? "月报" : "季报"}`;

/** "2026-11-01 至 2026-11-30". */
export const periodRange = (data: ReportData): string => `${data.from} 至 ${lastDay(data)}`;

/** "2026-12-01 08:00", China time. */
export const chinaClock = (at: Date): string =>
  new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace("T", " ");

/** 0.9234 as "92.3%"; no rating as "—". */
export const percent = (share: number | null): string =>
  share === null || !Number.isFinite(share) ? "—" : `${(share * 100).toFixed(1)}%`;

/** What a report lists as its areas: a community its grids, a street its communities, the district its streets. */
const AREA_NOUNS: Record<ReportData["subjectType"], string> = {
  community: "网格",
  street: "社区",
  district: "街道",
  department: "社区",
};

/** Who the areas table lists: an area's parts, or the communities a department served. */
export const areaNoun = (data: Pick<ReportData, "subjectType">): string => AREA_NOUNS[data.subjectType];
