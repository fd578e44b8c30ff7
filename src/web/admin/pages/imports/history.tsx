import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Card, Table, type TableColumnsType } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { api, type ResponseOf } from "../../../common/api.ts";
import { useListParams } from "../list-params.ts";
import { type ImportKind, kindLabel, RUNNING, StatusTag } from "./shared.tsx";

type Row = ResponseOf<"/api/v1/imports", "get">["items"][number];

const when = (iso: string) => new Date(iso).toLocaleString();

/** 导入记录: the caller's imports and those of the people in his scope, newest first. */
export function ImportHistory({ kinds }: { kinds: ImportKind[] | undefined }) {
  const { t } = useTranslation();
  const { page, pageSize, pagination } = useListParams([]);
  const query = { page, pageSize };
  const result = useQuery({
    queryKey: ["imports", "list", query],
    queryFn: ({ signal }) => api.get("/api/v1/imports", { query, signal }),
    placeholderData: keepPreviousData,
    // A job still running changes under the reader's eyes.
    refetchInterval: (q) => (q.state.data?.items.some((j) => RUNNING.includes(j.status)) ? 2000 : false),
  });
  const columns: TableColumnsType<Row> = [
    {
      title: t("imports.list.file"),
      dataIndex: "filename",
      render: (name: string, j) => <Link to={`/imports/${j.id}`}>{name}</Link>,
    },
    {
      title: t("imports.list.kind"),
      dataIndex: "kind",
      width: 160,
      render: (k: string) => kindLabel(kinds, k),
    },
    {
      title: t("imports.list.status"),
      dataIndex: "status",
      width: 100,
      render: (s: Row["status"]) => <StatusTag status={s} />,
    },
    { title: t("imports.list.rows"), dataIndex: "rowsTotal", width: 90, align: "right" },
    { title: t("imports.list.by"), dataIndex: "createdByName", width: 120 },
    { title: t("imports.list.at"), dataIndex: "createdAt", width: 180, render: when },
  ];
  return (
    <Card title={t("imports.list.title")}>
      <Table<Row>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={result.data?.items}
        loading={result.isFetching && !result.data}
        locale={{ emptyText: t("imports.list.empty") }}
        pagination={pagination(result.data?.total, (count) => t("imports.list.total", { count }))}
      />
    </Card>
  );
}
