import type { TFunction } from "i18next";
import { type CaseClock, caseDeadline, lateFor } from "../../shared/flows/deadlines.ts";

// How both apps word a case's deadline and who holds it (the judgement is src/shared/flows/deadlines.ts).

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "25 分钟", "3 小时", "2 天": the coarsest unit that still says something. */
export function durationText(t: TFunction, ms: number): string {
  const abs = Math.abs(ms);
  if (abs < HOUR) return t("caseWork.duration.minutes", { count: Math.max(1, Math.round(abs / MINUTE)) });
  if (abs < 2 * DAY) return t("caseWork.duration.hours", { count: Math.round(abs / HOUR) });
  return t("caseWork.duration.days", { count: Math.round(abs / DAY) });
}

export interface DeadlineWords {
  /** "响应已超时 2 小时", "3 天内须办结". */
  text: string;
  late: boolean;
  dueAt: number;
}

/** The deadline a case runs against now, in words; null once it is no longer open. */
export function deadlineWords(t: TFunction, c: CaseClock, now: number = Date.now()): DeadlineWords | null {
  const d = caseDeadline(c, now);
  if (!d) return null;
  const time = durationText(t, d.leftMs);
  const key = d.kind === "response" ? "response" : "resolve";
  return {
    text: t(`caseWork.deadline.${key}${d.late ? "Late" : "In"}`, { time }),
    late: d.late,
    dueAt: d.dueAt,
  };
}

/** "响应超时" or "办结超时" for a late case; null when it is on time. */
export function lateLabel(t: TFunction, c: CaseClock, now: number = Date.now()): string | null {
  const kind = lateFor(c, now);
  return kind ? t(`caseWork.late.${kind}`) : null;
}

export interface HolderRef {
  level: "grid" | "community" | "street" | "department";
  name: string | null;
}

/** "社区办理中 · 红旗社区", "区城市管理局办理中". */
export function holderText(t: TFunction, h: HolderRef): string {
  if (!h.name) return t("caseWork.holder.unnamed", { level: t(`cases.level.${h.level}`) });
  return t(`caseWork.holder.${h.level}`, { name: h.name });
}
