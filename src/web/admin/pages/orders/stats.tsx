import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Empty, Segmented, Space, Table, type TableColumnsType } from "antd";
import { useTranslation } from "react-i18next";
import { api, type ResponseOf } from "../../../common/api.ts";
import { LoadFailed } from "../status.tsx";
import { ORDERS_KEY, type StatsBy, useOrderCategories } from "./order-data.ts";
import type { OrderListParams } from "./table.tsx";

type Row = ResponseOf<"/api/v1/orders/stats", "get">["items"][number];
const BY: readonly StatsBy[] = ["community", "grid", "category"];

/** 统计分析: per community, grid or service, in the area the list's filter names. */
export function OrderStats({ list }: { list: OrderListParams }) {
  const { t, i18n } = useTranslation();
  const categories = useOrderCategories();
  const by = BY.find((b) => b === list.filters.by) ?? "community";
  const query = { by, underId: list.filters.underId };
  const result = useQuery({
    queryKey: [...ORDERS_KEY, "stats", query],
    queryFn: ({ signal }) => api.get("/api/v1/orders/stats", { query, signal }),
    placeholderData: keepPreviousData,
  });
  const s = (
    key:
      | "published"
      | "grabbed"
      | "completed"
      | "missed"
      | "minutesToGrab"
      | "minutesToArrive"
      | "averageRating",
  ) => t(`orders.admin.stats.${key}`);
  const name = (r: Row) => {
    if (by === "category" && i18n.language === "en")
      return categories.data?.find((c) => c.code === r.key)?.nameEn ?? r.key;
    return r.name ?? t("orders.admin.stats.noGrid");
  };
  const none = t("common.none");
  const columns: TableColumnsType<Row> = [
    { title: t(`orders.admin.stats.by.${by}`), key: "name", render: (_, r) => name(r) },
    { title: s("published"), dataIndex: "published", align: "right" },
    { title: s("grabbed"), dataIndex: "grabbed", align: "right" },
    { title: s("completed"), dataIndex: "completed", align: "right" },
    {
      title: t("orders.admin.stats.completionRate"),
      key: "rate",
      align: "right",
      render: (_, r) => (r.published > 0 ? `${Math.round((r.completed / r.published) * 100)}%` : none),
    },
    { title: s("missed"), dataIndex: "missed", align: "right" },
    {
      title: s("minutesToGrab"),
      dataIndex: "minutesToGrab",
      align: "right",
      render: (v: number | null) => v ?? none,
    },
    {
      title: s("minutesToArrive"),
      dataIndex: "minutesToArrive",
      align: "right",
      render: (v: number | null) => v ?? none,
    },
    {
      title: s("averageRating"),
      dataIndex: "averageRating",
      align: "right",
      render: (v: number | null) => v ?? none,
    },
  ];
  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      <Segmented<StatsBy>
        value={by}
        onChange={(v) => list.setFilter("by", v)}
        options={BY.map((b) => ({ value: b, label: t(`orders.admin.stats.by.${b}`) }))}
      />
      {result.error && <LoadFailed error={result.error} retry={() => void result.refetch()} />}
      <Table<Row>
        rowKey="key"
        size="middle"
        columns={columns}
        dataSource={result.data?.items}
        loading={result.isFetching}
        pagination={false}
        scroll={{ x: 960 }}
        locale={{
          emptyText: (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("orders.admin.stats.empty")} />
          ),
        }}
      />
    </Space>
  );
}
