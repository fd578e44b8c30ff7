import {
  CheckCircleOutlined,
  CloseCircleOutlined,
  FileExcelOutlined,
  FilePdfOutlined,
  RedoOutlined,
  SyncOutlined,
} from "@ant-design/icons";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  App,
  Button,
  Empty,
  Space,
  Table,
  type TableColumnsType,
  type TablePaginationConfig,
  Tag,
  Tooltip,
  Typography,
} from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../common/api.ts";
import { useFormatTime } from "../cases/time.tsx";
import { LoadFailed } from "../status.tsx";
import {
  periodOfReport,
  periodRange,
  REPORTS_KEY,
  type ReportItem,
  type ReportQuery,
  type ReportStatus,
  reportName,
} from "./report-period.ts";

/** How often a list with a report still being written asks again, so it turns 已生成 without a reload. */
const PENDING_REFRESH_MS = 3_000;

const STATUS_TAGS: Record<ReportStatus, { color: string; icon: ReactNode }> = {
  pending: { color: "processing", icon: <SyncOutlined spin /> },
  ready: { color: "success", icon: <CheckCircleOutlined /> },
  failed: { color: "error", icon: <CloseCircleOutlined /> },
};

function StatusTag({ report }: { report: ReportItem }) {
  const { t } = useTranslation();
  const { color, icon } = STATUS_TAGS[report.status];
  const tag = (
    <Tag color={color} icon={icon} data-testid="report-status">
      {t(`reports.status.${report.status}`)}
    </Tag>
  );
  if (report.status !== "failed" || !report.error) return tag;
  return <Tooltip title={t("reports.list.failed", { error: report.error })}>{tag}</Tooltip>;
}

/** A failed report made again, as it was asked for; the list shows it 生成中 at once. */
function Remake({ report }: { report: ReportItem }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const remake = useMutation({
    mutationFn: () =>
      api.post("/api/v1/dashboard/reports", {
        kind: report.kind,
        period: periodOfReport(report),
        subjectType: report.subjectType,
        subjectId: report.subjectId,
      }),
    onSuccess: () => {
      message.success(t("reports.generate.started", { name: reportName(t, report) }));
      return client.invalidateQueries({ queryKey: REPORTS_KEY });
    },
    onError: (err) => void message.error(err.message),
  });
  return (
    <Button
      type="link"
      size="small"
      icon={<RedoOutlined />}
      loading={remake.isPending}
      onClick={() => remake.mutate()}
      style={{ paddingInline: 0 }}
    >
      {t("reports.list.remake")}
    </Button>
  );
}

/** The two files of a ready report, as plain links: the server's Content-Disposition names the download. */
function Downloads({ report }: { report: ReportItem }) {
  const { t } = useTranslation();
  if (report.status === "failed") return <Remake report={report} />;
  if (!report.files) return <Typography.Text type="secondary">{t("common.none")}</Typography.Text>;
  return (
    <Space size={16} style={{ whiteSpace: "nowrap" }}>
      <a href={report.files.xlsx}>
        <FileExcelOutlined style={{ marginInlineEnd: 4 }} />
        {t("reports.download.xlsx")}
      </a>
      <a href={report.files.pdf}>
        <FilePdfOutlined style={{ marginInlineEnd: 4 }} />
        {t("reports.download.pdf")}
      </a>
    </Space>
  );
}

/** The reports of the filter, newest period first, a page at a time. */
export function ReportsTable({
  query,
  pagination,
}: {
  query: ReportQuery;
  pagination: (total: number | undefined) => TablePaginationConfig;
}) {
  const { t } = useTranslation();
  const format = useFormatTime();
  const result = useQuery({
    queryKey: [...REPORTS_KEY, query],
    queryFn: ({ signal }) => api.get("/api/v1/dashboard/reports", { query, signal }),
    placeholderData: keepPreviousData,
    refetchInterval: (q) =>
      q.state.data?.items.some((r) => r.status === "pending") ? PENDING_REFRESH_MS : false,
  });
  const columns: TableColumnsType<ReportItem> = [
    {
      title: t("reports.columns.name"),
      key: "name",
      width: 280,
      ellipsis: { showTitle: true },
      render: (_, r) => <strong>{reportName(t, r)}</strong>,
    },
    {
      title: t("reports.columns.kind"),
      dataIndex: "kind",
      width: 80,
      render: (kind: ReportItem["kind"]) => (
        <Tag color={kind === "monthly" ? "blue" : "purple"}>{t(`reports.kind.${kind}`)}</Tag>
      ),
    },
    { title: t("reports.columns.period"), key: "period", width: 220, render: (_, r) => periodRange(t, r) },
    {
      title: t("reports.columns.status"),
      dataIndex: "status",
      width: 110,
      render: (_, r) => <StatusTag report={r} />,
    },
    {
      title: t("reports.columns.generatedAt"),
      dataIndex: "generatedAt",
      width: 180,
      // A report being made again, or failed, has no files: a former time would say otherwise.
      render: (at: string | null, r) =>
        r.status !== "ready" || !at ? (
          <Typography.Text type="secondary">{t("common.none")}</Typography.Text>
        ) : (
          format(at)
        ),
    },
    {
      title: t("reports.columns.actions"),
      key: "actions",
      width: 240,
      render: (_, r) => <Downloads report={r} />,
    },
  ];
  return (
    <>
      {result.error && (
        <LoadFailed error={result.error} retry={() => void result.refetch()} style={{ marginBottom: 16 }} />
      )}
      <Table<ReportItem>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={result.data?.items}
        // The 3-second refresh of a pending report keeps the rows still; only a real load spins.
        loading={result.isPending || (result.isFetching && result.isPlaceholderData)}
        scroll={{ x: 1110 }}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("reports.list.empty")} />,
        }}
        pagination={pagination(result.data?.total)}
      />
    </>
  );
}
