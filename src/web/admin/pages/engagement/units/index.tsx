import { Card, Tabs } from "antd";
import { useTranslation } from "react-i18next";
import { useAuth } from "../../../../common/auth.tsx";
import { can } from "../../../../common/roles.ts";
import { useListParams } from "../../list-params.ts";
import { PairingsTab } from "./pairings.tsx";
import { ProgressTab } from "./progress.tsx";
import { ReviewTab } from "./review.tsx";
import { RotaTab } from "./rota.tsx";

const TABS = ["pairings", "review", "progress", "rota"] as const;
type Tab = (typeof TABS)[number];

/**
 * 共建单位: the community's pairings with units (六定), the report-ins to review, each member's
 * progress and the Saturday rota. A unit's staff land on their own members' progress.
 */
export function EngagementUnitsPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const list = useListParams(["tab"] as const);
  const manage = !!user && can(user, "engagement.manage");
  const unitStaff = !!user && can(user, "engagement.unit");
  const offered: Tab[] = manage ? [...TABS] : ["progress", "pairings", "rota"];
  const tab: Tab = offered.find((x) => x === list.filters.tab) ?? offered[0] ?? "progress";
  const paging = { page: list.page, pageSize: list.pageSize };
  const pagination = (total: number | undefined) => list.pagination(total, (count) => `${count}`);
  const panes: Record<Tab, React.ReactNode> = {
    pairings: <PairingsTab manage={manage} paging={paging} pagination={pagination} />,
    review: <ReviewTab paging={paging} pagination={pagination} />,
    progress: <ProgressTab unitStaff={unitStaff && !manage} paging={paging} pagination={pagination} />,
    rota: <RotaTab manage={manage} paging={paging} pagination={pagination} />,
  };
  return (
    <Card title={t("nav.engagementUnits")}>
      <Tabs
        activeKey={tab}
        onChange={(key) => list.setFilters({ tab: key })}
        destroyOnHidden
        items={offered.map((key) => ({ key, label: t(`engagementUnits.tabs.${key}`), children: panes[key] }))}
      />
    </Card>
  );
}
