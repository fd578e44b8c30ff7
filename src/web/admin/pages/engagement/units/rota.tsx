import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  App,
  Button,
  DatePicker,
  Empty,
  Form,
  InputNumber,
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
import { NodeSelect } from "../../accounts/node-select.tsx";
import { LoadFailed } from "../../status.tsx";
import { type RotaDay, UNITS_KEY } from "./data.ts";

/** 周六轮值: the Saturdays by date, which unit reports where; 生成 for a community. */
export function RotaTab({
  manage,
  paging,
  pagination,
}: {
  manage: boolean;
  paging: { page: number; pageSize: number };
  pagination: (total: number | undefined) => object;
}) {
  const { t } = useTranslation();
  const [generating, setGenerating] = useState(false);
  const query = { ...paging, from: new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10) };
  const result = useQuery({
    queryKey: [...UNITS_KEY, "rota", query],
    queryFn: ({ signal }) => api.get("/api/v1/engagement/rota", { query, signal }),
    placeholderData: keepPreviousData,
  });
  const columns: TableColumnsType<RotaDay> = [
    { title: t("engagementUnits.columns.day"), dataIndex: "day", width: 140 },
    { title: t("engagementUnits.columns.community"), dataIndex: ["community", "name"], width: 160 },
    { title: t("engagementUnits.columns.unit"), dataIndex: ["unit", "name"] },
    {
      title: t("engagementUnits.columns.reminded"),
      dataIndex: "remindedAt",
      width: 100,
      render: (at: string | null) =>
        at ? (
          <Tag color="green">{t("engagementUnits.rota.yes")}</Tag>
        ) : (
          <Tag>{t("engagementUnits.rota.no")}</Tag>
        ),
    },
  ];
  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      {manage && (
        <Button type="primary" onClick={() => setGenerating(true)}>
          {t("engagementUnits.rota.generate")}
        </Button>
      )}
      {result.error && <LoadFailed error={result.error} retry={() => void result.refetch()} />}
      <Table<RotaDay>
        rowKey={(d) => `${d.community.id}-${d.day}`}
        size="middle"
        columns={columns}
        dataSource={result.data?.items}
        loading={result.isFetching}
        locale={{
          emptyText: (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("engagementUnits.rota.empty")} />
          ),
        }}
        pagination={pagination(result.data?.total)}
      />
      <GenerateModal open={generating} onClose={() => setGenerating(false)} />
    </Space>
  );
}

function GenerateModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<{ communityId: string; from: Dayjs; weeks: number }>();
  const generate = useMutation({
    mutationFn: (v: { communityId: string; from: Dayjs; weeks: number }) =>
      api.post("/api/v1/engagement/rota", {
        communityId: v.communityId,
        from: v.from.format("YYYY-MM-DD"),
        weeks: v.weeks,
      }),
    onSuccess: (r) => {
      message.success(t("engagementUnits.rota.generated", { count: r.total }));
      void client.invalidateQueries({ queryKey: UNITS_KEY });
      onClose();
    },
    onError: (err) => message.error(err.message),
  });
  const required = { required: true, message: t("engagementUnits.pairings.required") };
  return (
    <Modal
      open={open}
      title={t("engagementUnits.rota.generateTitle")}
      okText={t("engagementUnits.review.submit")}
      cancelText={t("engagementUnits.review.cancel")}
      confirmLoading={generate.isPending}
      destroyOnHidden
      onCancel={onClose}
      onOk={() => form.submit()}
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ weeks: 8 }}
        onFinish={(v) => generate.mutate(v)}
      >
        <Form.Item name="communityId" label={t("engagementUnits.columns.community")} rules={[required]}>
          <NodeSelect levels={["community"]} />
        </Form.Item>
        <Form.Item name="from" label={t("engagementUnits.rota.from")} rules={[required]}>
          <DatePicker style={{ width: "100%" }} />
        </Form.Item>
        <Form.Item name="weeks" label={t("engagementUnits.rota.weeks")} rules={[required]}>
          <InputNumber min={1} max={26} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
