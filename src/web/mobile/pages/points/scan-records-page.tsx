import { useInfiniteQuery } from "@tanstack/react-query";
import { ErrorBlock, Tabs, Tag } from "antd-mobile";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../common/api.ts";
import { MoreButton } from "../../more-button.tsx";
import { PageBar } from "../../page-bar.tsx";
import { Loading } from "../status.tsx";
import { type Redemption, SHOP_KEY, STATUS_COLOURS, whenOf } from "./shop-data.ts";

const PAGE_SIZE = 20;
const TABS = ["all", "reserved", "delivered", "cancelled"] as const;
type TabKey = (typeof TABS)[number];

/** 兑换记录 for a shop: what was redeemed to collect there, newest first, the holders' names masked. */
export function ScanRecordsPage() {
  const { t, i18n } = useTranslation();
  const [tab, setTab] = useState<TabKey>("all");
  const status = tab === "all" ? undefined : tab;
  const list = useInfiniteQuery({
    queryKey: [...SHOP_KEY, "shop-records", tab],
    queryFn: ({ pageParam, signal }) =>
      api.get("/api/v1/points/redemptions", {
        query: { status, page: pageParam, pageSize: PAGE_SIZE },
        signal,
      }),
    initialPageParam: 1,
    getNextPageParam: (last, pages) => (pages.length * PAGE_SIZE < last.total ? pages.length + 1 : undefined),
  });
  const items: Redemption[] = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageBar title={t("pointsShop.shopRecords")} back="/points/scan" />
      <Tabs activeKey={tab} onChange={(k) => setTab(k as TabKey)} style={{ background: "#fff" }}>
        {TABS.map((k) => (
          <Tabs.Tab
            key={k}
            title={
              <span style={{ fontSize: 17 }}>
                {k === "all" ? t("pointsShop.admin.allStatus") : t(`pointsShop.status.${k}`)}
              </span>
            }
          />
        ))}
      </Tabs>
      {list.error ? (
        <ErrorBlock status="disconnected" title={list.error.message} description="" />
      ) : !list.data ? (
        <Loading />
      ) : items.length === 0 ? (
        <ErrorBlock status="empty" title={t("pointsShop.phone.myEmpty")} description="" />
      ) : (
        items.map((r) => (
          <article
            key={r.id}
            data-testid="shop-record"
            style={{ margin: "12px 12px 0", padding: 14, borderRadius: 12, background: "#fff", fontSize: 17 }}
          >
            <div style={{ display: "flex", justifyContent: "space-between", gap: 8 }}>
              <b>
                {r.item.name}
                {r.quantity > 1 ? ` ×${r.quantity}` : ""}
              </b>
              <Tag color={STATUS_COLOURS[r.status]} style={{ fontSize: 15 }}>
                {t(`pointsShop.status.${r.status}`)}
              </Tag>
            </div>
            <div style={{ color: "#666", marginTop: 4 }}>
              {r.holderName} · {t("pointsShop.phone.points", { points: r.points })}
            </div>
            <div style={{ color: "#999", fontSize: 15, marginTop: 2 }}>
              {r.deliveredAt
                ? t("pointsShop.phone.deliveredAt", { at: whenOf(r.deliveredAt, i18n.language) })
                : t("pointsShop.phone.redeemedAt", { at: whenOf(r.createdAt, i18n.language) })}
            </div>
          </article>
        ))
      )}
      <MoreButton list={list} />
    </>
  );
}
