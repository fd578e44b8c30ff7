import { PlusOutlined } from "@ant-design/icons";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Button, Card, Empty, Segmented, Space, Table, type TableColumnsType, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { api } from "../../../../common/api.ts";
import { useAuth } from "../../../../common/auth.tsx";
import { TerritoryPicker } from "../../cases/territory-picker.tsx";
import { useFormatTime } from "../../cases/time.tsx";
import { useListParams } from "../../list-params.ts";
import { LoadFailed } from "../../status.tsx";
import { MOBILISATION_KEY, type MobilisationItem } from "./data.ts";
import { RaiseModal } from "./raise.tsx";

const FILTERS = ["status", "underId"] as const;
/** Who raises call-ups (engagement.manage); grid workers follow them only. */
const RAISERS = ["districtAdmin", "streetStaff", "communityStaff"];

/** 应急动员: the call-ups of the area, active first by default, and 发起动员. */
export function MobilisationPage() {
  const { t } = useTranslation();
  const w = (key: string) => t(`engagementMobilisation.${key}` as "engagementMobilisation.title");
  const { user } = useAuth();
  const navigate = useNavigate();
  const format = useFormatTime();
  const list = useListParams(FILTERS);
  const [raising, setRaising] = useState(false);
  const status =
    list.filters.status === "dissolved" || list.filters.status === "all" ? list.filters.status : "active";
  const query = {
    status: status === "all" ? undefined : status,
    underId: list.filters.underId,
    page: list.page,
    pageSize: list.pageSize,
  } as const;
  const result = useQuery({
    queryKey: [...MOBILISATION_KEY, "list", query],
    queryFn: ({ signal }) => api.get("/api/v1/engagement/mobilisations", { query, signal }),
    placeholderData: keepPreviousData,
  });
  const columns: TableColumnsType<MobilisationItem> = [
    {
      title: w("list.name"),
      dataIndex: "name",
      render: (name: string, m) => (
        <Space size={6} wrap>
          <strong>{name}</strong>
          <Tag color="red">{w(`kind.${m.kind}`)}</Tag>
        </Space>
      ),
    },
    { title: w("list.node"), dataIndex: ["node", "name"], width: 140 },
    {
      title: w("list.place"),
      dataIndex: "place",
      width: 200,
      render: (p: string | null) => p ?? t("common.none"),
    },
    { title: w("list.raisedAt"), dataIndex: "raisedAt", width: 170, render: (at: string) => format(at) },
    { title: w("list.members"), dataIndex: "called", width: 90 },
    { title: w("list.reported"), dataIndex: "reported", width: 90 },
    {
      title: w("list.status"),
      dataIndex: "status",
      width: 90,
      render: (s: MobilisationItem["status"]) => (
        <Tag color={s === "active" ? "red" : "default"}>{w(`status.${s}`)}</Tag>
      ),
    },
  ];
  return (
    <Card
      title={t("nav.engagementMobilisation")}
      extra={
        user?.roles.some((r) => RAISERS.includes(r.role)) && (
          <Button type="primary" danger icon={<PlusOutlined />} onClick={() => setRaising(true)}>
            {w("list.raise")}
          </Button>
        )
      }
    >
      <Space orientation="vertical" size={16} style={{ width: "100%" }}>
        <Space wrap size={12}>
          <Segmented
            value={status}
            onChange={(v) => list.setFilter("status", v === "active" ? undefined : String(v))}
            options={[
              { value: "active", label: w("status.active") },
              { value: "dissolved", label: w("status.dissolved") },
              { value: "all", label: w("list.all") },
            ]}
          />
          <TerritoryPicker value={list.filters.underId} onChange={(id) => list.setFilter("underId", id)} />
        </Space>
        {result.error && <LoadFailed error={result.error} retry={() => void result.refetch()} />}
        <Table<MobilisationItem>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={result.data?.items}
          loading={result.isFetching}
          onRow={(m) =>
            ({
              onClick: () => navigate(`/engagement/mobilisation/${m.id}`),
              style: { cursor: "pointer" },
              "data-testid": "mobilisation-row",
            }) as object
          }
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={w("list.empty")} /> }}
          pagination={list.pagination(result.data?.total, (count) =>
            t("engagementMobilisation.list.total", { count }),
          )}
        />
      </Space>
      <RaiseModal open={raising} onClose={() => setRaising(false)} />
    </Card>
  );
}
