import { Tag } from "antd";
import { useTranslation } from "react-i18next";

type Status = "draft" | "approved" | "published" | "withdrawn";
const COLOURS: Record<Status, string> = {
  draft: "default",
  approved: "processing",
  published: "success",
  withdrawn: "warning",
};

/** A ranking's state; published ones stand out (they are on the walls and the screen). */
export function StatusTag({ status }: { status: Status }) {
  const { t } = useTranslation();
  return <Tag color={COLOURS[status]}>{t(`pointsRankings.statuses.${status}`)}</Tag>;
}
