import { ExportOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Button, Card, Space, Tabs, Tooltip } from "antd";
import { useTranslation } from "react-i18next";
import { useAuth } from "../../../../common/auth.tsx";
import { fetchNode } from "../../../../common/territory.ts";
import { TerritoryPicker } from "../../cases/territory-picker.tsx";
import { useListParams } from "../../list-params.ts";
import { PioneersTab } from "./pioneers-tab.tsx";
import { PromisesTable } from "./promises-table.tsx";
import { thisYear, YearSelect } from "./year-select.tsx";

const FILTERS = ["tab", "year", "underId"] as const;

/** 党员风采墙: the community reviews promises for the wall and names the year's pioneers. */
export function WallsPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const list = useListParams(FILTERS);
  const f = list.filters;
  const tab = f.tab === "pioneers" ? "pioneers" : "promises";
  const year = Number(f.year) || thisYear();
  const query = { year, underId: f.underId, page: list.page, pageSize: list.pageSize };
  const pagination = (total: number | undefined) =>
    list.pagination(total, (count) => t("engagementWalls.total", { count }));
  // The public page of the community picked, else of the caller's own community.
  const picked = useQuery({
    queryKey: ["territory", "node", f.underId],
    queryFn: ({ signal }) => fetchNode(f.underId ?? "", signal),
    enabled: !!f.underId,
  });
  const own = user?.roles.find((r) => r.nodeLevel === "community")?.nodeId;
  const communityId = picked.data?.level === "community" ? picked.data.id : f.underId ? undefined : own;
  const publicLink = (
    <Tooltip title={communityId ? undefined : t("engagementWalls.pickCommunity")}>
      <Button
        icon={<ExportOutlined />}
        disabled={!communityId}
        href={communityId ? `/mobile/engagement/walls/${communityId}?year=${year}` : undefined}
        target="_blank"
      >
        {t("engagementWalls.openPublic")}
      </Button>
    </Tooltip>
  );
  return (
    <Card title={t("nav.engagementWalls")} extra={publicLink}>
      <Space wrap size={12} style={{ marginBottom: 16 }}>
        <YearSelect
          value={year}
          onChange={(y) => list.setFilter("year", y === thisYear() ? undefined : String(y))}
        />
        <TerritoryPicker value={f.underId} onChange={(id) => list.setFilter("underId", id)} />
      </Space>
      <Tabs
        activeKey={tab}
        onChange={(key) => list.setFilters({ tab: key === "promises" ? undefined : key })}
        destroyOnHidden
        items={[
          {
            key: "promises",
            label: t("engagementWalls.tabs.promises"),
            children: <PromisesTable query={query} pagination={pagination} />,
          },
          {
            key: "pioneers",
            label: t("engagementWalls.tabs.pioneers"),
            children: <PioneersTab query={query} pagination={pagination} />,
          },
        ]}
      />
    </Card>
  );
}
