import { Card, Checkbox, Select, Space, Tabs } from "antd";
import { useTranslation } from "react-i18next";
import { useAuth } from "../../../../common/auth.tsx";
import { can } from "../../../../common/roles.ts";
import { ExportButton } from "../../../components/export-button.tsx";
import { TerritoryPicker } from "../../cases/territory-picker.tsx";
import { useListParams } from "../../list-params.ts";
import { type CoverageQuery, CoverageTable, quarterText } from "./coverage-table.tsx";
import { type VisitQuery, VisitTable } from "./visit-table.tsx";

const FILTERS = ["tab", "underId", "quarter", "hasProblems"] as const;

/** The quarter (China time) a day lies in, and the seven before it: what the picker offers. */
function recentQuarters(now = new Date()): Array<{ year: number; quarter: number }> {
  const china = new Date(now.getTime() + 8 * 3_600_000);
  let year = china.getUTCFullYear();
  let quarter = Math.floor(china.getUTCMonth() / 3) + 1;
  const out = [];
  for (let i = 0; i < 8; i++) {
    out.push({ year, quarter });
    quarter -= 1;
    if (quarter === 0) [year, quarter] = [year - 1, 4];
  }
  return out;
}

/** 走访覆盖: how many paired households members visited this quarter, and the visits themselves. */
export function EngagementVisitsPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const list = useListParams(FILTERS);
  const f = list.filters;
  // Grid workers read the coverage (dashboard.read); the visits are the community's (engagement.manage).
  const manages = !!user && can(user, "engagement.manage");
  const tab = manages && f.tab === "list" ? "list" : "coverage";
  const quarters = recentQuarters();
  const picked = quarters.find((q) => `${q.year}-${q.quarter}` === f.quarter) ?? quarters[0];
  const coverage: CoverageQuery = { underId: f.underId, year: picked?.year, quarter: picked?.quarter };
  const query: VisitQuery = {
    page: list.page,
    pageSize: list.pageSize,
    hasProblems: f.hasProblems ? true : undefined,
  };
  const filters = (
    <Space wrap size={12}>
      {tab === "coverage" && (
        <>
          <TerritoryPicker value={f.underId} onChange={(id) => list.setFilter("underId", id)} />
          <Select
            value={`${picked?.year}-${picked?.quarter}`}
            style={{ width: 180 }}
            options={quarters.map((q) => ({
              value: `${q.year}-${q.quarter}`,
              label: quarterText(t, q),
            }))}
            onChange={(v) =>
              list.setFilter("quarter", v === `${quarters[0]?.year}-${quarters[0]?.quarter}` ? undefined : v)
            }
          />
        </>
      )}
      {tab === "list" && (
        <Checkbox
          checked={!!f.hasProblems}
          onChange={(e) => list.setFilter("hasProblems", e.target.checked ? "1" : undefined)}
        >
          {t("engagementVisits.admin.withProblems")}
        </Checkbox>
      )}
    </Space>
  );
  return (
    <Card
      title={t("nav.engagementVisits")}
      extra={tab === "list" ? <ExportButton path="/api/v1/engagement/visits" query={query} /> : undefined}
    >
      <Tabs
        activeKey={tab}
        onChange={(key) => list.setFilters({ tab: key === "coverage" ? undefined : key })}
        destroyOnHidden
        items={[
          {
            key: "coverage",
            label: t("engagementVisits.admin.coverage"),
            children: (
              <Space orientation="vertical" size={16} style={{ width: "100%" }}>
                {filters}
                <CoverageTable query={coverage} />
              </Space>
            ),
          },
          ...(manages
            ? [
                {
                  key: "list",
                  label: t("engagementVisits.admin.list"),
                  children: (
                    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
                      {filters}
                      <VisitTable
                        query={query}
                        pagination={(total) =>
                          list.pagination(total, (count) => t("engagementVisits.admin.total", { count }))
                        }
                      />
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
