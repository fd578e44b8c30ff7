import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Button, Input, Select, Space, Table, type TableColumnsType } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, type ResponseOf } from "../../../../common/api.ts";
import { ExportButton } from "../../../components/export-button.tsx";
import { TerritoryPicker } from "../../cases/territory-picker.tsx";
import { useListParams } from "../../list-params.ts";
import { LoadFailed } from "../../status.tsx";
import { StatementDrawer } from "./statement-drawer.tsx";

type Account = ResponseOf<"/api/v1/points/accounts", "get">["items"][number];
type Audience = Account["audience"];
export const AUDIENCES: Audience[] = ["resident", "member", "merchant"];

/** 积分账户: the holders of the caller's area by balance, a name search, and each one's statement. */
export function AccountsTab() {
  const { t } = useTranslation();
  const list = useListParams(["audience", "q", "underId", "sort"] as const);
  const [open, setOpen] = useState<Account>();
  const f = list.filters;
  const query = {
    audience: f.audience as Audience | undefined,
    q: f.q,
    underId: f.underId,
    sort: f.sort === "balance" ? ("balance" as const) : undefined,
    page: list.page,
    pageSize: list.pageSize,
  };
  const result = useQuery({
    queryKey: ["points", "accounts", query],
    queryFn: ({ signal }) => api.get("/api/v1/points/accounts", { query, signal }),
    placeholderData: keepPreviousData,
  });
  const columns: TableColumnsType<Account> = [
    { title: t("pointsLedger.sheet.name"), dataIndex: "name" },
    {
      title: t("pointsLedger.sheet.kind"),
      dataIndex: "audience",
      width: 120,
      render: (a: Audience) => t(`pointsLedger.kinds.${a}`),
    },
    { title: t("pointsLedger.sheet.balance"), dataIndex: "balance", width: 120, align: "right" },
    {
      title: "",
      key: "view",
      width: 90,
      render: (_: unknown, r) => (
        <Button size="small" onClick={() => setOpen(r)}>
          {t("pointsLedger.admin.view")}
        </Button>
      ),
    },
  ];
  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      <Space wrap size={12}>
        <Input.Search
          allowClear
          defaultValue={f.q}
          placeholder={t("pointsLedger.admin.search")}
          style={{ width: 240 }}
          onSearch={(v) => list.setFilter("q", v.trim() || undefined)}
        />
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder={t("pointsLedger.admin.allKinds")}
          value={f.audience}
          onChange={(v) => list.setFilter("audience", v)}
          options={AUDIENCES.map((a) => ({ value: a, label: t(`pointsLedger.kinds.${a}`) }))}
        />
        <TerritoryPicker value={f.underId} onChange={(v) => list.setFilter("underId", v)} />
        <Select
          style={{ width: 160 }}
          value={f.sort === "balance" ? "balance" : "-balance"}
          onChange={(v) => list.setFilter("sort", v === "balance" ? "balance" : undefined)}
          options={[
            { value: "-balance", label: t("pointsLedger.admin.highestFirst") },
            { value: "balance", label: t("pointsLedger.admin.lowestFirst") },
          ]}
        />
        <ExportButton path="/api/v1/points/accounts" query={query} />
      </Space>
      {result.error && <LoadFailed error={result.error} retry={() => void result.refetch()} />}
      <Table<Account>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={result.data?.items}
        loading={result.isFetching}
        pagination={list.pagination(result.data?.total, (count) => t("pointsLedger.admin.total", { count }))}
      />
      {open && <StatementDrawer account={open} onClose={() => setOpen(undefined)} />}
    </Space>
  );
}
