import { useMutation, useQueryClient } from "@tanstack/react-query";
import {
  App,
  Button,
  Empty,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../../common/api.ts";
import { LoadFailed } from "../../status.tsx";
import { GRADES, type Grade, type LedgerRow, RECORDS_KEY } from "./data.ts";
import { useLedger } from "./ledger-tab.tsx";
import { type UnitQuarter, UnitQuarterPicker } from "./unit-quarter.tsx";

const cardFile = (id: string, format: "pdf" | "xlsx") => `/api/v1/engagement/feedback-cards/${id}.${format}`;

/**
 * 反馈卡: each member of the unit for the quarter; the community writes the grade and its word
 * (again until sent), sends it to the unit, and both download it as PDF or Excel.
 */
export function CardsTab({
  value,
  onChange,
  canWrite,
}: {
  value: UnitQuarter;
  onChange: (v: UnitQuarter) => void;
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const ledger = useLedger(value);
  const [writing, setWriting] = useState<LedgerRow | undefined>();
  const send = useMutation({
    mutationFn: (id: string) =>
      api.post("/api/v1/engagement/feedback-cards/{id}/send", undefined, { path: { id } }),
    onSuccess: () => {
      void message.success(t("engagementRecords.done"));
      void client.invalidateQueries({ queryKey: RECORDS_KEY });
    },
  });
  const columns: TableColumnsType<LedgerRow> = [
    { title: t("engagementRecords.columns.member"), dataIndex: "memberName", width: 90 },
    { title: t("engagementRecords.columns.services"), dataIndex: "services", width: 90 },
    { title: t("engagementRecords.columns.hours"), dataIndex: "hours", width: 100 },
    {
      title: t("engagementRecords.columns.grade"),
      key: "grade",
      width: 90,
      render: (_: unknown, r) => (r.card ? t(`engagementRecords.grade.${r.card.grade}`) : t("common.none")),
    },
    {
      title: t("engagementRecords.columns.comment"),
      key: "comment",
      width: 260,
      render: (_: unknown, r) => r.card?.comment ?? "",
    },
    {
      title: t("engagementRecords.columns.card"),
      key: "sent",
      width: 90,
      render: (_: unknown, r) =>
        r.card &&
        (r.card.sentAt ? (
          <Tag color="green">{t("engagementRecords.sent")}</Tag>
        ) : (
          <Tag>{t("engagementRecords.notSent")}</Tag>
        )),
    },
    {
      title: "",
      key: "actions",
      width: 330,
      render: (_: unknown, r) => (
        <Space wrap size={4}>
          {canWrite && !r.card?.sentAt && (
            <Button size="small" onClick={() => setWriting(r)}>
              {t(r.card ? "engagementRecords.actions.edit" : "engagementRecords.actions.write")}
            </Button>
          )}
          {canWrite && r.card && !r.card.sentAt && (
            <Popconfirm
              title={t("engagementRecords.confirmSend")}
              onConfirm={() => send.mutate(r.card?.id ?? "")}
            >
              <Button size="small" type="primary" loading={send.isPending && send.variables === r.card.id}>
                {t("engagementRecords.actions.send")}
              </Button>
            </Popconfirm>
          )}
          {r.card && (
            <>
              <Button size="small" type="link" href={cardFile(r.card.id, "pdf")} download>
                {t("engagementRecords.actions.pdf")}
              </Button>
              <Button size="small" type="link" href={cardFile(r.card.id, "xlsx")} download>
                {t("engagementRecords.actions.excel")}
              </Button>
            </>
          )}
        </Space>
      ),
    },
  ];
  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      <UnitQuarterPicker value={value} onChange={onChange} />
      {ledger.error && <LoadFailed error={ledger.error} retry={() => void ledger.refetch()} />}
      <Table<LedgerRow>
        rowKey="memberId"
        size="middle"
        columns={columns}
        dataSource={ledger.data?.items}
        loading={ledger.isFetching}
        scroll={{ x: 1050 }}
        pagination={false}
        onRow={() => ({ "data-testid": "card-row" }) as object}
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={t(value.unitId ? "engagementRecords.emptyLedger" : "engagementRecords.pickUnit")}
            />
          ),
        }}
      />
      <CardModal row={writing} quarter={value} onClose={() => setWriting(undefined)} />
    </Space>
  );
}

function CardModal({
  row,
  quarter,
  onClose,
}: {
  row: LedgerRow | undefined;
  quarter: UnitQuarter;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<{ grade: Grade; comment: string }>();
  const save = useMutation({
    mutationFn: (v: { grade: Grade; comment: string }) =>
      api.put("/api/v1/engagement/feedback-cards", {
        memberId: row?.memberId ?? "",
        year: quarter.year,
        quarter: quarter.quarter,
        grade: v.grade,
        comment: v.comment.trim(),
      }),
    onSuccess: () => {
      void message.success(t("engagementRecords.done"));
      void client.invalidateQueries({ queryKey: RECORDS_KEY });
      onClose();
    },
  });
  return (
    <Modal
      open={!!row}
      title={`${t("engagementRecords.cardTitle")} · ${row?.memberName ?? ""}`}
      confirmLoading={save.isPending}
      destroyOnHidden
      onCancel={onClose}
      onOk={() => void form.validateFields().then((v) => save.mutate(v))}
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ grade: row?.card?.grade ?? "good", comment: row?.card?.comment ?? "" }}
      >
        <Form.Item name="grade" label={t("engagementRecords.columns.grade")} rules={[{ required: true }]}>
          <Select options={GRADES.map((g) => ({ value: g, label: t(`engagementRecords.grade.${g}`) }))} />
        </Form.Item>
        <Form.Item
          name="comment"
          label={t("engagementRecords.columns.comment")}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input.TextArea rows={4} maxLength={1000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
