import { DownloadOutlined, PlusOutlined } from "@ant-design/icons";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Popconfirm, Select, Space, Table, type TableColumnsType, Tag } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, type QueryOf, type ResponseOf } from "../../../../common/api.ts";
import { useAuth } from "../../../../common/auth.tsx";
import { ExportButton, exportUrl } from "../../../components/export-button.tsx";
import { useListParams } from "../../list-params.ts";
import { LoadFailed } from "../../status.tsx";
import { RecordModal } from "./record-modal.tsx";

type Consent = ResponseOf<"/api/v1/points/credit/consents", "get">["items"][number];
type Query = NonNullable<QueryOf<"/api/v1/points/credit/consents", "get">>;

/** 信用授权: who consented to share points with the bank, paper forms recorded, and the bank's export. */
export function PointsCreditPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { user } = useAuth();
  const client = useQueryClient();
  const list = useListParams(["audience", "live"] as const);
  const [recording, setRecording] = useState(false);
  const query: Query = {
    audience: list.filters.audience as Query["audience"],
    live: list.filters.live === undefined ? undefined : list.filters.live === "true",
    page: list.page,
    pageSize: list.pageSize,
  };
  const consents = useQuery({
    queryKey: ["points", "credit", "consents", query],
    queryFn: ({ signal }) => api.get("/api/v1/points/credit/consents", { query, signal }),
    placeholderData: keepPreviousData,
  });
  const withdraw = useMutation({
    mutationFn: (id: string) =>
      api.post("/api/v1/points/credit/consents/{id}/withdraw", undefined, { path: { id } }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ["points", "credit"] });
      void message.success(t("pointsRankings.credit.withdrawnDone"));
    },
    onError: (e) => void message.error(e.message),
  });
  // The bank's export is the district administrator's (points.credit).
  const exports = user?.roles.some((r) => r.role === "districtAdmin") ?? false;
  const c = (key: string) => t(`pointsRankings.credit.${key}` as "pointsRankings.credit.title");
  const columns: TableColumnsType<Consent> = [
    { title: c("columns.holder"), dataIndex: ["holder", "name"] },
    {
      title: c("columns.audience"),
      dataIndex: "audience",
      width: 70,
      render: (a: Consent["audience"]) => c(`audience.${a}`),
    },
    { title: c("columns.community"), dataIndex: "community", width: 130 },
    { title: c("columns.bank"), dataIndex: "bank", width: 150 },
    { title: c("columns.recordedBy"), dataIndex: ["recordedBy", "name"], width: 100 },
    {
      title: c("columns.form"),
      dataIndex: "formFileId",
      width: 90,
      render: (id: string | null) =>
        id ? (
          <a href={`/api/v1/files/${id}`} target="_blank" rel="noreferrer">
            {c("form")}
          </a>
        ) : (
          "—"
        ),
    },
    {
      title: c("columns.givenAt"),
      dataIndex: "givenAt",
      width: 110,
      render: (at: string) => dayjs(at).format("YYYY-MM-DD"),
    },
    {
      title: c("columns.status"),
      key: "status",
      width: 120,
      render: (_, r) =>
        r.withdrawnAt ? (
          <Tag>{`${c("withdrawn")} ${dayjs(r.withdrawnAt).format("MM-DD")}`}</Tag>
        ) : (
          <Space size={4}>
            <Tag color="success">{c("live")}</Tag>
            <Popconfirm
              title={c("withdrawConfirm")}
              onConfirm={() => withdraw.mutate(r.id)}
              okButtonProps={{ danger: true }}
            >
              <Button size="small" type="link" danger>
                {c("withdraw")}
              </Button>
            </Popconfirm>
          </Space>
        ),
    },
  ];
  const lastBank = consents.data?.items[0]?.bank ?? c("bankDefault");
  return (
    <Card
      title={t("nav.pointsCredit")}
      extra={
        <Space>
          {exports &&
            (["resident", "merchant"] as const).map((audience) => (
              <Button
                key={audience}
                icon={<DownloadOutlined />}
                href={exportUrl("/api/v1/points/credit/export", { audience })}
                download
              >
                {c(audience === "resident" ? "exportResidents" : "exportMerchants")}
              </Button>
            ))}
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setRecording(true)}>
            {c("record")}
          </Button>
        </Space>
      }
    >
      <Space orientation="vertical" size={16} style={{ width: "100%" }}>
        {exports && <Alert type="info" showIcon message={c("tokenNote")} />}
        <Space wrap>
          <Select
            allowClear
            style={{ width: 110 }}
            placeholder={c("columns.audience")}
            value={list.filters.audience}
            onChange={(v) => list.setFilter("audience", v)}
            options={(["resident", "merchant"] as const).map((a) => ({
              value: a,
              label: c(`audience.${a}`),
            }))}
          />
          <Select
            allowClear
            style={{ width: 110 }}
            placeholder={c("columns.status")}
            value={list.filters.live}
            onChange={(v) => list.setFilter("live", v)}
            options={[
              { value: "true", label: c("live") },
              { value: "false", label: c("withdrawn") },
            ]}
          />
          <ExportButton path="/api/v1/points/credit/consents" query={query} />
        </Space>
        {consents.error && <LoadFailed error={consents.error} retry={() => void consents.refetch()} />}
        <Table<Consent>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={consents.data?.items}
          loading={consents.isFetching}
          pagination={list.pagination(consents.data?.total, (count) => t("pointsRankings.total", { count }))}
        />
      </Space>
      {recording && <RecordModal bank={lastBank} onClose={() => setRecording(false)} />}
    </Card>
  );
}
