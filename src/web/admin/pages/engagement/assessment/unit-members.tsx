import { ArrowLeftOutlined, DownloadOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Button, Card, Table, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, type ResponseOf } from "../../../../common/api.ts";
import { currentLanguage } from "../../../../common/i18n.ts";

type Row = ResponseOf<"/api/v1/engagement/assessment/units/{unitId}", "get">["items"][number];
const REPORT_COLOR = { approved: "green", pending: "gold", returned: "default" } as const;

/** A unit's members in the year: report-in, services, hours, wishes, feedback grade. */
export function UnitMembers({ unitId, year, onBack }: { unitId: string; year: number; onBack: () => void }) {
  const { t } = useTranslation();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const query = { year, ...paging };
  const members = useQuery({
    queryKey: ["engagement", "assessment", "unit", unitId, query],
    queryFn: ({ signal }) =>
      api.get("/api/v1/engagement/assessment/units/{unitId}", { path: { unitId }, query, signal }),
  });
  const a = "engagementWalls.assessment";
  const c = `${a}.columns`;
  return (
    <Card
      title={
        <span>
          <Button type="text" icon={<ArrowLeftOutlined />} onClick={onBack}>
            {t(`${a}.back`)}
          </Button>
          {members.data?.unit.name} · {t(`${a}.members`)}
        </span>
      }
      extra={
        <Button
          icon={<DownloadOutlined />}
          href={`/api/v1/engagement/assessment/units/${unitId}?year=${year}&format=xlsx&lang=${currentLanguage()}`}
          download
        >
          {t("export.excel")}
        </Button>
      }
    >
      <Table<Row>
        rowKey={(r) => r.member.id}
        loading={members.isLoading}
        dataSource={members.data?.items}
        locale={{ emptyText: t(`${a}.membersEmpty`) }}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: members.data?.total ?? 0,
          showTotal: (count) => t("engagementWalls.total", { count }),
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
        columns={[
          { title: t(`${c}.member`), width: 100, render: (_, r) => r.member.name },
          { title: t(`${c}.community`), dataIndex: "community", width: 140 },
          {
            title: t(`${c}.reportIn`),
            width: 100,
            render: (_, r) =>
              r.reportIn ? (
                <Tag color={REPORT_COLOR[r.reportIn]}>{t(`${a}.reportIn.${r.reportIn}`)}</Tag>
              ) : (
                <Tag>{t(`${a}.reportIn.none`)}</Tag>
              ),
          },
          { title: t(`${c}.services`), dataIndex: "services", width: 90 },
          { title: t(`${c}.hours`), dataIndex: "hours", width: 90 },
          { title: t(`${c}.wishes`), dataIndex: "wishes", width: 90 },
          { title: t(`${c}.averageGrade`), width: 100, render: (_, r) => r.averageGrade ?? "—" },
        ]}
      />
    </Card>
  );
}
