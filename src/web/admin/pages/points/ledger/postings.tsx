import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { DatePicker, Input, Select, Space, Table, type TableColumnsType } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { api, type ResponseOf } from "../../../../common/api.ts";
import { ExportButton } from "../../../components/export-button.tsx";
import { TerritoryPicker } from "../../cases/territory-picker.tsx";
import { useListParams } from "../../list-params.ts";
import { LoadFailed } from "../../status.tsx";
import { AUDIENCES } from "./accounts.tsx";

type Posting = ResponseOf<"/api/v1/points/postings", "get">["items"][number];
type Kind = Posting["kind"];
const KINDS: Kind[] = ["award", "deduct", "redeem", "refund", "reversal", "appraisal"];

/** 积分流水: every posting made in the caller's area, newest first, filtered by kind, month and rule. */
export function PostingsTab() {
  const { t } = useTranslation();
  const list = useListParams(["audience", "kind", "month", "ruleCode", "underId"] as const);
  const f = list.filters;
  const query = {
    audience: f.audience as Posting["audience"] | undefined,
    kind: f.kind as Kind | undefined,
    month: f.month,
    ruleCode: f.ruleCode,
    underId: f.underId,
    page: list.page,
    pageSize: list.pageSize,
  };
  const result = useQuery({
    queryKey: ["points", "postings", query],
    queryFn: ({ signal }) => api.get("/api/v1/points/postings", { query, signal }),
    placeholderData: keepPreviousData,
  });
  const columns: TableColumnsType<Posting> = [
    {
      title: t("pointsLedger.sheet.at"),
      dataIndex: "at",
      width: 150,
      render: (at: string) => dayjs(at).format("YYYY-MM-DD HH:mm"),
    },
    { title: t("pointsLedger.sheet.name"), dataIndex: "holderName", width: 140 },
    {
      title: t("pointsLedger.sheet.kind"),
      dataIndex: "audience",
      width: 100,
      render: (a: Posting["audience"]) => t(`pointsLedger.kinds.${a}`),
    },
    {
      title: t("pointsLedger.sheet.postingKind"),
      dataIndex: "kind",
      width: 90,
      render: (k: Kind) => t(`pointsLedger.postingKinds.${k}`),
    },
    { title: t("pointsLedger.sheet.what"), dataIndex: "what" },
    {
      title: t("pointsLedger.sheet.amount"),
      dataIndex: "amount",
      width: 80,
      align: "right",
      render: (a: number) => (
        <span style={{ color: a > 0 ? "#389e0d" : "#cf1322" }}>{a > 0 ? `+${a}` : `−${-a}`}</span>
      ),
    },
  ];
  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      <Space wrap size={12}>
        <Select
          allowClear
          style={{ width: 130 }}
          placeholder={t("pointsLedger.admin.allKinds")}
          value={f.audience}
          onChange={(v) => list.setFilter("audience", v)}
          options={AUDIENCES.map((a) => ({ value: a, label: t(`pointsLedger.kinds.${a}`) }))}
        />
        <Select
          allowClear
          style={{ width: 130 }}
          placeholder={t("pointsLedger.admin.allPostingKinds")}
          value={f.kind}
          onChange={(v) => list.setFilter("kind", v)}
          options={KINDS.map((k) => ({ value: k, label: t(`pointsLedger.postingKinds.${k}`) }))}
        />
        <DatePicker
          picker="month"
          placeholder={t("pointsLedger.statement.month")}
          value={f.month ? dayjs(`${f.month}-01`) : null}
          onChange={(d) => list.setFilter("month", d ? d.format("YYYY-MM") : undefined)}
        />
        <Input.Search
          allowClear
          defaultValue={f.ruleCode}
          placeholder={t("pointsLedger.admin.ruleCode")}
          style={{ width: 180 }}
          onSearch={(v) => list.setFilter("ruleCode", v.trim() || undefined)}
        />
        <TerritoryPicker value={f.underId} onChange={(v) => list.setFilter("underId", v)} />
        <ExportButton path="/api/v1/points/postings" query={query} />
      </Space>
      {result.error && <LoadFailed error={result.error} retry={() => void result.refetch()} />}
      <Table<Posting>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={result.data?.items}
        loading={result.isFetching}
        pagination={list.pagination(result.data?.total, (count) => t("pointsLedger.admin.total", { count }))}
      />
    </Space>
  );
}
