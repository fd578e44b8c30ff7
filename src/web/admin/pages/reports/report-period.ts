// Periods and names of the reports, as the page shows them and the API takes them.
import type { TFunction } from "i18next";
import type { QueryOf, ResponseOf } from "../../../common/api.ts";

export type ReportItem = ResponseOf<"/api/v1/dashboard/reports", "get">["items"][number];
export type ReportQuery = NonNullable<QueryOf<"/api/v1/dashboard/reports", "get">>;
export type ReportKind = ReportItem["kind"];
export type ReportSubject = ReportItem["subjectType"];
export type ReportStatus = ReportItem["status"];

export const REPORT_KINDS: readonly ReportKind[] = ["monthly", "quarterly"];
export const REPORT_SUBJECTS: readonly ReportSubject[] = ["community", "street", "district", "department"];

/** Every report query starts with this key, so one invalidation refreshes the list. */
export const REPORTS_KEY = ["dashboard", "reports"] as const;

/** A month of a year, January = 1. */
export interface Month {
  year: number;
  month: number;
}

const quarterOf = (month: number) => Math.floor((month - 1) / 3) + 1;
const pad = (n: number) => String(n).padStart(2, "0");

/** "2026-11-30": the last day of a period, the day before the first day after it (`periodEnd`). */
export function lastDayOf(periodEnd: string): string {
  return new Date(Date.parse(`${periodEnd}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

/** "2026年11月" or "2026年第四季度". */
export function periodName(t: TFunction, kind: ReportKind, periodStart: string): string {
  const year = Number(periodStart.slice(0, 4));
  const month = Number(periodStart.slice(5, 7));
  if (kind === "monthly") return t("reports.period.month", { year, month });
  const quarter = quarterOf(month) as 1 | 2 | 3 | 4;
  return t("reports.period.quarter", {
    year,
    quarter,
    quarterName: t(`reports.period.quarterNames.q${quarter}`),
  });
}

/** "红旗社区 2026年11月 月报". */
export function reportName(
  t: TFunction,
  r: Pick<ReportItem, "kind" | "subjectName" | "periodStart">,
): string {
  return t("reports.name", {
    subject: r.subjectName,
    period: periodName(t, r.kind, r.periodStart),
    noun: t(`reports.noun.${r.kind}`),
  });
}

/** "2026-11-01 至 2026-11-30". */
export function periodRange(t: TFunction, r: Pick<ReportItem, "periodStart" | "periodEnd">): string {
  return t("reports.period.range", { from: r.periodStart, to: lastDayOf(r.periodEnd) });
}

/** The period as the API takes it: "2026-11" for a month, "2026-Q4" for the quarter the month is in. */
export function periodParam(kind: ReportKind, { year, month }: Month): string {
  return kind === "monthly" ? `${year}-${pad(month)}` : `${year}-Q${quarterOf(month)}`;
}

/** A listed report's period as the API takes it, to make it again. */
export const periodOfReport = (r: Pick<ReportItem, "kind" | "periodStart">): string =>
  periodParam(r.kind, { year: Number(r.periodStart.slice(0, 4)), month: Number(r.periodStart.slice(5, 7)) });

/** The first month of the last finished month or quarter before `today` ("2026-12-06"): the usual choice. */
export function lastFinished(kind: ReportKind, today: string): Month {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const first = kind === "monthly" ? month : (quarterOf(month) - 1) * 3 + 1;
  const back = kind === "monthly" ? 1 : 3;
  return first - back >= 1 ? { year, month: first - back } : { year: year - 1, month: first - back + 12 };
}

/** Whether the month or quarter of `m` has not begun by `today` (the server refuses those). */
export function notBegun(kind: ReportKind, m: Month, today: string): boolean {
  const first = kind === "monthly" ? m.month : (quarterOf(m.month) - 1) * 3 + 1;
  return `${m.year}-${pad(first)}-01` > today;
}
