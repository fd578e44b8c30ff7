import { Tag } from "antd";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { OPEN_STATUSES } from "../../../../shared/flows/cases.ts";
import { casesZhCN } from "../../../../shared/locales/cases.zh-CN.ts";
import type { ResponseOf } from "../../../common/api.ts";
import { lateLabel } from "../../../common/case-deadline.ts";

export type CaseItem = ResponseOf<"/api/v1/cases", "get">["items"][number];
export type CaseDetail = ResponseOf<"/api/v1/cases/{idOrCode}", "get">;
export type CaseStatus = CaseItem["status"];
export type CaseAction = CaseDetail["allowedActions"][number];
export type Channel = CaseItem["channel"];
export type WhistleStatus = CaseDetail["whistles"][number]["status"];
type Level = keyof typeof casesZhCN.level;
type EventAction = keyof typeof casesZhCN.action;

export const CASE_STATUSES = Object.keys(casesZhCN.status) as CaseStatus[];
export const CHANNELS = Object.keys(casesZhCN.channel) as Channel[];
export const WHISTLE_STATUSES = Object.keys(casesZhCN.whistleStatus) as WhistleStatus[];

/** Tag colours that stay the same wherever a status is shown. */
const STATUS_COLOURS: Record<CaseStatus, string> = {
  new: "blue",
  gridHandling: "cyan",
  communityDispatch: "geekblue",
  whistled: "purple",
  streetReview: "gold",
  departmentClaim: "orange",
  departmentHandling: "volcano",
  resolved: "green",
  closed: "default",
  merged: "default",
  withdrawn: "default",
};
const WHISTLE_COLOURS: Record<WhistleStatus, string> = {
  pending: "orange",
  accepted: "blue",
  reported: "green",
  rated: "default",
  withdrawn: "default",
};

/** Still being handled (not resolved, closed, merged or withdrawn). */
export const isOpen = (s: CaseStatus) => OPEN_STATUSES.includes(s);

export const statusLabel = (t: TFunction, s: CaseStatus) => t(`cases.status.${s}`);
export const channelLabel = (t: TFunction, c: Channel) => t(`cases.channel.${c}`);
export const whistleStatusLabel = (t: TFunction, s: WhistleStatus) => t(`cases.whistleStatus.${s}`);

/** "街道督办"; a level the web does not know shows as itself. */
export function supervisedLabel(t: TFunction, level: string): string {
  const name = Object.hasOwn(casesZhCN.level, level) ? t(`cases.level.${level as Level}`) : level;
  return t("casesAdmin.tags.supervised", { level: name });
}

/** An action of the flow or of the timeline (submit, remind…); unknown ones as themselves. */
export function actionLabel(t: TFunction, action: string): string {
  return Object.hasOwn(casesZhCN.action, action) ? t(`cases.action.${action as EventAction}`) : action;
}

export function StatusTag({ status }: { status: CaseStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOURS[status]} style={{ marginInlineEnd: 0 }}>
      {statusLabel(t, status)}
    </Tag>
  );
}

export function WhistleStatusTag({ status }: { status: WhistleStatus }) {
  const { t } = useTranslation();
  return <Tag color={WHISTLE_COLOURS[status]}>{whistleStatusLabel(t, status)}</Tag>;
}

/** 响应超时 / 办结超时, 街道督办, 差评待复核: the flags a worker looks for first. */
export function CaseFlags({
  c,
}: {
  c: Pick<
    CaseItem,
    "overdue" | "supervisedBy" | "needsReview" | "status" | "respondedAt" | "responseDueAt" | "resolveDueAt"
  >;
}) {
  const { t } = useTranslation();
  // Which deadline it is late for, by this clock; the server's flag when the clocks disagree.
  const late = lateLabel(t, c) ?? (c.overdue ? t("cases.overdue") : null);
  return (
    <>
      {late && <Tag color="red">{late}</Tag>}
      {c.supervisedBy && isOpen(c.status) && <Tag color="magenta">{supervisedLabel(t, c.supervisedBy)}</Tag>}
      {c.needsReview && <Tag color="orange">{t("cases.needsReview")}</Tag>}
    </>
  );
}
