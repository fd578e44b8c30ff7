import { Card, Tabs } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useAuth } from "../../../../common/auth.tsx";
import { useListParams } from "../../list-params.ts";
import { CardsTab } from "./cards-tab.tsx";
import { currentQuarter } from "./data.ts";
import { LedgerTab } from "./ledger-tab.tsx";
import { RecordsTab } from "./records-tab.tsx";
import { SuggestionsTab } from "./suggestions-tab.tsx";
import type { UnitQuarter } from "./unit-quarter.tsx";

const TABS = ["pending", "all", "suggestions", "ledger", "cards"] as const;
type Tab = (typeof TABS)[number];
/** The community's own work (approving, answering, writing cards); a unit's staff only read. */
const COMMUNITY_ROLES = ["districtAdmin", "streetStaff", "communityStaff"];

/** 服务纪实: what waits for the community first, then the records, suggestions, ledgers and cards. */
export function EngagementRecordsPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const list = useListParams(["tab"] as const);
  const community = !!user?.roles.some((r) => COMMUNITY_ROLES.includes(r.role));
  const tabs: readonly Tab[] = community ? TABS : ["all", "ledger", "cards"];
  const tab: Tab = tabs.find((x) => x === list.filters.tab) ?? (tabs[0] as Tab);
  const [unitQuarter, setUnitQuarter] = useState<UnitQuarter>(currentQuarter());
  const paging = { page: list.page, pageSize: list.pageSize };
  const pagination = (total: number | undefined) => list.pagination(total, (count) => `${count}`);
  const children: Record<Tab, React.ReactNode> = {
    pending: <RecordsTab review canDecide paging={paging} pagination={pagination} />,
    all: <RecordsTab review={false} canDecide={community} paging={paging} pagination={pagination} />,
    suggestions: <SuggestionsTab paging={paging} pagination={pagination} />,
    ledger: <LedgerTab value={unitQuarter} onChange={setUnitQuarter} />,
    cards: <CardsTab value={unitQuarter} onChange={setUnitQuarter} canWrite={community} />,
  };
  return (
    <Card title={t("nav.engagementRecords")}>
      <Tabs
        activeKey={tab}
        onChange={(key) => list.setFilters({ tab: key })}
        destroyOnHidden
        items={tabs.map((key) => ({
          key,
          label: t(`engagementRecords.tabs.${key}`),
          children: children[key],
        }))}
      />
    </Card>
  );
}
