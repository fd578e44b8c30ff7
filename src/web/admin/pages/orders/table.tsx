import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Empty, Input, Select, Space, Table, type TableColumnsType, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { api } from "../../../common/api.ts";
import { TerritoryPicker } from "../cases/territory-picker.tsx";
import { useFormatTime } from "../cases/time.tsx";
import type { useListParams } from "../list-params.ts";
import { LoadFailed } from "../status.tsx";
import { OrderStatusTag } from "./labels.tsx";
import {
  ORDER_STATUSES,
  type OrderItem,
  type OrderQuery,
  type OrderStatus,
  useOrderCategories,
} from "./order-data.ts";

export const ORDER_FILTERS = ["status", "categoryCode", "underId", "q", "tab", "by"] as const;
export type OrderListParams = ReturnType<typeof useListParams<(typeof ORDER_FILTERS)[number]>>;

/** The list's query from the address: status, service, area, words; a page at a time. */
export function orderQuery(list: OrderListParams): OrderQuery {
  const f = list.filters;
  const status = ORDER_STATUSES.find((s) => s === f.status);
  return {
    page: list.page,
    pageSize: list.pageSize,
    status: status ? [status] : undefined,
    categoryCode: f.categoryCode,
    underId: f.underId,
    q: f.q,
  };
}

export function OrderFilters({ list }: { list: OrderListParams }) {
  const { t, i18n } = useTranslation();
  const categories = useOrderCategories();
  const f = list.filters;
  return (
    <Space wrap>
      <Select<OrderStatus | undefined>
        style={{ width: 160 }}
        allowClear
        placeholder={t("orders.admin.list.allStatuses")}
        value={ORDER_STATUSES.find((s) => s === f.status)}
        onChange={(v) => list.setFilter("status", v)}
        options={ORDER_STATUSES.map((s) => ({ value: s, label: t(`orders.status.${s}`) }))}
      />
      <Select<string | undefined>
        style={{ width: 140 }}
        allowClear
        placeholder={t("orders.admin.list.allCategories")}
        value={f.categoryCode}
        onChange={(v) => list.setFilter("categoryCode", v)}
        options={categories.data?.map((c) => ({
          value: c.code,
          label: i18n.language === "en" ? c.nameEn : c.name,
        }))}
      />
      <TerritoryPicker value={f.underId} onChange={(id) => list.setFilter("underId", id)} />
      <Input.Search
        allowClear
        defaultValue={f.q}
        placeholder={t("orders.admin.list.search")}
        onSearch={(q) => list.setFilter("q", q.trim() || undefined)}
        style={{ width: 220 }}
      />
    </Space>
  );
}

/** The orders of the filter, a page at a time; a row opens the order. */
export function OrdersTable({ list, query }: { list: OrderListParams; query: OrderQuery }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const format = useFormatTime();
  const result = useQuery({
    queryKey: ["orders", "list", query],
    queryFn: ({ signal }) => api.get("/api/v1/orders", { query, signal }),
    placeholderData: keepPreviousData,
  });
  const f = (key: "code" | "category" | "title" | "node" | "status" | "taker" | "createdAt" | "score") =>
    t(`orders.fields.${key}`);
  const columns: TableColumnsType<OrderItem> = [
    {
      title: f("code"),
      dataIndex: "code",
      width: 160,
      render: (code: string) => <Typography.Text strong>{code}</Typography.Text>,
    },
    { title: f("category"), dataIndex: "categoryName", width: 100 },
    { title: f("title"), dataIndex: "title", width: 240, ellipsis: { showTitle: true } },
    { title: f("node"), dataIndex: "nodeName", width: 140, ellipsis: { showTitle: true } },
    {
      title: f("status"),
      dataIndex: "status",
      width: 140,
      render: (s: OrderStatus) => <OrderStatusTag status={s} />,
    },
    {
      title: f("taker"),
      dataIndex: "takerName",
      width: 100,
      render: (n: string | null) => n ?? t("common.none"),
    },
    { title: f("createdAt"), dataIndex: "createdAt", width: 170, render: (at: string) => format(at) },
    {
      title: f("score"),
      dataIndex: "score",
      width: 90,
      render: (v: number | null) => (v === null ? t("common.none") : t("orders.units.stars", { score: v })),
    },
  ];
  return (
    <>
      {result.error && (
        <LoadFailed error={result.error} retry={() => void result.refetch()} style={{ marginBottom: 16 }} />
      )}
      <Table<OrderItem>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={result.data?.items}
        loading={result.isFetching}
        scroll={{ x: 1140 }}
        onRow={(o) => ({ onClick: () => navigate(`/orders/${o.code}`), style: { cursor: "pointer" } })}
        locale={{
          emptyText: (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("orders.admin.list.empty")} />
          ),
        }}
        pagination={list.pagination(result.data?.total, (count) => t("orders.admin.list.total", { count }))}
      />
    </>
  );
}
