import { SyncOutlined } from "@ant-design/icons";
import { Breadcrumb, Card, Space, Tag, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { levelLabel } from "../../../common/levels.ts";
import type { Overview } from "./data.ts";
import { clockText } from "./format.ts";
import type { DayRange } from "./period.ts";
import { PeriodPicker } from "./period-picker.tsx";

/** "数据更新于 12:03": the figures are sums kept by a job, as of its last run. */
export function RefreshedAt({ at, fetching }: { at: string | null | undefined; fetching?: boolean }) {
  const { t } = useTranslation();
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: "nowrap" }}>
      <SyncOutlined spin={fetching} style={{ marginInlineEnd: 4 }} />
      {at ? t("dashboard.refreshedAt", { time: clockText(at) }) : t("dashboard.notRefreshed")}
    </Typography.Text>
  );
}

/**
 * Where and when the figures are from: the way up from the area shown (each step a click back),
 * the area picker, the period and the time of the figures.
 */
export function Toolbar({
  data,
  fetching,
  picker,
  onNode,
  onPeriod,
}: {
  data: Overview | undefined;
  fetching: boolean;
  /** The area picker, for users with areas below their scope. */
  picker: ReactNode;
  onNode: (id: string) => void;
  onPeriod: (range: DayRange) => void;
}) {
  const { t } = useTranslation();
  const trail = data?.trail ?? [];
  return (
    <Card styles={{ body: { padding: "12px 20px" } }}>
      <div style={{ display: "flex", flexWrap: "wrap", alignItems: "center", gap: "8px 16px" }}>
        <Space size={8} style={{ flex: 1, minWidth: 240 }}>
          {data && (
            <>
              <Breadcrumb
                items={[
                  ...trail.map((n) => ({
                    key: n.id,
                    title: (
                      <Typography.Link
                        onClick={(e) => {
                          e.preventDefault();
                          onNode(n.id);
                        }}
                      >
                        {n.name}
                      </Typography.Link>
                    ),
                  })),
                  {
                    key: data.node.id,
                    title: (
                      <Typography.Title level={5} style={{ margin: 0, display: "inline" }}>
                        {data.node.name}
                      </Typography.Title>
                    ),
                  },
                ]}
              />
              <Tag color="red" variant="outlined">
                {levelLabel(t, data.node.level)}
              </Tag>
            </>
          )}
        </Space>
        <Space size={12} wrap>
          {picker}
          <PeriodPicker value={data && { from: data.from, to: data.to }} onChange={onPeriod} />
          {data && <RefreshedAt at={data.refreshedAt} fetching={fetching} />}
        </Space>
      </div>
    </Card>
  );
}
