import { Card, Space, Tabs } from "antd";
import { useTranslation } from "react-i18next";
import { ExportButton } from "../../components/export-button.tsx";
import { useListParams } from "../list-params.ts";
import { PublishButton } from "./publish.tsx";
import { OrderStats } from "./stats.tsx";
import { ORDER_FILTERS, OrderFilters, OrdersTable, orderQuery } from "./table.tsx";

/** 抢单派单: publish service orders, follow them in a list, and count them. */
export function OrdersPage() {
  const { t } = useTranslation();
  const list = useListParams(ORDER_FILTERS);
  const query = orderQuery(list);
  const tab = list.filters.tab === "stats" ? "stats" : "list";
  return (
    <Card
      title={t("nav.orders")}
      extra={
        <Space wrap>
          <ExportButton path="/api/v1/orders" query={query} />
          <PublishButton />
        </Space>
      }
    >
      <Space orientation="vertical" size={16} style={{ width: "100%" }}>
        <OrderFilters list={list} />
        <Tabs
          activeKey={tab}
          onChange={(key) => list.setFilter("tab", key === "stats" ? "stats" : undefined)}
          destroyOnHidden
          items={[
            {
              key: "list",
              label: t("orders.admin.tabs.list"),
              children: <OrdersTable list={list} query={query} />,
            },
            { key: "stats", label: t("orders.admin.tabs.stats"), children: <OrderStats list={list} /> },
          ]}
        />
      </Space>
    </Card>
  );
}
