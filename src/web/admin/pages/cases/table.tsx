import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Empty, Space, Table, type TableColumnsType, Typography } from "antd";
import type { SorterResult } from "antd/es/table/interface";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { api } from "../../../common/api.ts";
import { holderText } from "../../../common/case-deadline.ts";
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
  // The overdue list comes longest overdue first (the server's default for it).
  const sort = query.sort ?? (query.overdue ? "lateness" : "-createdAt");

  // Five columns that fit 1366 px beside the menu without scrolling (the deadline last, always
  // in sight): the category under the code, the place under the text, who holds it under the status.
  const columns: TableColumnsType<CaseItem> = [
    {
      title: t("casesAdmin.columns.code"),
      dataIndex: "code",
      width: 150,
      render: (code: string, c) => (
        <>
          <Typography.Text strong style={{ whiteSpace: "nowrap" }}>
            {code}
          </Typography.Text>
          <br />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {c.categoryName}
          </Typography.Text>
        </>
      ),
    },
    {
      title: t("casesAdmin.columns.description"),
      dataIndex: "description",
      ellipsis: true,
      render: (text: string, c) => (
        <>
          <Typography.Text ellipsis={{ tooltip: text }} style={{ width: "100%" }}>
            {text}
          </Typography.Text>
          <br />
          <Typography.Text type="secondary" ellipsis style={{ fontSize: 12, width: "100%" }}>
            {[c.gridName ?? c.address, channelLabel(t, c.channel)].filter(Boolean).join(" · ")}
          </Typography.Text>
        </>
      ),
    },
    {
      title: t("casesAdmin.columns.status"),
      dataIndex: "status",
      width: 200,
      render: (_, c) => (
        <Space orientation="vertical" size={2}>
          <Space size={[4, 4]} wrap>
            <StatusTag status={c.status} />
            <CaseFlags c={c} />
          </Space>
          {c.holder && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {holderText(t, c.holder)}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t("casesAdmin.columns.createdAt"),
      dataIndex: "createdAt",
      key: "createdAt",
      width: 112,
      sorter: true,
      sortDirections: ["descend", "ascend"],
      sortOrder: sort === "createdAt" ? "ascend" : sort === "-createdAt" ? "descend" : null,
      render: (at: string) => <span title={format(at)}>{dayjs(at).format("MM-DD HH:mm")}</span>,
    },
    {
      title: t("casesAdmin.columns.deadline"),
      dataIndex: "resolveDueAt",
      key: "resolveDueAt",
      width: 160,
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
        tableLayout="fixed"
        scroll={{ x: 880 }}
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
