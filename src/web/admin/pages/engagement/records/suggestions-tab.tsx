import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Button, Empty, Form, Input, Modal, Space, Table, type TableColumnsType, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../../common/api.ts";
import { useFormatTime } from "../../cases/time.tsx";
import { CodeSelect } from "../../people/filters.tsx";
import { LoadFailed } from "../../status.tsx";
import { RECORDS_KEY, type Suggestion } from "./data.ts";

type Status = Suggestion["status"];
const STATUSES: readonly Status[] = ["pending", "adopted", "declined"];
const COLOR = { pending: "orange", adopted: "green", declined: "default" } as const;

/** 意见建议: members' suggestions, pending first; 采纳 / 不采纳 with the answer the member reads. */
export function SuggestionsTab({
  paging,
  pagination,
}: {
  paging: { page: number; pageSize: number };
  pagination: (total: number | undefined) => object;
}) {
  const { t } = useTranslation();
  const format = useFormatTime();
  const [status, setStatus] = useState<Status | undefined>("pending");
  const [answering, setAnswering] = useState<{ s: Suggestion; adopt: boolean } | undefined>();
  const query = { ...paging, status };
  const result = useQuery({
    queryKey: [...RECORDS_KEY, "suggestions", query],
    queryFn: ({ signal }) => api.get("/api/v1/engagement/suggestions", { query, signal }),
    placeholderData: keepPreviousData,
  });
  const c = (key: "member" | "text" | "status" | "answer" | "createdAt") =>
    t(`engagementRecords.columns.${key}`);
  const columns: TableColumnsType<Suggestion> = [
    { title: c("member"), dataIndex: "memberName", width: 90 },
    { title: c("text"), dataIndex: "text", width: 320 },
    { title: c("createdAt"), dataIndex: "createdAt", width: 160, render: (at: string) => format(at) },
    {
      title: c("status"),
      dataIndex: "status",
      width: 100,
      render: (s: Status) => <Tag color={COLOR[s]}>{t(`engagementRecords.suggestionStatus.${s}`)}</Tag>,
    },
    {
      title: c("answer"),
      key: "answer",
      width: 260,
      render: (_: unknown, s) =>
        s.status === "pending" ? (
          <Space>
            <Button type="primary" size="small" onClick={() => setAnswering({ s, adopt: true })}>
              {t("engagementRecords.actions.adopt")}
            </Button>
            <Button size="small" onClick={() => setAnswering({ s, adopt: false })}>
              {t("engagementRecords.actions.decline")}
            </Button>
          </Space>
        ) : (
          s.answer
        ),
    },
  ];
  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      <CodeSelect<Status>
        value={status}
        codes={STATUSES}
        label={t("engagementRecords.filters.status")}
        allLabel={t("engagementRecords.filters.all")}
        optionLabel={(s) => t(`engagementRecords.suggestionStatus.${s}`)}
        onChange={(s) => setStatus(s as Status | undefined)}
      />
      {result.error && <LoadFailed error={result.error} retry={() => void result.refetch()} />}
      <Table<Suggestion>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={result.data?.items}
        loading={result.isFetching}
        scroll={{ x: 930 }}
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={t("engagementRecords.emptySuggestions")}
            />
          ),
        }}
        pagination={pagination(result.data?.total)}
      />
      <AnswerModal answering={answering} onClose={() => setAnswering(undefined)} />
    </Space>
  );
}

function AnswerModal({
  answering,
  onClose,
}: {
  answering: { s: Suggestion; adopt: boolean } | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<{ answer: string }>();
  const answer = useMutation({
    mutationFn: ({ id, adopt, text }: { id: string; adopt: boolean; text: string }) =>
      adopt
        ? api.post("/api/v1/engagement/suggestions/{id}/adopt", { answer: text }, { path: { id } })
        : api.post("/api/v1/engagement/suggestions/{id}/decline", { answer: text }, { path: { id } }),
    onSuccess: () => {
      void message.success(t("engagementRecords.done"));
      void client.invalidateQueries({ queryKey: RECORDS_KEY });
      onClose();
    },
  });
  return (
    <Modal
      open={!!answering}
      title={t(answering?.adopt ? "engagementRecords.actions.adopt" : "engagementRecords.actions.decline")}
      confirmLoading={answer.isPending}
      destroyOnHidden
      onCancel={onClose}
      onOk={() =>
        void form
          .validateFields()
          .then((v) =>
            answer.mutate({ id: answering?.s.id ?? "", adopt: !!answering?.adopt, text: v.answer.trim() }),
          )
      }
    >
      <p>{answering?.s.text}</p>
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="answer"
          label={t("engagementRecords.answerLabel")}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input.TextArea
            rows={3}
            maxLength={500}
            showCount
            placeholder={t("engagementRecords.answerPlaceholder")}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
