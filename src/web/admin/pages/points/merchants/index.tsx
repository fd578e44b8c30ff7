import { Card, Tabs } from "antd";
import { useTranslation } from "react-i18next";
import { useListParams } from "../../list-params.ts";
import { InspectionsTab } from "./inspections.tsx";
import { ShopsTab } from "./shops.tsx";

/** 商铺积分: the shops of the caller's area with score, stars and titles; and every inspection. */
export function PointsMerchantsPage() {
  const { t } = useTranslation();
  const list = useListParams(["tab"] as const);
  const tab = list.filters.tab === "inspections" ? "inspections" : "shops";
  return (
    <Card title={t("nav.pointsMerchants")}>
      <Tabs
        activeKey={tab}
        destroyOnHidden
        onChange={(key) => list.setFilters({ tab: key === "shops" ? undefined : key })}
        items={[
          { key: "shops", label: t("pointsEvaluation.admin.shops"), children: <ShopsTab /> },
          {
            key: "inspections",
            label: t("pointsEvaluation.admin.inspections"),
            children: <InspectionsTab />,
          },
        ]}
      />
    </Card>
  );
}
