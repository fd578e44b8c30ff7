import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  App,
  Button,
  DatePicker,
  Empty,
  Form,
  Input,
  Modal,
  Space,
  Table,
  type TableColumnsType,
  Tag,
} from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../../common/api.ts";
import { ExportButton } from "../../../components/export-button.tsx";
import { CodeSelect, SearchBox } from "../../people/filters.tsx";
import { LoadFailed } from "../../status.tsx";
import {
  RECORD_KINDS,
  RECORD_STATUSES,
  RECORDS_KEY,
  type RecordItem,
  type RecordKind,
  type RecordQuery,
  type RecordStatus,
  STATUS_COLOR,
} from "./data.ts";

/**
 * 待审核 (review: pending entries with 通过 / 退回) and 全部纪实 (every record with filters and export).
 * Staff of a unit see their members' records and no buttons: approving is the community's.
 */
export function RecordsTab({
  review,
  canDecide,
  paging,
  pagination,
}: {
  review: boolean;
  canDecide: boolean;
  paging: { page: number; pageSize: number };
  pagination: (total: number | undefined) => object;
}) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<RecordStatus | undefined>();
  const [kind, setKind] = useState<RecordKind | undefined>();
  const [q, setQ] = useState<string | undefined>();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [rejecting, setRejecting] = useState<RecordItem | undefined>();
  const query: RecordQuery = {
    ...paging,
    status: review ? "pending" : status,
    kind,
    q,
    from: range?.[0]?.format("YYYY-MM-DD"),
    to: range?.[1]?.format("YYYY-MM-DD"),
  };
  const result = useQuery({
    queryKey: [...RECORDS_KEY, "list", query],
    queryFn: ({ signal }) => api.get("/api/v1/engagement/records", { query, signal }),
    placeholderData: keepPreviousData,
  });
  const decide = useDecide();
  const c = (key: "member" | "unit" | "kind" | "title" | "servedOn" | "hours" | "status") =>
    t(`engagementRecords.columns.${key}`);
  const columns: TableColumnsType<RecordItem> = [
    { title: c("member"), dataIndex: "memberName", width: 90 },
    {
      title: c("unit"),
      dataIndex: "unitName",
      width: 180,
      render: (v: string | null) => v ?? t("common.none"),
    },
    {
      title: c("kind"),
      dataIndex: "kind",
      width: 110,
      render: (k: RecordKind) => t(`engagementRecords.kind.${k}`),
    },
    { title: c("title"), dataIndex: "title", width: 260 },
    { title: c("servedOn"), dataIndex: "servedOn", width: 110 },
    { title: c("hours"), dataIndex: "hours", width: 100, render: (h: number | null) => h ?? "" },
    {
      title: c("status"),
      dataIndex: "status",
      width: 160,
      render: (s: RecordStatus, r) => (
        <Space orientation="vertical" size={0}>
          <Tag color={STATUS_COLOR[s]}>{t(`engagementRecords.status.${s}`)}</Tag>
          {r.rejectReason && <span style={{ color: "#8c8c8c" }}>{r.rejectReason}</span>}
        </Space>
      ),
    },
    ...(review && canDecide
      ? [
          {
            title: "",
            key: "actions",
            width: 170,
            render: (_: unknown, r: RecordItem) => (
              <Space>
                <Button
                  type="primary"
                  size="small"
                  loading={decide.isPending && decide.variables?.id === r.id}
                  onClick={() => decide.mutate({ id: r.id, approve: true })}
                >
                  {t("engagementRecords.actions.approve")}
                </Button>
                <Button danger size="small" onClick={() => setRejecting(r)}>
                  {t("engagementRecords.actions.reject")}
                </Button>
              </Space>
            ),
          },
        ]
      : []),
  ];
  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      {!review && (
        <Space wrap size={12}>
          <CodeSelect<RecordStatus>
            value={status}
            codes={RECORD_STATUSES}
            label={t("engagementRecords.filters.status")}
            allLabel={t("engagementRecords.filters.all")}
            optionLabel={(s) => t(`engagementRecords.status.${s}`)}
            onChange={(s) => setStatus(s as RecordStatus | undefined)}
          />
          <CodeSelect<RecordKind>
            value={kind}
            codes={RECORD_KINDS}
            label={t("engagementRecords.filters.kind")}
            allLabel={t("engagementRecords.filters.all")}
            optionLabel={(k) => t(`engagementRecords.kind.${k}`)}
            onChange={(k) => setKind(k as RecordKind | undefined)}
          />
          <DatePicker.RangePicker value={range} onChange={(v) => setRange(v)} />
          <SearchBox value={q} placeholder={t("engagementRecords.filters.q")} onSearch={setQ} />
          <ExportButton path="/api/v1/engagement/records" query={query} />
        </Space>
      )}
      {result.error && <LoadFailed error={result.error} retry={() => void result.refetch()} />}
      <Table<RecordItem>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={result.data?.items}
        loading={result.isFetching}
        scroll={{ x: 1100 }}
        onRow={() => ({ "data-testid": "record-row" }) as object}
        locale={{
          emptyText: (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("engagementRecords.empty")} />
          ),
        }}
        pagination={pagination(result.data?.total)}
      />
      <RejectModal record={rejecting} onClose={() => setRejecting(undefined)} />
    </Space>
  );
}

function useDecide() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, approve, reason }: { id: string; approve: boolean; reason?: string }) =>
      approve
        ? api.post("/api/v1/engagement/records/{id}/approve", undefined, { path: { id } })
        : api.post("/api/v1/engagement/records/{id}/reject", { reason: reason ?? "" }, { path: { id } }),
    onSuccess: () => {
      void message.success(t("engagementRecords.done"));
      void client.invalidateQueries({ queryKey: RECORDS_KEY });
    },
  });
}

function RejectModal({ record, onClose }: { record: RecordItem | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const decide = useDecide();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open={!!record}
      title={t("engagementRecords.actions.reject")}
      confirmLoading={decide.isPending}
      destroyOnHidden
      onCancel={onClose}
      onOk={() =>
        void form
          .validateFields()
          .then((v) =>
            decide.mutate(
              { id: record?.id ?? "", approve: false, reason: v.reason.trim() },
              { onSuccess: onClose },
            ),
          )
      }
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="reason"
          label={t("engagementRecords.rejectReason")}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
