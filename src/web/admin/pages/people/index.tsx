import { Card, Tabs } from "antd";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { PartyMembersTable } from "./members-table.tsx";
import { PairingPanel } from "./pairing-panel.tsx";
import { ResidentsTable } from "./residents-table.tsx";
import { StaffTable } from "./staff-table.tsx";

const TABS = ["residents", "members", "staff", "pairing"] as const;
type Tab = (typeof TABS)[number];

/** 人口信息: residents, party members and grid staff of the caller's scope. */
export function PeoplePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.find((x) => x === params.get("tab")) ?? "residents";
  // Each tab has its own filters: a new tab starts clean.
  const open = (key: string) => setParams(key === "residents" ? {} : { tab: key });
  return (
    <Card title={t("nav.people")}>
      <Tabs
        activeKey={tab}
        onChange={open}
        destroyOnHidden
        items={[
          { key: "residents", label: t("people.tabs.residents"), children: <ResidentsTable /> },
          { key: "members", label: t("people.tabs.members"), children: <PartyMembersTable /> },
          { key: "staff", label: t("people.tabs.staff"), children: <StaffTable /> },
          { key: "pairing", label: t("orgAdmin.pairing.tab"), children: <PairingPanel /> },
        ]}
      />
    </Card>
  );
}
