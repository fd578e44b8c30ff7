import { useInfiniteQuery } from "@tanstack/react-query";
import { ErrorBlock, List, Tabs } from "antd-mobile";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../common/api.ts";
import { useAuth } from "../../../common/auth.tsx";
import { MoreButton } from "../../more-button.tsx";
import { PageBar } from "../../page-bar.tsx";
import { Loading } from "../status.tsx";
import { OrderCard } from "./order-card.tsx";
import { ORDERS_KEY } from "./order-data.ts";

const PAGE_SIZE = 20;
type As = "taker" | "requester";

/** 我的订单: what I took (members, volunteers), and what was asked for me (residents). */
export function MyOrdersPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  // A resident who is no member looks first at what was done for him.
  const member = !!user?.roles.some((r) => r.role === "partyMember");
  const [as, setAs] = useState<As>(member ? "taker" : "requester");
  return (
    <>
      <PageBar title={t("orders.mobile.myOrders.title")} back="/" />
      <Tabs activeKey={as} onChange={(key) => setAs(key as As)} style={{ background: "#fff" }}>
        <Tabs.Tab title={t("orders.mobile.myOrders.taken")} key="taker" />
        <Tabs.Tab title={t("orders.mobile.myOrders.requested")} key="requester" />
      </Tabs>
      <Orders as={as} />
    </>
  );
}

function Orders({ as }: { as: As }) {
  const { t } = useTranslation();
  const orders = useInfiniteQuery({
    queryKey: [...ORDERS_KEY, "mine", as],
    queryFn: ({ pageParam, signal }) =>
      api.get("/api/v1/orders/mine", { query: { as, page: pageParam, pageSize: PAGE_SIZE }, signal }),
    initialPageParam: 1,
    getNextPageParam: (last, pages) => (pages.length * PAGE_SIZE < last.total ? pages.length + 1 : undefined),
  });
  if (orders.error) return <ErrorBlock status="disconnected" title={orders.error.message} description="" />;
  if (!orders.data) return <Loading />;
  const items = orders.data.pages.flatMap((p) => p.items);
  if (items.length === 0)
    return (
      <ErrorBlock
        status="empty"
        title={t("orders.mobile.myOrders.empty")}
        description=""
        style={{ padding: "32px 0" }}
      />
    );
  return (
    <>
      <List>
        {items.map((o) => (
          <OrderCard key={o.id} o={o} />
        ))}
      </List>
      <MoreButton list={orders} />
    </>
  );
}
