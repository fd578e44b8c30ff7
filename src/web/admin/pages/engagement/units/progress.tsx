import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Button, Empty, InputNumber, Popconfirm, Space, Table, type TableColumnsType, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../../common/api.ts";
import { LoadFailed } from "../../status.tsx";
import { type Progress, STATUS_COLOR, UNITS_KEY } from "./data.ts";

/**
 * 报到进度: per member, this year's report-in, 1+X, 六个一 and services. A unit's staff see every
 * member of their unit and issue the 介绍信 (report him in) for one not reported in yet.
 */
export function ProgressTab({
  unitStaff,
  paging,
  pagination,
}: {
  unitStaff: boolean;
  paging: { page: number; pageSize: number };
  pagination: (total: number | undefined) => object;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [year, setYear] = useState<number | undefined>();
  const query = { ...paging, year };
  const result = useQuery({
    queryKey: [...UNITS_KEY, "progress", query],
    queryFn: ({ signal }) => api.get("/api/v1/engagement/progress", { query, signal }),
    placeholderData: keepPreviousData,
  });
  const issue = useMutation({
    mutationFn: (memberId: string) => api.post("/api/v1/engagement/report-ins", { memberId }),
    onSuccess: () => {
      message.success(t("engagementUnits.progress.issued"));
      void client.invalidateQueries({ queryKey: UNITS_KEY });
    },
    onError: (err) => message.error(err.message),
  });
  const col = (key: "member" | "unit" | "community" | "status" | "menu" | "sixOnes" | "records" | "hours") =>
    t(`engagementUnits.columns.${key}`);
  const columns: TableColumnsType<Progress> = [
    { title: col("member"), dataIndex: ["member", "name"], width: 100 },
    { title: col("unit"), key: "unit", width: 200, render: (_, p) => p.unit?.name ?? "—" },
    { title: col("community"), key: "community", width: 120, render: (_, p) => p.community?.name ?? "—" },
    {
      title: col("status"),
      key: "status",
      width: 100,
      render: (_, p) =>
        p.status ? (
          <Tag color={STATUS_COLOR[p.status]}>{t(`engagementUnits.status.${p.status}`)}</Tag>
        ) : (
          <Tag>{t("engagementUnits.status.none")}</Tag>
        ),
    },
    {
      title: col("menu"),
      key: "menu",
      render: (_, p) => p.menu.map((m) => t(`engagementUnits.menu.${m}`)).join("、") || "—",
    },
    {
      title: col("sixOnes"),
      dataIndex: "sixOnesDone",
      width: 90,
      render: (n: number) => t("engagementUnits.progress.of6", { count: n }),
    },
    { title: col("records"), dataIndex: "records", width: 90 },
    { title: col("hours"), dataIndex: "hours", width: 120 },
    ...(unitStaff
      ? [
          {
            title: t("engagementUnits.columns.actions"),
            key: "actions",
            width: 130,
            render: (_: unknown, p: Progress) =>
              (!p.status || p.status === "returned") && (
                <Popconfirm
                  title={t("engagementUnits.progress.issueConfirm", { name: p.member.name })}
                  onConfirm={() => issue.mutate(p.member.id)}
                >
                  <Button
                    size="small"
                    type="primary"
                    loading={issue.isPending && issue.variables === p.member.id}
                  >
                    {t("engagementUnits.progress.issue")}
                  </Button>
                </Popconfirm>
              ),
          },
        ]
      : []),
  ];
  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      <Space>
        <span>{t("engagementUnits.columns.year")}</span>
        <InputNumber
          min={2000}
          max={2100}
          value={year ?? result.data?.year}
          onChange={(v) => setYear(v ?? undefined)}
          aria-label={t("engagementUnits.columns.year")}
        />
      </Space>
      {result.error && <LoadFailed error={result.error} retry={() => void result.refetch()} />}
      <Table<Progress>
        rowKey={(p) => p.member.id}
        size="middle"
        columns={columns}
        dataSource={result.data?.items}
        loading={result.isFetching}
        scroll={{ x: 1100 }}
        locale={{
          emptyText: (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("engagementUnits.progress.empty")} />
          ),
        }}
        pagination={pagination(result.data?.total)}
      />
    </Space>
  );
}
