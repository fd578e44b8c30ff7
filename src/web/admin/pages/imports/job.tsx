import { DownloadOutlined } from "@ant-design/icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Card,
  Progress,
  Result,
  Space,
  Spin,
  Steps,
  Table,
  type TableColumnsType,
  Typography,
} from "antd";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { ApiError, api } from "../../../common/api.ts";
import { NotFound } from "../status.tsx";
import { type ImportJob, RUNNING, reportUrl, StatusTag, summaryText } from "./shared.tsx";

type Problem = ImportJob["problems"][number];

/** Where the job is in the wizard's four steps. */
const STEP: Record<ImportJob["status"], number> = {
  checking: 2,
  checked: 3,
  rejected: 2,
  writing: 3,
  done: 3,
  failed: 3,
  expired: 3,
};

const percent = (part: number, whole: number) =>
  whole > 0 ? Math.min(100, Math.floor((part / whole) * 100)) : 0;

/**
 * One import: its check as a progress bar (polled every second; the page may be left and opened
 * again), then the row report or the confirmation, then the write and what it did.
 */
export function ImportJobPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const job = useQuery({
    queryKey: ["imports", "job", id],
    queryFn: ({ signal }) => api.get("/api/v1/imports/{id}", { path: { id }, signal }),
    refetchInterval: (q) => (q.state.data && RUNNING.includes(q.state.data.status) ? 1000 : false),
    staleTime: 0,
  });
  if (job.isPending) return <Spin />;
  if (job.isError)
    return job.error instanceof ApiError && job.error.status === 404 ? (
      <NotFound />
    ) : (
      <Alert type="error" showIcon title={job.error.message} />
    );
  const j = job.data;
  return (
    <Card
      title={
        <Space>
          {t("imports.job.title", { file: j.filename })}
          <StatusTag status={j.status} />
        </Space>
      }
      extra={<Link to="/imports">{t("nav.imports")}</Link>}
    >
      <Steps
        current={STEP[j.status]}
        status={
          j.status === "rejected" || j.status === "failed" || j.status === "expired"
            ? "error"
            : j.status === "done"
              ? "finish"
              : "process"
        }
        style={{ marginBottom: 24 }}
        items={[
          { title: t("imports.steps.kind") },
          { title: t("imports.steps.upload") },
          { title: t("imports.steps.check") },
          { title: t("imports.steps.write") },
        ]}
      />
      <JobBody job={j} />
    </Card>
  );
}

function JobBody({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  switch (job.status) {
    case "checking":
      return (
        <Running
          title={t("imports.job.checking")}
          percent={percent(job.rowsChecked, job.rowsTotal)}
          text={t("imports.job.checked", { checked: job.rowsChecked, total: job.rowsTotal })}
        />
      );
    case "writing":
      return (
        <Running
          title={t("imports.job.writing")}
          percent={percent(job.rowsWritten, job.rowsTotal)}
          text={t("imports.job.written", { written: job.rowsWritten, total: job.rowsTotal })}
        />
      );
    case "checked":
      return <Checked job={job} />;
    case "rejected":
      return <Rejected job={job} />;
    case "done":
      return (
        <Result
          status="success"
          title={t("imports.job.done")}
          subTitle={<span data-testid="import-summary">{summaryText(t, job.summary)}</span>}
          extra={<Link to="/imports">{t("nav.imports")}</Link>}
        />
      );
    case "failed":
    case "expired":
      return (
        <Result
          status={job.status === "failed" ? "error" : "warning"}
          title={t(`imports.job.${job.status}`)}
          subTitle={job.message}
          extra={<Link to={`/imports?kind=${job.kind}`}>{t("imports.job.again")}</Link>}
        />
      );
  }
}

function Running({ title, percent, text }: { title: string; percent: number; text: string }) {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" size={12} style={{ width: "100%", maxWidth: 640 }}>
      <Typography.Text strong>{title}</Typography.Text>
      <Progress percent={percent} status="active" />
      <Typography.Text>{text}</Typography.Text>
      <Typography.Text type="secondary">{t("imports.job.leave")}</Typography.Text>
    </Space>
  );
}

function Checked({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const confirm = useMutation({
    mutationFn: () => api.post("/api/v1/imports/{id}/confirm", undefined, { path: { id: job.id } }),
    onSuccess: (next) => client.setQueryData(["imports", "job", job.id], next),
    onError: (err) => message.error((err as Error).message),
  });
  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      <Alert
        type="success"
        showIcon
        title={t("imports.job.passed", { total: job.rowsTotal })}
        description={t("imports.job.passedHint")}
      />
      {job.canConfirm ? (
        <Button type="primary" loading={confirm.isPending} onClick={() => confirm.mutate()}>
          {t("imports.job.confirm")}
        </Button>
      ) : (
        <Typography.Text type="secondary">{t("imports.job.confirmNotMine")}</Typography.Text>
      )}
    </Space>
  );
}

function Rejected({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<Problem> = [
    { title: t("imports.problems.row"), dataIndex: "row", width: 80 },
    {
      title: t("imports.problems.column"),
      dataIndex: "column",
      width: 160,
      render: (c?: string) => c ?? "—",
    },
    { title: t("imports.problems.reason"), dataIndex: "reason" },
  ];
  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      <Alert
        type="error"
        showIcon
        title={t("imports.job.rejected", { count: job.errorCount })}
        description={t("imports.job.rejectedHint")}
      />
      <Space>
        {!job.hasReport ? (
          <Typography.Text type="secondary">{t("imports.job.reportExpired")}</Typography.Text>
        ) : job.mine ? (
          <Button type="primary" icon={<DownloadOutlined />} href={reportUrl(job.id)} download>
            {t("imports.job.report")}
          </Button>
        ) : (
          <Typography.Text type="secondary">{t("imports.job.reportNotMine")}</Typography.Text>
        )}
        <Link to={`/imports?kind=${job.kind}`}>{t("imports.job.again")}</Link>
      </Space>
      <Table<Problem>
        rowKey={(p) => `${p.row}|${p.column ?? ""}|${p.reason}`}
        size="small"
        columns={columns}
        dataSource={job.problems}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        data-testid="import-problems"
      />
      {job.errorCount > job.problems.length && (
        <Typography.Text type="secondary">
          {t("imports.job.more", { shown: job.problems.length })}
        </Typography.Text>
      )}
    </Space>
  );
}
