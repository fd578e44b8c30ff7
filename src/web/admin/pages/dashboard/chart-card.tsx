import { Card, Empty, Skeleton } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

/** The colours of every dashboard chart: party red first, then clearly different hues. */
export const PALETTE = [
  "#c8161d",
  "#1677ff",
  "#fa8c16",
  "#13c2c2",
  "#52c41a",
  "#722ed1",
  "#faad14",
  "#eb2f96",
  "#2f54eb",
  "#8c8c8c",
];

/** A titled card around a chart: skeleton while loading, "本期暂无诉求" when there is nothing to draw. */
export function ChartCard({
  title,
  extra,
  loading,
  empty,
  height,
  children,
}: {
  title: string;
  extra?: ReactNode;
  loading: boolean;
  empty: boolean;
  height: number;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Card
      title={title}
      extra={extra}
      // As tall as its row; a chart of height "100%" grows with it.
      styles={{
        root: { height: "100%", display: "flex", flexDirection: "column" },
        body: { padding: "12px 16px", flex: 1, minHeight: 0 },
      }}
    >
      {loading ? (
        <Skeleton active paragraph={{ rows: 6 }} style={{ height }} />
      ) : empty ? (
        <div style={{ height, display: "grid", placeItems: "center" }}>
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("dashboard.charts.empty")} />
        </div>
      ) : (
        children
      )}
    </Card>
  );
}
