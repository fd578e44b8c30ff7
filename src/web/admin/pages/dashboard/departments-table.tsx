import { Card, Empty, Table, type TableColumnsType, theme } from "antd";
import { useTranslation } from "react-i18next";
import type { Overview } from "./data.ts";
import { minutesText } from "./format.ts";
import { nowrap } from "./table-columns.ts";

type Row = Overview["whistles"]["byDepartment"][number];

/** The departments whistled to in the period (吹哨报到): how many, reported back, late, rated. */
export function DepartmentsTable({ data }: { data: Overview | undefined }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const none = t("common.none");
  const columns: TableColumnsType<Row> = [
    { title: t("dashboard.departments.name"), dataIndex: "name" },
    {
      title: t("dashboard.departments.whistles"),
      dataIndex: "whistles",
      align: "right",
    },
    {
      title: t("dashboard.departments.reported"),
      dataIndex: "reported",
      align: "right",
    },
    {
      title: t("dashboard.departments.overdue"),
      dataIndex: "overdue",
      align: "right",
      render: (n: number) =>
        n > 0 ? <span style={{ color: token.colorError, fontWeight: 600 }}>{n}</span> : n,
    },
    {
      title: t("dashboard.departments.meanScore"),
      dataIndex: "meanScore",
      align: "right",
      render: (v: number | null) => v ?? none,
    },
    {
      title: t("dashboard.departments.response"),
      key: "response",
      align: "right",
      render: (_, r) => minutesText(t, r.responseMinutes.median),
    },
  ];
  return (
    <Card
      title={t("dashboard.departments.title")}
      style={{ height: "100%" }}
      styles={{ body: { padding: 0 } }}
    >
      <Table<Row>
        rowKey="id"
        size="middle"
        loading={!data}
        columns={columns.map(nowrap)}
        dataSource={data?.whistles.byDepartment}
        pagination={false}
        scroll={{ x: "max-content" }}
        locale={{
          emptyText: (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("dashboard.departments.empty")} />
          ),
        }}
      />
    </Card>
  );
}
