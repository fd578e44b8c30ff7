import { PlusOutlined } from "@ant-design/icons";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Button, Card, Select, Space, Table, type TableColumnsType } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, type QueryOf, type ResponseOf } from "../../../../common/api.ts";
import { useListParams } from "../../list-params.ts";
import { LoadFailed } from "../../status.tsx";
import { DrawModal } from "./draw-modal.tsx";
import { periodLabel } from "./periods.ts";
import { RankingDrawer } from "./ranking-drawer.tsx";
import { StatusTag } from "./status-tag.tsx";

type Ranking = ResponseOf<"/api/v1/points/rankings", "get">["items"][number];
type Query = NonNullable<QueryOf<"/api/v1/points/rankings", "get">>;
const KINDS = ["starMember", "virtueShop", "trustedMerchant"] as const;
const STATUSES = ["draft", "approved", "published", "withdrawn"] as const;

/** 积分榜单: the rankings of the area, drawing a new one, and each one's entries and steps. */
export function PointsRankingsPage() {
  const { t } = useTranslation();
  const list = useListParams(["kind", "status", "ranking"] as const);
  const [drawing, setDrawing] = useState(false);
  const query: Query = {
    kind: list.filters.kind as Query["kind"],
    status: list.filters.status as Query["status"],
    page: list.page,
    pageSize: list.pageSize,
  };
  const rankings = useQuery({
    queryKey: ["points", "rankings", query],
    queryFn: ({ signal }) => api.get("/api/v1/points/rankings", { query, signal }),
    placeholderData: keepPreviousData,
  });
  const columns: TableColumnsType<Ranking> = [
    {
      title: t("pointsRankings.columns.kind"),
      dataIndex: "kind",
      render: (k: Ranking["kind"]) => t(`pointsRankings.kinds.${k}`),
    },
    { title: t("pointsRankings.columns.area"), dataIndex: ["node", "name"], width: 150 },
    {
      title: t("pointsRankings.columns.period"),
      dataIndex: "period",
      width: 150,
      render: (p: string) => periodLabel(t, p),
    },
    { title: t("pointsRankings.columns.entries"), dataIndex: "entries", width: 70, align: "right" },
    {
      title: t("pointsRankings.columns.status"),
      dataIndex: "status",
      width: 90,
      render: (s: Ranking["status"]) => <StatusTag status={s} />,
    },
    { title: t("pointsRankings.columns.createdBy"), dataIndex: ["createdBy", "name"], width: 100 },
    {
      title: t("pointsRankings.columns.publishedAt"),
      dataIndex: "publishedAt",
      width: 110,
      render: (at: string | null) => (at ? dayjs(at).format("YYYY-MM-DD") : "—"),
    },
    {
      title: "",
      key: "open",
      width: 80,
      render: (_, r) => (
        <Button size="small" onClick={() => list.setFilters({ ranking: r.id })}>
          {t("pointsLedger.admin.view")}
        </Button>
      ),
    },
  ];
  return (
    <Card
      title={t("nav.pointsRankings")}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawing(true)}>
          {t("pointsRankings.draw.button")}
        </Button>
      }
    >
      <Space orientation="vertical" size={16} style={{ width: "100%" }}>
        <Space wrap>
          <Select
            allowClear
            style={{ width: 180 }}
            placeholder={t("pointsRankings.columns.kind")}
            value={list.filters.kind}
            onChange={(v) => list.setFilter("kind", v)}
            options={KINDS.map((k) => ({ value: k, label: t(`pointsRankings.kinds.${k}`) }))}
          />
          <Select
            allowClear
            style={{ width: 120 }}
            placeholder={t("pointsRankings.columns.status")}
            value={list.filters.status}
            onChange={(v) => list.setFilter("status", v)}
            options={STATUSES.map((s) => ({ value: s, label: t(`pointsRankings.statuses.${s}`) }))}
          />
        </Space>
        {rankings.error && <LoadFailed error={rankings.error} retry={() => void rankings.refetch()} />}
        <Table<Ranking>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={rankings.data?.items}
          loading={rankings.isFetching}
          onRow={(r) => ({ onDoubleClick: () => list.setFilters({ ranking: r.id }) })}
          pagination={list.pagination(rankings.data?.total, (count) => t("pointsRankings.total", { count }))}
        />
      </Space>
      {drawing && (
        <DrawModal
          onClose={() => setDrawing(false)}
          onDrawn={(id) => {
            setDrawing(false);
            list.setFilters({ ranking: id });
          }}
        />
      )}
      {list.filters.ranking && (
        <RankingDrawer id={list.filters.ranking} onClose={() => list.setFilters({ ranking: undefined })} />
      )}
    </Card>
  );
}
