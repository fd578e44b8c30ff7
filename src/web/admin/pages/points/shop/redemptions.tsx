import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  App,
  Button,
  Empty,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { pointsShopZhCN } from "../../../../../shared/locales/points-shop.zh-CN.ts";
import { api, type ResponseOf } from "../../../../common/api.ts";
import { ExportButton } from "../../../components/export-button.tsx";
import { TerritoryPicker } from "../../cases/territory-picker.tsx";
import { LoadFailed } from "../../status.tsx";
import { SHOP_KEY } from "./items.tsx";

type Redemption = ResponseOf<"/api/v1/points/redemptions", "get">["items"][number];
type Status = Redemption["status"];
const PAGE_SIZE = 20;
const COLOURS: Record<Status, string> = { reserved: "orange", delivered: "green", cancelled: "default" };

/** What was redeemed in the caller's area: filter by status and place, cancel with a reason, export. */
export function RedemptionsTab() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [status, setStatus] = useState<Status>();
  const [underId, setUnderId] = useState<string>();
  const [page, setPage] = useState(1);
  const [cancelling, setCancelling] = useState<Redemption>();
  const filters = { status, underId };
  const query = { ...filters, page, pageSize: PAGE_SIZE };
  const result = useQuery({
    queryKey: [...SHOP_KEY, "redemptions", query],
    queryFn: ({ signal }) => api.get("/api/v1/points/redemptions", { query, signal }),
    placeholderData: keepPreviousData,
  });
  const deliver = useMutation({
    mutationFn: (code: string) => api.post("/api/v1/points/redemptions/deliver", { code }),
    onSuccess: () => void message.success(t("pointsShop.admin.delivered")),
    onError: (err) => void message.error(err.message),
    onSettled: () => client.invalidateQueries({ queryKey: SHOP_KEY }),
  });
  const when = (iso: string | null) =>
    iso ? new Date(iso).toLocaleString(i18n.language, { hour12: false }) : "";
  const c = (key: keyof typeof pointsShopZhCN.columns) => t(`pointsShop.columns.${key}`);
  const columns: TableColumnsType<Redemption> = [
    { title: c("createdAt"), dataIndex: "createdAt", width: 170, render: when },
    { title: c("holder"), dataIndex: "holderName", width: 100 },
    {
      title: c("name"),
      key: "item",
      render: (_: unknown, r) => `${r.item.name}${r.quantity > 1 ? ` ×${r.quantity}` : ""}`,
    },
    { title: c("points"), dataIndex: "points", width: 80, align: "right" },
    {
      title: c("merchant"),
      dataIndex: ["merchant", "name"],
      width: 180,
      render: (name?: string) => name ?? t("pointsShop.admin.noShop"),
    },
    {
      title: c("status"),
      dataIndex: "status",
      width: 90,
      render: (s: Status) => <Tag color={COLOURS[s]}>{t(`pointsShop.status.${s}`)}</Tag>,
    },
    {
      title: c("deliveredAt"),
      key: "when",
      width: 170,
      render: (_: unknown, r) => when(r.deliveredAt) || (r.cancelReason ?? ""),
    },
    {
      title: t("pointsShop.admin.actions"),
      key: "actions",
      width: 100,
      render: (_: unknown, r) =>
        r.allowedActions.includes("cancel") && (
          <Button size="small" danger onClick={() => setCancelling(r)}>
            {t("pointsShop.admin.cancel")}
          </Button>
        ),
    },
  ];
  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      <Space wrap size={12}>
        <Select<Status | "">
          value={status ?? ""}
          style={{ width: 130 }}
          onChange={(v) => {
            setStatus(v || undefined);
            setPage(1);
          }}
          options={[
            { value: "", label: t("pointsShop.admin.allStatus") },
            ...(["reserved", "delivered", "cancelled"] as const).map((s) => ({
              value: s,
              label: t(`pointsShop.status.${s}`),
            })),
          ]}
        />
        <TerritoryPicker
          value={underId}
          onChange={(v) => {
            setUnderId(v);
            setPage(1);
          }}
        />
        <Input.Search
          allowClear
          style={{ width: 240 }}
          enterButton={t("pointsShop.admin.deliver")}
          placeholder={t("pointsShop.scanPage.placeholder")}
          loading={deliver.isPending}
          onSearch={(v) => v.trim() && deliver.mutate(v.trim())}
        />
        <ExportButton path="/api/v1/points/redemptions" query={filters} />
      </Space>
      {result.error && <LoadFailed error={result.error} retry={() => void result.refetch()} />}
      <Table<Redemption>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={result.data?.items}
        loading={result.isFetching}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: result.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
        }}
      />
      {cancelling && <CancelModal r={cancelling} onClose={() => setCancelling(undefined)} />}
    </Space>
  );
}

/** Cancel with a reason: the points and the stock go back, and the holder is told why. */
function CancelModal({ r, onClose }: { r: Redemption; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<{ reason: string }>();
  const cancel = useMutation({
    mutationFn: (reason: string) =>
      api.post("/api/v1/points/redemptions/{id}/cancel", { reason }, { path: { id: r.id } }),
    onSuccess: () => {
      void message.success(t("pointsShop.admin.cancelDone"));
      onClose();
    },
    onError: (err) => void message.error(err.message),
    onSettled: () => client.invalidateQueries({ queryKey: SHOP_KEY }),
  });
  return (
    <Modal
      open
      title={t("pointsShop.admin.cancelTitle")}
      confirmLoading={cancel.isPending}
      onCancel={onClose}
      onOk={() => void form.validateFields().then((v) => cancel.mutate(v.reason.trim()))}
      okButtonProps={{ danger: true }}
      destroyOnHidden
    >
      <p>
        {r.holderName} · {r.item.name} · {t("pointsShop.phone.points", { points: r.points })}
      </p>
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label={t("pointsShop.admin.cancelReason")}
          extra={t("pointsShop.admin.cancelReasonHint")}
          rules={[{ required: true, whitespace: true, message: " " }]}
        >
          <Input.TextArea rows={3} maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
