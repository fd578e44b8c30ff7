import { useQuery } from "@tanstack/react-query";
import { Segmented, Space, Table, type TableColumnsType } from "antd";
import { useTranslation } from "react-i18next";
import { api, type ResponseOf } from "../../../common/api.ts";
import { LoadFailed } from "../status.tsx";
import { WISHES_KEY } from "./labels.tsx";

type Stats = ResponseOf<"/api/v1/wishes/stats", "get">;
type Row = Stats["items"][number];
type By = Stats["by"];

const FIGURES = [
  "posted",
  "published",
  "claimed",
  "fulfilled",
  "confirmed",
  "daysToClaim",
  "daysToConfirm",
] as const;

/** Per community or category of the caller's area: how many wishes got how far, and how fast. */
export function WishStats({ by, onBy }: { by: By; onBy: (by: By) => void }) {
  const { t } = useTranslation();
  const result = useQuery({
    queryKey: [...WISHES_KEY, "stats", by],
    queryFn: ({ signal }) => api.get("/api/v1/wishes/stats", { query: { by }, signal }),
  });
  const none = t("common.none");
  const columns: TableColumnsType<Row> = [
    {
      title: t("wishesAdmin.stats.name"),
      key: "name",
      render: (_, r) =>
        by === "category" ? t(`wishes.category.${r.key}` as "wishes.category.other") : (r.name ?? r.key),
    },
    ...FIGURES.map((f) => ({
      title: t(`wishesAdmin.stats.${f}`),
      dataIndex: f,
      align: "right" as const,
      render: (v: number | null) => v ?? none,
    })),
  ];
  const total = result.data?.total;
  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      <Segmented<By>
        aria-label={t("wishesAdmin.stats.by")}
        value={by}
        onChange={onBy}
        options={[
          { value: "community", label: t("wishesAdmin.stats.byCommunity") },
          { value: "category", label: t("wishesAdmin.stats.byCategory") },
        ]}
      />
      {result.error && <LoadFailed error={result.error} retry={() => void result.refetch()} />}
      <Table<Row>
        rowKey="key"
        size="middle"
        columns={columns}
        dataSource={result.data?.items}
        loading={result.isFetching}
        pagination={false}
        locale={{ emptyText: t("wishesAdmin.stats.empty") }}
        summary={() =>
          total && (
            <Table.Summary.Row style={{ fontWeight: 600 }}>
              <Table.Summary.Cell index={0}>{t("wishesAdmin.stats.total")}</Table.Summary.Cell>
              {FIGURES.map((f, i) => (
                <Table.Summary.Cell key={f} index={i + 1} align="right">
                  {total[f] ?? none}
                </Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          )
        }
      />
    </Space>
  );
}
