import { useQuery } from "@tanstack/react-query";
import {
  Card,
  Col,
  DatePicker,
  Empty,
  Progress,
  Row,
  Segmented,
  Space,
  Table,
  type TableColumnsType,
  Typography,
} from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, type ResponseOf } from "../../../common/api.ts";
import { LoadFailed } from "../status.tsx";
import type { VolunteeringParams } from "./activities-tab.tsx";
import { VOLUNTEERING_KEY, type VolunteerItem } from "./volunteering-data.ts";

type StatsRow = ResponseOf<"/api/v1/volunteering/stats", "get">["items"][number];
type By = "team" | "community";

/** 服务统计: hours, people and activities per team or per community over a period; the most hours per person. */
export function StatsTab({ list }: { list: VolunteeringParams }) {
  const { t } = useTranslation();
  const by: By = list.filters.by === "community" ? "community" : "team";
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null);
  const query = {
    by,
    from: range?.[0].startOf("day").toISOString(),
    to: range?.[1].endOf("day").toISOString(),
  };
  const stats = useQuery({
    queryKey: [...VOLUNTEERING_KEY, "stats", query],
    queryFn: ({ signal }) => api.get("/api/v1/volunteering/stats", { query, signal }),
  });
  const top = useQuery({
    queryKey: [...VOLUNTEERING_KEY, "volunteers", "top"],
    queryFn: ({ signal }) => api.get("/api/v1/volunteering/volunteers", { query: { pageSize: 10 }, signal }),
  });
  const most = Math.max(1, ...(stats.data?.items.map((x) => x.hours) ?? []));
  const columns: TableColumnsType<StatsRow> = [
    {
      title: by === "team" ? t("volunteering.fields.teamName") : t("volunteering.fields.community"),
      dataIndex: "name",
      width: 180,
    },
    {
      title: t("volunteering.fields.hours"),
      dataIndex: "hours",
      width: 280,
      render: (h: number) => (
        <Space style={{ width: "100%" }}>
          <Progress
            percent={(h / most) * 100}
            showInfo={false}
            style={{ width: 160, margin: 0 }}
            strokeColor="#c8161d"
          />
          <span>{h}</span>
        </Space>
      ),
    },
    { title: t("volunteering.fields.people"), dataIndex: "people", width: 110, align: "right" },
    { title: t("volunteering.fields.activities"), dataIndex: "activities", width: 110, align: "right" },
  ];
  const topColumns: TableColumnsType<VolunteerItem> = [
    { title: t("volunteering.fields.name"), dataIndex: "name" },
    {
      title: t("volunteering.fields.community"),
      key: "community",
      render: (_, v) => v.node.community ?? t("common.none"),
    },
    { title: t("volunteering.fields.hours"), dataIndex: "hours", align: "right" },
  ];
  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      <Space wrap>
        <Segmented<By>
          value={by}
          onChange={(v) => list.setFilter("by", v === "team" ? undefined : v)}
          options={[
            { value: "team", label: t("volunteering.admin.stats.byTeam") },
            { value: "community", label: t("volunteering.admin.stats.byCommunity") },
          ]}
        />
        <DatePicker.RangePicker
          value={range}
          onChange={(v) => setRange(v?.[0] && v[1] ? [v[0], v[1]] : null)}
          placeholder={[t("volunteering.fields.startsAt"), t("volunteering.fields.endsAt")]}
        />
      </Space>
      {stats.error && <LoadFailed error={stats.error} retry={() => void stats.refetch()} />}
      {stats.data && (
        <Typography.Text strong data-testid="stats-totals">
          {t("volunteering.admin.stats.totals", stats.data.totals)}
        </Typography.Text>
      )}
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <Table<StatsRow>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={stats.data?.items}
            loading={stats.isFetching}
            pagination={false}
            locale={{
              emptyText: (
                <Empty
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                  description={t("volunteering.admin.stats.empty")}
                />
              ),
            }}
          />
        </Col>
        <Col xs={24} xl={8}>
          <Card size="small" title={t("volunteering.admin.stats.topVolunteers")}>
            <Table<VolunteerItem>
              rowKey="id"
              size="small"
              columns={topColumns}
              dataSource={top.data?.items}
              loading={top.isFetching}
              pagination={false}
            />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
