import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  App,
  Button,
  Empty,
  Form,
  Image,
  Input,
  Modal,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../../common/api.ts";
import { ExportButton } from "../../../components/export-button.tsx";
import { useFormatTime } from "../../cases/time.tsx";
import { LoadFailed } from "../../status.tsx";
import {
  REPORT_IN_STATUSES,
  type ReportIn,
  type ReportInQuery,
  type ReportInStatus,
  STATUS_COLOR,
  UNITS_KEY,
} from "./data.ts";

/** 报到审核: pending report-ins first; 通过, or 退回 with a reason; the letter's photo or PDF. */
export function ReviewTab({
  paging,
  pagination,
}: {
  paging: { page: number; pageSize: number };
  pagination: (total: number | undefined) => object;
}) {
  const { t } = useTranslation();
  const format = useFormatTime();
  const [status, setStatus] = useState<ReportInStatus | undefined>("pending");
  const [returning, setReturning] = useState<ReportIn | undefined>();
  const query: ReportInQuery = { ...paging, status: status ? [status] : undefined };
  const result = useQuery({
    queryKey: [...UNITS_KEY, "report-ins", query],
    queryFn: ({ signal }) => api.get("/api/v1/engagement/report-ins", { query, signal }),
    placeholderData: keepPreviousData,
  });
  const decide = useDecide();
  const c = (key: "member") => t(`engagementUnits.columns.${key}`);
  const columns: TableColumnsType<ReportIn> = [
    { title: c("member"), dataIndex: ["member", "name"], width: 100 },
    { title: t("engagementUnits.columns.unit"), dataIndex: ["unit", "name"], width: 180 },
    { title: t("engagementUnits.columns.community"), dataIndex: ["community", "name"], width: 120 },
    {
      title: t("engagementUnits.columns.status"),
      dataIndex: "status",
      width: 170,
      render: (s: ReportInStatus, r) => (
        <Space orientation="vertical" size={0}>
          <Tag color={STATUS_COLOR[s]}>{t(`engagementUnits.status.${s}`)}</Tag>
          {r.returnReason && s === "returned" && (
            <Typography.Text type="secondary">{r.returnReason}</Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t("engagementUnits.columns.letter"),
      key: "letter",
      width: 160,
      render: (_, r) => (
        <Space orientation="vertical" size={2}>
          {r.letter ? (
            <Image src={r.letter.url} width={64} alt={t("engagementUnits.review.letterPhoto")} />
          ) : (
            r.letterIssuedAt && <Tag color="blue">{t("engagementUnits.review.issuedByUnit")}</Tag>
          )}
          <a href={r.letterUrl} target="_blank" rel="noreferrer">
            {t("engagementUnits.review.viewLetter")}
          </a>
        </Space>
      ),
    },
    {
      title: t("engagementUnits.columns.submittedAt"),
      dataIndex: "updatedAt",
      width: 170,
      render: (at: string) => format(at),
    },
    {
      title: t("engagementUnits.columns.actions"),
      key: "actions",
      width: 150,
      fixed: "right",
      render: (_, r) => (
        <Space>
          {r.allowedActions.includes("approve") && (
            <Button
              type="primary"
              size="small"
              loading={decide.isPending && decide.variables?.id === r.id}
              onClick={() => decide.mutate({ id: r.id, action: "approve" })}
            >
              {t("engagementUnits.review.approve")}
            </Button>
          )}
          {r.allowedActions.includes("return") && (
            <Button size="small" danger onClick={() => setReturning(r)}>
              {t("engagementUnits.review.return")}
            </Button>
          )}
        </Space>
      ),
    },
  ];
  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      <Space wrap style={{ justifyContent: "space-between", width: "100%" }}>
        <Select<ReportInStatus | "">
          value={status ?? ""}
          style={{ width: 160 }}
          aria-label={t("engagementUnits.columns.status")}
          onChange={(v) => setStatus(v || undefined)}
          options={[
            { value: "", label: t("engagementUnits.review.all") },
            ...REPORT_IN_STATUSES.map((s) => ({ value: s, label: t(`engagementUnits.status.${s}`) })),
          ]}
        />
        <ExportButton path="/api/v1/engagement/report-ins" query={query} />
      </Space>
      {result.error && <LoadFailed error={result.error} retry={() => void result.refetch()} />}
      <Table<ReportIn>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={result.data?.items}
        loading={result.isFetching}
        scroll={{ x: 1000 }}
        onRow={() => ({ "data-testid": "report-in-row" }) as object}
        locale={{
          emptyText: (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("engagementUnits.review.empty")} />
          ),
        }}
        pagination={pagination(result.data?.total)}
      />
      <ReturnModal reportIn={returning} onClose={() => setReturning(undefined)} />
    </Space>
  );
}

function useDecide() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, reason }: { id: string; action: "approve" | "return"; reason?: string }) =>
      action === "approve"
        ? api.post("/api/v1/engagement/report-ins/{id}/approve", undefined, { path: { id } })
        : api.post("/api/v1/engagement/report-ins/{id}/return", { reason: reason ?? "" }, { path: { id } }),
    onSuccess: (r) => {
      message.success(t(`engagementUnits.review.${r.status === "approved" ? "approved" : "returned"}`));
      void client.invalidateQueries({ queryKey: UNITS_KEY });
    },
    onError: (err) => message.error(err.message),
  });
}

/** 退回报到: the reason the member reads on his phone. */
function ReturnModal({ reportIn, onClose }: { reportIn: ReportIn | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const decide = useDecide();
  return (
    <Modal
      open={!!reportIn}
      title={`${t("engagementUnits.review.returnTitle")} · ${reportIn?.member.name ?? ""}`}
      okText={t("engagementUnits.review.submit")}
      cancelText={t("engagementUnits.review.cancel")}
      confirmLoading={decide.isPending}
      destroyOnHidden
      onCancel={onClose}
      onOk={() => form.submit()}
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={(v) =>
          reportIn &&
          decide.mutate(
            { id: reportIn.id, action: "return", reason: v.reason.trim() },
            { onSuccess: onClose },
          )
        }
      >
        <Form.Item
          name="reason"
          label={t("engagementUnits.columns.reason")}
          rules={[{ required: true, whitespace: true, message: t("engagementUnits.review.reasonRequired") }]}
        >
          <Input.TextArea
            rows={3}
            maxLength={500}
            placeholder={t("engagementUnits.review.reasonPlaceholder")}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
