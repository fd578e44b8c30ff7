import { TeamOutlined } from "@ant-design/icons";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Alert, Button, Descriptions, Drawer, Empty, Space, Table, type TableColumnsType } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { shortAddress } from "../../../common/address.ts";
import { api, type ResponseOf } from "../../../common/api.ts";
import { ExportButton } from "../../components/export-button.tsx";
import { useListParams } from "../list-params.ts";
import { SearchBox } from "./filters.tsx";
import { type Resident, useResidentColumns } from "./residents-table.tsx";

type Household = ResponseOf<"/api/v1/people/households", "get">["items"][number];

/** The households under a node, found by a part of the address; a row opens its members. */
export function HouseholdsTable({ underId, area }: { underId?: string; area?: string }) {
  const { t } = useTranslation();
  const list = useListParams(["q"]);
  const { page, pageSize, filters } = list;
  const [openId, setOpenId] = useState<string | null>(null);
  const query = { page, pageSize, underId, q: filters.q };
  const result = useQuery({
    queryKey: ["people", "households", query],
    queryFn: ({ signal }) => api.get("/api/v1/people/households", { query, signal }),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<Household> = [
    {
      title: t("households.address"),
      dataIndex: "address",
      ellipsis: { showTitle: true },
      render: (address: string) => shortAddress(address, area),
    },
    { title: t("households.members"), dataIndex: "members", width: 90, align: "right" },
    { title: t("households.head"), dataIndex: "head", width: 120, render: (h: string | null) => h ?? "—" },
    {
      key: "open",
      width: 120,
      align: "right",
      render: (_, h) => (
        <Button size="small" type="link" icon={<TeamOutlined />} onClick={() => setOpenId(h.id)}>
          {t("households.view")}
        </Button>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      <Space wrap>
        <SearchBox
          value={filters.q}
          placeholder={t("households.search")}
          width={360}
          onSearch={(q) => list.setFilter("q", q)}
        />
        <ExportButton path="/api/v1/people/households" query={query} />
      </Space>
      {result.error && <Alert type="error" showIcon title={result.error.message} />}
      <Table<Household>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={result.data?.items}
        loading={result.isFetching}
        onRow={(h) => ({ onClick: () => setOpenId(h.id), style: { cursor: "pointer" } })}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("households.empty")} />,
        }}
        pagination={list.pagination(result.data?.total, (count) => t("households.total", { count }))}
      />
      <HouseholdDrawer id={openId} onClose={() => setOpenId(null)} />
    </Space>
  );
}

function HouseholdDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const household = useQuery({
    queryKey: ["people", "household", id],
    queryFn: ({ signal }) => api.get("/api/v1/people/households/{id}", { path: { id: id ?? "" }, signal }),
    enabled: !!id,
  });
  const columns = useResidentColumns(false);
  const residents = household.data?.residents ?? [];
  return (
    <Drawer open={!!id} onClose={onClose} title={t("households.title")} size={960} destroyOnHidden>
      {household.error && <Alert type="error" showIcon title={household.error.message} />}
      <Descriptions
        column={1}
        items={[{ key: "address", label: t("households.address"), children: household.data?.address ?? "…" }]}
        style={{ marginBottom: 16 }}
      />
      <Table<Resident>
        rowKey="id"
        size="small"
        title={() => <strong>{t("households.membersOf", { count: residents.length })}</strong>}
        columns={columns}
        dataSource={residents}
        loading={household.isFetching}
        pagination={false}
        scroll={{ x: 900 }}
      />
    </Drawer>
  );
}
