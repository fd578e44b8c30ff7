import { Card, Space, Tabs } from "antd";
import { useTranslation } from "react-i18next";
import { useListParams } from "../../list-params.ts";
import { AccountsTab } from "./accounts.tsx";
import { CheckCard } from "./check-card.tsx";
import { PostingsTab } from "./postings.tsx";

/** 积分账本: the ledger's own check in plain words, the holders' accounts, and every posting. */
export function PointsLedgerPage() {
  const { t } = useTranslation();
  const list = useListParams(["tab"] as const);
  const tab = list.filters.tab === "postings" ? "postings" : "accounts";
  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      <CheckCard />
      <Card title={t("nav.pointsLedger")}>
        <Tabs
          activeKey={tab}
          destroyOnHidden
          onChange={(key) => list.setFilters({ tab: key === "accounts" ? undefined : key })}
          items={[
            { key: "accounts", label: t("pointsLedger.admin.accounts"), children: <AccountsTab /> },
            { key: "postings", label: t("pointsLedger.admin.postings"), children: <PostingsTab /> },
          ]}
        />
      </Card>
    </Space>
  );
}
