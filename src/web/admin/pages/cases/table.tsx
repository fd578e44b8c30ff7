import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Empty, Space, Table, type TableColumnsType, Typography } from "antd";
import type { SorterResult } from "antd/es/table/interface";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { api } from "../../../common/api.ts";
import { LoadFailed } from "../status.tsx";
import { CaseFlags, type CaseItem, channelLabel, StatusTag } from "./case-labels.tsx";
import type { CaseListParams, CaseQuery } from "./filters.tsx";
import { Deadline, useFormatTime } from "./time.tsx";

/** Overdue rows stand out from the page even before the tag is read. */
const OVERDUE_ROW = { background: "#fff1f0" };

/** The cases of the filter, a page at a time; a row opens the case. */
export function CasesTable({ list, query }: { list: CaseListParams; query: CaseQuery }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const format = useFormatTime();
  const result = useQuery({
    queryKey: ["cases", "list", query],
    queryFn: ({ signal }) => api.get("/api/v1/cases", { query, signal }),
    placeholderData: keepPreviousData,
  });
  const sort = query.sort ?? "-createdAt";

  const columns: TableColumnsType<CaseItem> = [
    {
      title: t("casesAdmin.columns.code"),
      dataIndex: "code",
      width: 160,
      render: (code: string) => <Typography.Text strong>{code}</Typography.Text>,
    },
    { title: t("casesAdmin.columns.category"), dataIndex: "categoryName", width: 100 },
    {
      title: t("casesAdmin.columns.description"),
      dataIndex: "description",
      width: 260,
      ellipsis: { showTitle: true },
    },
    {
      title: t("casesAdmin.columns.grid"),
      dataIndex: "gridName",
      width: 140,
      ellipsis: { showTitle: true },
      render: (name: string | null) => name ?? t("common.none"),
    },
    {
      title: t("casesAdmin.columns.channel"),
      dataIndex: "channel",
      width: 110,
      render: (c: CaseItem["channel"]) => channelLabel(t, c),
    },
    {
      title: t("casesAdmin.columns.status"),
      dataIndex: "status",
      width: 210,
      render: (_, c) => (
        <Space size={[4, 4]} wrap>
          <StatusTag status={c.status} />
          <CaseFlags c={c} />
        </Space>
      ),
    },
    {
      title: t("casesAdmin.columns.createdAt"),
      dataIndex: "createdAt",
      key: "createdAt",
      width: 165,
      sorter: true,
      sortDirections: ["descend", "ascend"],
      sortOrder: sort === "createdAt" ? "ascend" : sort === "-createdAt" ? "descend" : null,
      render: (at: string) => format(at),
    },
    {
      title: t("casesAdmin.columns.deadline"),
      dataIndex: "resolveDueAt",
      key: "resolveDueAt",
      width: 165,
      sorter: true,
      sortDirections: ["ascend"],
      sortOrder: sort === "resolveDueAt" ? "ascend" : null,
      render: (_, c) => <Deadline c={c} />,
    },
  ];

  const onSort = (sorter: SorterResult<CaseItem> | SorterResult<CaseItem>[]) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const next =
      s?.columnKey === "resolveDueAt" && s.order
        ? "resolveDueAt"
        : s?.columnKey === "createdAt" && s.order === "ascend"
          ? "createdAt"
          : undefined; // newest first, the default
    list.setFilter("sort", next);
  };

  return (
    <>
      {result.error && (
        <LoadFailed error={result.error} retry={() => void result.refetch()} style={{ marginBottom: 16 }} />
      )}
      <Table<CaseItem>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={result.data?.items}
        loading={result.isFetching}
        scroll={{ x: 1310 }}
        onChange={(_, __, sorter, extra) => {
          if (extra.action === "sort") onSort(sorter);
        }}
        onRow={(c) => ({
          onClick: () => navigate(`/cases/${c.code}`),
          style: { cursor: "pointer", ...(c.overdue ? OVERDUE_ROW : {}) },
        })}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("casesAdmin.list.empty")} />,
        }}
        pagination={list.pagination(result.data?.total, (count) => t("casesAdmin.list.total", { count }))}
      />
    </>
  );
}
