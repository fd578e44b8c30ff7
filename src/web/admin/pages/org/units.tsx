import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Alert, Empty, Space, Table, type TableColumnsType, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { api, type ResponseOf } from "../../../common/api.ts";
import { useAuth } from "../../../common/auth.tsx";
import { UNIT_KINDS, type UnitKind, unitKindLabel } from "../../../common/labels.ts";
import { ExportButton } from "../../components/export-button.tsx";
import { useListParams } from "../list-params.ts";
import { CodeSelect, SearchBox } from "../people/filters.tsx";
import { isOrgWriter } from "./kinds.ts";
import { UnitButton } from "./unit-form.tsx";

type Unit = ResponseOf<"/api/v1/org/units", "get">["items"][number];

/** 共建单位: units, property companies and owners' committees that build with the party organisations. */
export function UnitsTable() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const editable = isOrgWriter(user);
  const list = useListParams(["q", "kind"]);
  const { page, pageSize, filters } = list;
  const query = { page, pageSize, q: filters.q, kind: UNIT_KINDS.find((k) => k === filters.kind) };
  const result = useQuery({
    queryKey: ["org", "units", query],
    queryFn: ({ signal }) => api.get("/api/v1/org/units", { query, signal }),
    placeholderData: keepPreviousData,
  });
  const columns: TableColumnsType<Unit> = [
    { title: t("territory.name"), dataIndex: "name", render: (n: string) => <strong>{n}</strong> },
    {
      title: t("org.unitKind"),
      dataIndex: "kind",
      width: 130,
      render: (k: UnitKind) => <Tag>{unitKindLabel(t, k)}</Tag>,
    },
    {
      title: t("org.uscc"),
      dataIndex: "uscc",
      width: 210,
      render: (v: string | null) =>
        v ? <Typography.Text style={{ fontFamily: "monospace" }}>{v}</Typography.Text> : "—",
    },
    { title: t("org.contact"), dataIndex: "contactName", width: 100, render: (v: string | null) => v ?? "—" },
    {
      title: t("org.contactPhone"),
      dataIndex: "contactPhone",
      width: 140,
      render: (v: string | null) => v ?? "—",
    },
    ...(editable
      ? [
          {
            title: t("orgAdmin.units.actions"),
            key: "edit",
            width: 90,
            render: (_: unknown, u: Unit) => <UnitButton unit={u} />,
          },
        ]
      : []),
  ];
  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      <Space wrap>
        <SearchBox
          value={filters.q}
          placeholder={t("org.unitSearch")}
          onSearch={(q) => list.setFilter("q", q)}
        />
        <CodeSelect
          value={filters.kind}
          codes={UNIT_KINDS}
          label={t("org.unitKind")}
          allLabel={t("org.allUnitKinds")}
          optionLabel={(k) => unitKindLabel(t, k)}
          onChange={(v) => list.setFilter("kind", v)}
          width={190}
        />
        <ExportButton path="/api/v1/org/units" query={query} />
        {editable && <UnitButton />}
      </Space>
      {result.error && <Alert type="error" showIcon title={result.error.message} />}
      <Table<Unit>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={result.data?.items}
        loading={result.isFetching}
        scroll={{ x: 800 }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
        pagination={list.pagination(result.data?.total, (count) => t("org.unitsTotal", { count }))}
      />
    </Space>
  );
}
