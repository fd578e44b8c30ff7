import { Space, Tag, Typography } from "antd";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { deadlineWords } from "../../../common/case-deadline.ts";
import { type CaseItem, isOpen } from "./case-labels.tsx";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "2026-11-23 14:05:00" in the reader's language, or "—". */
export function useFormatTime(): (iso: string | null | undefined) => string {
  const { t, i18n } = useTranslation();
  return (iso) => (iso ? new Date(iso).toLocaleString(i18n.language, { hour12: false }) : t("common.none"));
}

/** "25 分钟", "3 小时", "2 天": the coarsest unit that still says something. */
export function durationText(t: TFunction, ms: number): string {
  const abs = Math.abs(ms);
  if (abs < HOUR) return t("casesAdmin.duration.minutes", { count: Math.max(1, Math.round(abs / MINUTE)) });
  if (abs < 2 * DAY) return t("casesAdmin.duration.hours", { count: Math.round(abs / HOUR) });
  return t("casesAdmin.duration.days", { count: Math.round(abs / DAY) });
}

/**
 * The deadline the case runs against now (the response until someone takes it up, then the
 * resolution), relative to now: red once it has passed. Judged as the server judges it.
 */
export function Deadline({
  c,
}: {
  c: Pick<CaseItem, "status" | "respondedAt" | "responseDueAt" | "resolveDueAt">;
}) {
  const { t } = useTranslation();
  const format = useFormatTime();
  const d = deadlineWords(t, c);
  if (!isOpen(c.status) || !d)
    return <Typography.Text type="secondary">{format(c.resolveDueAt)}</Typography.Text>;
  return (
    <Typography.Text type={d.late ? "danger" : undefined} title={format(new Date(d.dueAt).toISOString())}>
      {d.text}
    </Typography.Text>
  );
}

/** A whistle's deadline, with 已超时 under it once it has passed unanswered. */
export function WhistleDeadline({ at, overdue }: { at: string; overdue: boolean }) {
  const { t } = useTranslation();
  const format = useFormatTime();
  return (
    <Space orientation="vertical" size={0}>
      <span>{format(at)}</span>
      {overdue && <Tag color="red">{t("cases.overdue")}</Tag>}
    </Space>
  );
}
