import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Card, Space, Table, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { api, type ResponseOf } from "../../../../common/api.ts";
import { useAuth } from "../../../../common/auth.tsx";
import { ExportButton } from "../../../components/export-button.tsx";
import { TerritoryPicker } from "../../cases/territory-picker.tsx";
import { useListParams } from "../../list-params.ts";
import { thisYear, YearSelect } from "../walls/year-select.tsx";
import { UnitMembers } from "./unit-members.tsx";

type Row = ResponseOf<"/api/v1/engagement/assessment", "get">["items"][number];
const FILTERS = ["year", "underId", "unitId"] as const;
const percent = (x: number | null) => (x === null ? "—" : `${Math.round(x * 1000) / 10}%`);

/**
 * 共建考核: the paired units of the year scored and ranked (in their community and the district),
 * with how the score is made; a unit's members one click further.
 */
export function AssessmentPage() {
  const { t } = useTranslation();
  const list = useListParams(FILTERS);
  // A unit's staff see their own unit only: no area to pick.
  const staff = !!useAuth().user?.roles.some((r) => r.role !== "unitStaff");
  const f = list.filters;
  const year = Number(f.year) || thisYear();
  const query = { year, underId: f.underId, page: list.page, pageSize: list.pageSize };
  const ranking = useQuery({
    queryKey: ["engagement", "assessment", query],
    queryFn: ({ signal }) => api.get("/api/v1/engagement/assessment", { query, signal }),
    enabled: !f.unitId,
  });
  const a = "engagementWalls.assessment";
  const c = `${a}.columns`;
  if (f.unitId)
    return <UnitMembers unitId={f.unitId} year={year} onBack={() => list.setFilter("unitId", undefined)} />;
  const weights = ranking.data?.weights ?? [];
  return (
    <Card
      title={t("nav.engagementAssessment")}
      extra={<ExportButton path="/api/v1/engagement/assessment" query={query} />}
    >
      <Space orientation="vertical" size={16} style={{ width: "100%" }}>
        <Space wrap size={12}>
          <YearSelect
            value={year}
            onChange={(y) => list.setFilter("year", y === thisYear() ? undefined : String(y))}
          />
          {staff && <TerritoryPicker value={f.underId} onChange={(id) => list.setFilter("underId", id)} />}
        </Space>
        <Alert
          type="info"
          showIcon
          message={
            <Space wrap size={8}>
              <strong>{t(`${a}.weightsTitle`)}</strong>
              {weights.map((w) => (
                <Tag key={w.part} color="red">
                  {t(`${a}.parts.${w.part}`)} {w.weight}%
                </Tag>
              ))}
              {ranking.data && <span>{t(`${a}.ranked`, { count: ranking.data.ranked })}</span>}
            </Space>
          }
          description={t(`${a}.weightsText`)}
        />
        <Table<Row>
          rowKey={(r) => `${r.unit.id}:${r.community.id}`}
          loading={ranking.isLoading}
          dataSource={ranking.data?.items}
          pagination={list.pagination(ranking.data?.total, (count) => t("engagementWalls.total", { count }))}
          locale={{ emptyText: t(`${a}.empty`) }}
          scroll={{ x: 1200 }}
          columns={[
            { title: t(`${c}.districtRank`), dataIndex: "districtRank", width: 80, fixed: "left" },
            { title: t(`${c}.communityRank`), dataIndex: "communityRank", width: 90 },
            {
              title: t(`${c}.unit`),
              width: 220,
              render: (_, r) => (
                <Button
                  type="link"
                  style={{ padding: 0 }}
                  onClick={() => list.setFilter("unitId", r.unit.id)}
                >
                  {r.unit.name}
                </Button>
              ),
            },
            { title: t(`${c}.community`), width: 120, render: (_, r) => r.community.name },
            { title: t(`${c}.members`), dataIndex: "members", width: 90 },
            { title: t(`${c}.reportedIn`), dataIndex: "reportedIn", width: 80 },
            { title: t(`${c}.reportRate`), width: 90, render: (_, r) => percent(r.reportRate) },
            { title: t(`${c}.services`), dataIndex: "services", width: 90 },
            { title: t(`${c}.hours`), dataIndex: "hours", width: 90 },
            { title: t(`${c}.wishes`), dataIndex: "wishes", width: 90 },
            { title: t(`${c}.averageGrade`), width: 100, render: (_, r) => r.averageGrade ?? "—" },
            {
              title: t(`${c}.score`),
              width: 90,
              fixed: "right",
              render: (_, r) => <strong style={{ color: "#c8161d" }}>{r.score}</strong>,
            },
          ]}
        />
      </Space>
    </Card>
  );
}
