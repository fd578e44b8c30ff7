import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Empty, Space, Table, type TableColumnsType, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { api } from "../../../common/api.ts";
import { useFormatTime } from "../cases/time.tsx";
import { LoadFailed } from "../status.tsx";
import { ReviewButtons } from "./actions.tsx";
import { claimerText, StatusTag, WISHES_KEY, type WishItem, type WishQuery } from "./labels.tsx";

/**
 * Wishes of the query, a page at a time; a row opens the wish. In the review queue each row has
 * its 通过 / 不通过 buttons, so a worker goes down the list without opening each.
 */
export function WishesTable({
  query,
  review,
  pagination,
}: {
  query: WishQuery;
  review?: boolean;
  pagination: (total: number | undefined) => object;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const format = useFormatTime();
  const result = useQuery({
    queryKey: [...WISHES_KEY, "list", query],
    queryFn: ({ signal }) => api.get("/api/v1/wishes", { query, signal }),
    placeholderData: keepPreviousData,
  });
  const c = (key: string) => t(`wishesAdmin.columns.${key}` as "wishesAdmin.columns.code");
  const columns: TableColumnsType<WishItem> = [
    {
      title: c("code"),
      dataIndex: "code",
      width: 170,
      render: (code: string) => (
        <Typography.Text strong style={{ whiteSpace: "nowrap" }}>
          {code}
        </Typography.Text>
      ),
    },
    {
      title: c("title"),
      dataIndex: "title",
      width: 260,
      render: (title: string, w) => (
        <Space orientation="vertical" size={0}>
          <span>{title}</span>
          {w.description && (
            <Typography.Text type="secondary" ellipsis={{ tooltip: w.description }} style={{ maxWidth: 240 }}>
              {w.description}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: c("category"),
      dataIndex: "category",
      width: 100,
      render: (v: WishItem["category"]) => t(`wishes.category.${v}`),
    },
    {
      title: c("wisher"),
      dataIndex: "wisherName",
      width: 150,
      render: (name: string, w) => (
        <Space size={4} wrap>
          <span>{name}</span>
          {w.wisherKind === "newEconomyWorker" && (
            <Tag color="gold">{t("wishes.wisherKind.newEconomyWorker")}</Tag>
          )}
        </Space>
      ),
    },
    { title: c("community"), dataIndex: ["community", "name"], width: 120 },
    // The review queue holds pending wishes only: its last column is the decision instead.
    ...(review
      ? []
      : [
          {
            title: c("status"),
            dataIndex: "status",
            width: 130,
            render: (s: WishItem["status"]) => <StatusTag status={s} />,
          },
          {
            title: c("claimer"),
            key: "claimer",
            width: 180,
            render: (_: unknown, w: WishItem) => claimerText(w) ?? t("common.none"),
          },
        ]),
    { title: c("createdAt"), dataIndex: "createdAt", width: 170, render: (at: string) => format(at) },
    ...(review
      ? [
          {
            title: c("actions"),
            key: "actions",
            width: 200,
            render: (_: unknown, w: WishItem) => <ReviewButtons id={w.id} size="small" />,
          },
        ]
      : []),
  ];
  return (
    <>
      {result.error && (
        <LoadFailed error={result.error} retry={() => void result.refetch()} style={{ marginBottom: 16 }} />
      )}
      <Table<WishItem>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={result.data?.items}
        loading={result.isFetching}
        scroll={review ? undefined : { x: 1260 }}
        onRow={(w) =>
          ({
            onClick: () => navigate(`/wishes/${w.code}`),
            style: { cursor: "pointer" },
            "data-testid": "wish-row",
          }) as object
        }
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={t(review ? "wishesAdmin.list.reviewEmpty" : "wishesAdmin.list.empty")}
            />
          ),
        }}
        pagination={pagination(result.data?.total)}
      />
    </>
  );
}
