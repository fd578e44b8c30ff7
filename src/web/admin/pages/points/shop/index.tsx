import { Card, Tabs } from "antd";
import { useTranslation } from "react-i18next";
import { useListParams } from "../../list-params.ts";
import { ItemsTab } from "./items.tsx";
import { RedemptionsTab } from "./redemptions.tsx";

/** 积分超市 for staff: the shelves of their area (items, stock, shops) and what was redeemed. */
export function ShopAdminPage() {
  const { t } = useTranslation();
  const list = useListParams(["tab"] as const);
  const tab = list.filters.tab === "redemptions" ? "redemptions" : "items";
  return (
    <Card title={t("nav.pointsShopAdmin")}>
      <Tabs
        activeKey={tab}
        destroyOnHidden
        onChange={(key) => list.setFilters({ tab: key === "items" ? undefined : key })}
        items={[
          { key: "items", label: t("pointsShop.admin.itemsTab"), children: <ItemsTab /> },
          { key: "redemptions", label: t("pointsShop.admin.redemptionsTab"), children: <RedemptionsTab /> },
        ]}
      />
    </Card>
  );
}
