import { Card, Tabs } from "antd";
import { useTranslation } from "react-i18next";
import { useListParams } from "../list-params.ts";
import { ActivitiesTab } from "./activities-tab.tsx";
import { StatsTab } from "./stats-tab.tsx";
import { TeamsTab } from "./teams-tab.tsx";
import { VolunteersTab } from "./volunteers-tab.tsx";

const TABS = ["activities", "teams", "volunteers", "stats"] as const;
type Tab = (typeof TABS)[number];

/** 志愿服务: activities (publish, sign-ups, attendance), teams, volunteers and statistics, one tab each. */
export function VolunteeringPage() {
  const { t } = useTranslation();
  const list = useListParams(["tab", "when", "mode", "teamId", "q", "skill", "by"] as const);
  const tab: Tab = TABS.includes(list.filters.tab as Tab) ? (list.filters.tab as Tab) : "activities";
  const body: Record<Tab, JSX.Element> = {
    activities: <ActivitiesTab list={list} />,
    teams: <TeamsTab list={list} />,
    volunteers: <VolunteersTab list={list} />,
    stats: <StatsTab list={list} />,
  };
  return (
    <Card title={t("nav.volunteering")}>
      <Tabs
        activeKey={tab}
        // A tab keeps no other tab's filters.
        onChange={(key) =>
          list.setFilters({
            tab: key === "activities" ? undefined : key,
            when: undefined,
            mode: undefined,
            teamId: undefined,
            q: undefined,
            skill: undefined,
            by: undefined,
          })
        }
        destroyOnHidden
        items={TABS.map((key) => ({ key, label: t(`volunteering.admin.tabs.${key}`), children: body[key] }))}
      />
    </Card>
  );
}
