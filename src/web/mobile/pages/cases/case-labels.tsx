import { Tag } from "antd-mobile";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { casesZhCN } from "../../../../shared/locales/cases.zh-CN.ts";
import type { CaseStatus } from "./case-data.ts";

// How a case's codes read on the phone: shared labels (locales/cases.*), colours, times.

type KnownAction = keyof typeof casesZhCN.action;
type Channel = keyof typeof casesZhCN.channel;

/** An event's action ("submit", "rate", …); an action the web does not know yet shows as itself. */
export function actionLabel(t: TFunction, action: string): string {
  return Object.hasOwn(casesZhCN.action, action) ? t(`cases.action.${action as KnownAction}`) : action;
}

export function channelLabel(t: TFunction, channel: string): string {
  return Object.hasOwn(casesZhCN.channel, channel) ? t(`cases.channel.${channel as Channel}`) : channel;
}

/** Waiting for someone: orange; being worked on: blue; done: green; over: grey. */
const STATUS_COLOURS: Record<CaseStatus, string> = {
  new: "#d46b08",
  communityDispatch: "#d46b08",
  streetReview: "#d46b08",
  departmentClaim: "#d46b08",
  gridHandling: "#1668dc",
  whistled: "#1668dc",
  departmentHandling: "#1668dc",
  resolved: "#389e0d",
  closed: "#595959",
  merged: "#595959",
  withdrawn: "#595959",
};

const TAG_STYLE = { fontSize: 15, padding: "3px 8px", borderRadius: 6 };

export function StatusTag({ status }: { status: CaseStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOURS[status]} style={TAG_STYLE} data-testid="case-status">
      {t(`cases.status.${status}`)}
    </Tag>
  );
}

/** The red "已超时" of a case (or whistle) past its deadline; `label` names which (响应超时, 办结超时). */
export function OverdueTag({ overdue, label }: { overdue: boolean; label?: string | null }) {
  const { t } = useTranslation();
  if (!overdue && !label) return null;
  return (
    <Tag color="danger" style={TAG_STYLE}>
      {label ?? t("cases.overdue")}
    </Tag>
  );
}

/** "11月25日 18:00", "Nov 25, 18:00" (with the year when it is not this year), in the reader's language. */
export function formatTime(iso: string, language: string): string {
  const at = new Date(iso);
  return at.toLocaleString(language, {
    year: at.getFullYear() === new Date().getFullYear() ? undefined : "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
  });
}

/** formatTime in the current language. */
export function useFormatTime(): (iso: string) => string {
  const { i18n } = useTranslation();
  return (iso) => formatTime(iso, i18n.language);
}
