import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Empty, Space, Table, type TableColumnsType, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { api, type QueryOf, type ResponseOf } from "../../../../common/api.ts";
import { useFormatTime } from "../../cases/time.tsx";
import { LoadFailed } from "../../status.tsx";

export type VisitQuery = QueryOf<"/api/v1/engagement/visits", "get">;
type VisitItem = ResponseOf<"/api/v1/engagement/visits", "get">["items"][number];

/** 走访记录 of the area: who visited which household, what he wrote, problems and their cases. */
export function VisitTable({
  query,
  pagination,
}: {
  query: VisitQuery;
  pagination: (total: number | undefined) => object;
}) {
  const { t } = useTranslation();
  const format = useFormatTime();
  const result = useQuery({
    queryKey: ["engagement", "visits", "admin", query],
    queryFn: ({ signal }) => api.get("/api/v1/engagement/visits", { query, signal }),
    placeholderData: keepPreviousData,
  });
  const c = (key: "visitedAt" | "member" | "address" | "note" | "problems") =>
    t(`engagementVisits.columns.${key}`);
  const columns: TableColumnsType<VisitItem> = [
    { title: c("visitedAt"), dataIndex: "visitedAt", width: 170, render: (at: string) => format(at) },
    { title: c("member"), dataIndex: "memberName", width: 100 },
    { title: c("address"), dataIndex: "address", width: 240 },
    {
      title: c("note"),
      dataIndex: "note",
      render: (note: string) => (
        <Typography.Paragraph ellipsis={{ rows: 2, tooltip: note }} style={{ marginBottom: 0 }}>
          {note}
        </Typography.Paragraph>
      ),
    },
    {
      title: c("problems"),
      dataIndex: "problems",
      width: 280,
      render: (problems: VisitItem["problems"]) =>
        problems.length === 0 ? (
          t("common.none")
        ) : (
          <Space orientation="vertical" size={2}>
            {problems.map((p) => (
              <span key={p.index}>
                {p.text}{" "}
                {p.caseCode && (
                  <Link to={`/cases/${p.caseCode}`}>
                    <Tag color="blue">{p.caseCode}</Tag>
                  </Link>
                )}
              </span>
            ))}
          </Space>
        ),
    },
  ];
  return (
    <>
      {result.error && (
        <LoadFailed error={result.error} retry={() => void result.refetch()} style={{ marginBottom: 16 }} />
      )}
      <Table<VisitItem>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={result.data?.items}
        loading={result.isFetching}
        scroll={{ x: 1100 }}
        locale={{
          emptyText: (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("engagementVisits.admin.emptyList")} />
          ),
        }}
        pagination={pagination(result.data?.total)}
      />
    </>
  );
}
