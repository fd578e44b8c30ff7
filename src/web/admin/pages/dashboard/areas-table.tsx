import { RightOutlined } from "@ant-design/icons";
import { Card, Empty, Table, type TableColumnsType, Typography, theme } from "antd";
import { useTranslation } from "react-i18next";
import { levelLabel } from "../../../common/levels.ts";
import type { AreaItem, Areas } from "./data.ts";
import { percentText } from "./format.ts";
import { nowrap } from "./table-columns.ts";

// Missing rates (nothing rated) sort below every rate.
const byNumber = (key: "received" | "open" | "overdue" | "satisfactionRate" | "whistles") => ({
  sorter: (a: AreaItem, b: AreaItem) => (a[key] ?? -1) - (b[key] ?? -1),
  sortDirections: ["descend", "ascend"] as ("descend" | "ascend")[],
});

/** The areas one level down with their figures; a click on one shows the dashboard of that area. */
export function AreasTable({ data, onOpen }: { data: Areas; onOpen: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  const level = levelLabel(t, data.level);
  const columns: TableColumnsType<AreaItem> = [
    {
      title: t("dashboard.areas.name"),
      dataIndex: "name",
      render: (name: string) => (
        <Typography.Link>
          {name} <RightOutlined style={{ fontSize: 10 }} />
        </Typography.Link>
      ),
    },
    {
      title: t("dashboard.areas.received"),
      dataIndex: "received",
      align: "right",
      defaultSortOrder: "descend",
      ...byNumber("received"),
    },
    { title: t("dashboard.areas.open"), dataIndex: "open", align: "right", ...byNumber("open") },
    {
      title: t("dashboard.areas.overdue"),
      dataIndex: "overdue",
      align: "right",
      ...byNumber("overdue"),
      render: (n: number) =>
        n > 0 ? <span style={{ color: token.colorError, fontWeight: 600 }}>{n}</span> : n,
    },
    {
      title: t("dashboard.areas.satisfaction"),
      dataIndex: "satisfactionRate",
      align: "right",
      ...byNumber("satisfactionRate"),
      render: (rate: number | null) => percentText(t, i18n.language, rate),
    },
    {
      title: t("dashboard.areas.whistles"),
      dataIndex: "whistles",
      align: "right",
      ...byNumber("whistles"),
    },
  ];
  return (
    <Card
      title={t("dashboard.areas.title", { level })}
      extra={<Typography.Text type="secondary">{t("dashboard.areas.hint", { level })}</Typography.Text>}
      style={{ height: "100%" }}
      styles={{ body: { padding: 0 } }}
    >
      <Table<AreaItem>
        rowKey="id"
        size="middle"
        columns={columns.map(nowrap)}
        dataSource={data.items}
        pagination={data.items.length > 10 ? { pageSize: 10, size: "small", showSizeChanger: false } : false}
        onRow={(row) => ({ onClick: () => onOpen(row.id), style: { cursor: "pointer" } })}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("dashboard.areas.empty")} />,
        }}
        scroll={{ x: "max-content" }}
      />
    </Card>
  );
}
