import { Empty, Timeline } from "antd";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { EventEntry } from "../../components/event-entry.tsx";
import { actionLabel, type CaseDetail, statusLabel } from "./case-labels.tsx";

type CaseEvent = CaseDetail["events"][number];
type Step = "accept" | "report" | "rate";
const STEPS: readonly Step[] = ["accept", "report", "rate"];

const COLOURS: Record<string, string> = {
  submit: "blue",
  resolve: "green",
  rate: "green",
  return: "orange",
  reopen: "orange",
  escalate: "orange",
  remind: "red",
  supervise: "red",
  withdraw: "gray",
  merge: "gray",
  follow: "gray",
};

const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);

/**
 * What happened, in a worker's words: "吹哨 · 区城市管理局", "部门报到 · 区城市管理局",
 * "合并到… XG-…". Whistle steps name their department, found among the case's whistles.
 */
function titleOf(t: TFunction, e: CaseEvent, departmentName: (id: string) => string | undefined): string {
  const step = STEPS.find((s) => s === e.data.step);
  if (e.action === "whistle" && step) {
    const name = departmentName(str(e.data.departmentId) ?? "");
    const label = t(`casesAdmin.timeline.whistleSteps.${step}`);
    return name ? `${label} · ${name}` : label;
  }
  if (e.action === "whistle" && Array.isArray(e.data.departmentIds)) {
    const names = e.data.departmentIds.map((id) => departmentName(String(id))).filter(Boolean);
    return [actionLabel(t, "whistle"), names.join("、")].filter(Boolean).join(" · ");
  }
  if (e.action === "merge" && str(e.data.masterCode))
    return `${actionLabel(t, "merge")} ${e.data.masterCode}`;
  return actionLabel(t, e.action);
}

/** The case's events, oldest first: who did what when, the status it moved to, notes and photos. */
export function CaseTimeline({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const departmentName = (id: string) => c.whistles.find((w) => w.department.id === id)?.department.name;
  if (c.events.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <Timeline
      items={c.events.map((e) => ({
        key: e.id,
        color: COLOURS[e.action] ?? "blue",
        content: (
          <EventEntry
            event={e}
            title={titleOf(t, e, departmentName)}
            system={t("casesAdmin.timeline.system")}
            movedTo={(status) => t("casesAdmin.timeline.statusTo", { status: statusLabel(t, status) })}
            testId="case-event"
          />
        ),
      }))}
    />
  );
}
