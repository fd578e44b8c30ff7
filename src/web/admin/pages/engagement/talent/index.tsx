import { Card, Tabs } from "antd";
import { useTranslation } from "react-i18next";
import { useListParams } from "../../list-params.ts";
import { SeekersTab } from "./seekers.tsx";
import { TalentsTab } from "./talents.tsx";

/** 人才库: people who offer skills (searched by skill and place), and 求职登记 with its outcomes. */
export function TalentPage() {
  const { t } = useTranslation();
  const list = useListParams(["tab"] as const);
  const tab = list.filters.tab === "seekers" ? "seekers" : "talents";
  return (
    <Card title={t("nav.engagementTalent")}>
      <Tabs
        activeKey={tab}
        destroyOnHidden
        onChange={(key) => list.setFilters({ tab: key === "talents" ? undefined : key })}
        items={[
          { key: "talents", label: t("engagementMobilisation.talent.tabTalents"), children: <TalentsTab /> },
          { key: "seekers", label: t("engagementMobilisation.talent.tabSeekers"), children: <SeekersTab /> },
        ]}
      />
    </Card>
  );
}
