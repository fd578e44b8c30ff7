import { PlusOutlined } from "@ant-design/icons";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Button, Card, Select, Space, Table, type TableColumnsType, Tag } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, type ResponseOf } from "../../../../common/api.ts";
import { useListParams } from "../../list-params.ts";
import { LoadFailed } from "../../status.tsx";
import { NewRoundModal } from "./new-round.tsx";
import { RoundDrawer } from "./round-drawer.tsx";
import { useAppraisalWords } from "./words.ts";

type Round = ResponseOf<"/api/v1/points/appraisal-rounds", "get">["items"][number];

/** 民主评议: the half-year rounds of the area, a new one, and each round's progress and results. */
export function PointsAppraisalPage() {
  const { t } = useTranslation();
  const list = useListParams(["status", "round"] as const);
  const [creating, setCreating] = useState(false);
  const query = {
    status: list.filters.status as Round["status"] | undefined,
    page: list.page,
    pageSize: list.pageSize,
  };
  const rounds = useQuery({
    queryKey: ["points", "appraisal-rounds", query],
    queryFn: ({ signal }) => api.get("/api/v1/points/appraisal-rounds", { query, signal }),
    placeholderData: keepPreviousData,
  });
  const a = useAppraisalWords();
  const columns: TableColumnsType<Round> = [
    { title: a("roundTitle"), dataIndex: "title" },
    { title: a("community"), dataIndex: ["node", "name"], width: 140 },
    {
      title: a("period"),
      dataIndex: "period",
      width: 130,
      render: (p: string) => `${p.slice(0, 4)}${a("yearSuffix")}${a(`half.${p.slice(5)}`)}`,
    },
    {
      title: a("weights"),
      dataIndex: "weights",
      width: 260,
      render: (w: Round["weights"]) =>
        `${a("record")} ${w.record} · ${a("self")} ${w.self} · ${a("peer")} ${w.peer} · ${a("resident")} ${w.resident}`,
    },
    { title: a("progress"), dataIndex: "appraisals", width: 90, align: "right" },
    {
      title: a("statusLabel"),
      dataIndex: "status",
      width: 90,
      render: (s: Round["status"]) => (
        <Tag color={s === "open" ? "processing" : "default"}>{a(`status.${s}`)}</Tag>
      ),
    },
    {
      title: a("createdAt"),
      dataIndex: "createdAt",
      width: 120,
      render: (at: string) => dayjs(at).format("YYYY-MM-DD"),
    },
    {
      title: "",
      key: "open",
      width: 80,
      render: (_: unknown, r) => (
        <Button size="small" onClick={() => list.setFilters({ round: r.id })}>
          {a("open")}
        </Button>
      ),
    },
  ];
  return (
    <Card
      title={t("nav.pointsAppraisal")}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {a("create")}
        </Button>
      }
    >
      <Space orientation="vertical" size={16} style={{ width: "100%" }}>
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder={a("statusLabel")}
          value={list.filters.status}
          onChange={(v) => list.setFilter("status", v)}
          options={(["open", "closed"] as const).map((s) => ({ value: s, label: a(`status.${s}`) }))}
        />
        {rounds.error && <LoadFailed error={rounds.error} retry={() => void rounds.refetch()} />}
        <Table<Round>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={rounds.data?.items}
          loading={rounds.isFetching}
          pagination={list.pagination(rounds.data?.total, (count) =>
            t("pointsLedger.admin.total", { count }),
          )}
        />
      </Space>
      {creating && <NewRoundModal onClose={() => setCreating(false)} />}
      {list.filters.round && (
        <RoundDrawer id={list.filters.round} onClose={() => list.setFilters({ round: undefined })} />
      )}
    </Card>
  );
}
