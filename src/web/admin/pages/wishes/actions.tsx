import { App, Button, Form, Input, Modal, Popconfirm, Space } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useStaffStep, type WishDetail } from "./labels.tsx";

/** 通过并上墙 / 不通过 (with the reason the wisher will read). */
export function ReviewButtons({ id, size }: { id: string; size?: "small" | "middle" }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const step = useStaffStep();
  const [rejecting, setRejecting] = useState(false);
  const [form] = Form.useForm<{ note: string }>();
  const review = (approve: boolean, note?: string) =>
    step.mutate(
      { id, step: { action: "review", approve, note } },
      {
        onSuccess: () => {
          setRejecting(false);
          void message.success(t(approve ? "wishesAdmin.review.approved" : "wishesAdmin.review.rejected"));
        },
      },
    );
  return (
    <Space size={8} onClick={(e) => e.stopPropagation()}>
      <Button type="primary" size={size} loading={step.isPending && !rejecting} onClick={() => review(true)}>
        {t("wishesAdmin.review.approve")}
      </Button>
      <Button danger size={size} onClick={() => setRejecting(true)}>
        {t("wishesAdmin.review.reject")}
      </Button>
      <Modal
        open={rejecting}
        title={t("wishesAdmin.review.rejectTitle")}
        okText={t("wishesAdmin.review.submit")}
        cancelText={t("wishesAdmin.review.cancel")}
        confirmLoading={step.isPending}
        destroyOnHidden
        onCancel={() => setRejecting(false)}
        onOk={() => void form.validateFields().then((v) => review(false, v.note.trim()))}
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item
            name="note"
            label={t("wishesAdmin.review.reason")}
            rules={[{ required: true, whitespace: true, message: t("wishesAdmin.review.reasonRequired") }]}
          >
            <Input.TextArea
              rows={3}
              maxLength={500}
              showCount
              placeholder={t("wishesAdmin.review.reasonPlaceholder")}
            />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}

/** The staff steps a wish allows now: review, release a claim, confirm for a wisher without an account. */
export function DetailActions({ w }: { w: WishDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const step = useStaffStep();
  const can = (a: WishDetail["allowedActions"][number]) => w.allowedActions.includes(a);
  const ok = () => void message.success(t("wishesAdmin.detail.done"));
  return (
    <Space wrap>
      {can("approve") && <ReviewButtons id={w.id} />}
      {can("release") && (
        <Popconfirm
          title={t("wishesAdmin.detail.releaseConfirm")}
          okText={t("wishesAdmin.review.submit")}
          cancelText={t("wishesAdmin.review.cancel")}
          onConfirm={() => step.mutate({ id: w.id, step: { action: "release" } }, { onSuccess: ok })}
        >
          <Button>{t("wishesAdmin.detail.release")}</Button>
        </Popconfirm>
      )}
      {can("confirm") && (
        <Popconfirm
          title={t("wishesAdmin.detail.confirmConfirm")}
          okText={t("wishesAdmin.review.submit")}
          cancelText={t("wishesAdmin.review.cancel")}
          onConfirm={() => step.mutate({ id: w.id, step: { action: "confirm" } }, { onSuccess: ok })}
        >
          <Button type="primary">{t("wishesAdmin.detail.confirm")}</Button>
        </Popconfirm>
      )}
    </Space>
  );
}
