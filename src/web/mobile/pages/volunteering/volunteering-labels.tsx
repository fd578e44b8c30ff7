import { Tag } from "antd-mobile";
import { useTranslation } from "react-i18next";
import type { ActivityItem, Mode, Stage } from "./volunteering-data.ts";

// How the volunteering codes read on the phone (locales/volunteering.*), with their colours.

const TAG_STYLE = { fontSize: 15, padding: "3px 8px", borderRadius: 6 };

/** 定时 blue, 错时 purple, 预约 green: the three ways of serving told apart at a glance. */
const MODE_COLOURS: Record<Mode, string> = {
  fixedTime: "#1668dc",
  afterHours: "#722ed1",
  byAppointment: "#389e0d",
};

/** Waiting: orange; a place: green; attended: blue; over: grey. */
const STAGE_COLOURS: Record<Stage, string> = {
  waiting: "#d46b08",
  confirmed: "#389e0d",
  checkedIn: "#1668dc",
  checkedOut: "#595959",
  cancelled: "#8c8c8c",
};

export function ModeTag({ mode }: { mode: Mode }) {
  const { t } = useTranslation();
  return (
    <Tag color={MODE_COLOURS[mode]} fill="outline" style={TAG_STYLE}>
      {t(`volunteering.modeShort.${mode}`)}
    </Tag>
  );
}

/** Where a sign-up stands; once the activity is over, a place never used or never freed says so. */
export function StageTag({
  stage,
  position,
  over,
}: {
  stage: Stage;
  position?: number | null;
  over?: boolean;
}) {
  const { t } = useTranslation();
  const missed = over && (stage === "confirmed" || stage === "waiting");
  return (
    <Tag color={missed ? "#8c8c8c" : STAGE_COLOURS[stage]} style={TAG_STYLE} data-testid="signup-stage">
      {missed
        ? t(`volunteering.stageOver.${stage}`)
        : stage === "waiting" && position
          ? t("volunteeringMobile.list.waiting", { position })
          : t(`volunteering.stage.${stage}`)}
    </Tag>
  );
}

/** Only what differs from "open" is worth a tag. */
export function ActivityStatusTag({ status }: { status: ActivityItem["status"] }) {
  const { t } = useTranslation();
  if (status === "open") return null;
  return (
    <Tag color={status === "cancelled" ? "danger" : "default"} style={TAG_STYLE}>
      {t(`volunteering.status.${status}`)}
    </Tag>
  );
}
