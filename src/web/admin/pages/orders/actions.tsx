import { useMutation, useQueryClient } from "@tanstack/react-query";
import { App, Button, Form, Input, Modal, Rate, Space } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../common/api.ts";
import { SubmitError } from "../../components/form-modal.tsx";
import { ORDERS_KEY, type OrderDetail } from "./order-data.ts";

type Step = "cancel" | "rate";

/** The staff's steps on an order: cancel it (with a reason), or record a callback's rating (回访). */
export function OrderActionButtons({ o }: { o: OrderDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [open, setOpen] = useState<Step | null>(null);
  const [form] = Form.useForm<{ note?: string; score?: number; comment?: string }>();
  const step = useMutation({
    mutationFn: (v: { note?: string; score?: number; comment?: string }) => {
      const path = { path: { idOrCode: o.code } };
      if (open === "rate")
        return api.post(
          "/api/v1/orders/{idOrCode}/rate",
          { score: v.score ?? 0, ...(v.comment?.trim() ? { comment: v.comment.trim() } : {}) },
          path,
        );
      return api.post(
        "/api/v1/orders/{idOrCode}/cancel",
        v.note?.trim() ? { note: v.note.trim() } : {},
        path,
      );
    },
    onSuccess: () => {
      message.success(t("orders.admin.detail.done"));
      setOpen(null);
      form.resetFields();
    },
    onSettled: () => client.invalidateQueries({ queryKey: ORDERS_KEY }),
  });
  const show = (s: Step) => {
    step.reset();
    form.resetFields();
    setOpen(s);
  };
  return (
    <>
      <Space wrap>
        {o.allowedActions.includes("rate") && (
          <Button type="primary" onClick={() => show("rate")}>
            {t("orders.admin.detail.callback")}
          </Button>
        )}
        {o.allowedActions.includes("cancel") && (
          <Button danger onClick={() => show("cancel")}>
            {t("orders.action.cancel")}
          </Button>
        )}
      </Space>
      <Modal
        open={open !== null}
        title={open === "rate" ? t("orders.admin.detail.callback") : t("orders.admin.detail.cancelConfirm")}
        onCancel={() => setOpen(null)}
        onOk={() => form.submit()}
        okText={t("orders.mobile.detail.confirm")}
        cancelText={t("user.cancel")}
        okButtonProps={{ danger: open === "cancel" }}
        confirmLoading={step.isPending}
        destroyOnHidden
      >
        <SubmitError error={step.error} />
        <Form form={form} layout="vertical" onFinish={(v) => step.mutate(v)}>
          {open === "rate" ? (
            <>
              <p>{t("orders.admin.detail.callbackHint")}</p>
              <Form.Item
                name="score"
                label={t("orders.fields.score")}
                rules={[{ required: true, message: t("orders.admin.detail.scoreRequired") }]}
              >
                <Rate />
              </Form.Item>
              <Form.Item name="comment" label={t("orders.admin.detail.comment")}>
                <Input.TextArea rows={3} maxLength={500} showCount />
              </Form.Item>
            </>
          ) : (
            <Form.Item name="note" label={t("orders.admin.detail.cancelReason")}>
              <Input.TextArea rows={3} maxLength={2000} showCount />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}
