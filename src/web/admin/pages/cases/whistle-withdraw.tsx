import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Form, Input, Modal } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../../../common/api.ts";
import { type WhistleStatus, whistleStatusLabel } from "./case-labels.tsx";

/**
 * 撤回吹哨: calls a department's whistle off before it reports (the server offers it to the one
 * who whistled and to the community or street of the case), with an optional reason.
 */
export function WithdrawWhistleButton({ id, name }: { id: string; name: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ note?: string }>();
  const close = () => {
    setOpen(false);
    form.resetFields();
    run.reset();
  };
  const run = useMutation({
    mutationFn: (v: { note?: string }) =>
      api.post("/api/v1/whistles/{id}/withdraw", { note: v.note?.trim() || undefined }, { path: { id } }),
    onSuccess: () => {
      message.success(t("caseWork.whistle.withdrawn"));
      close();
      void client.invalidateQueries({ queryKey: ["cases"] });
      void client.invalidateQueries({ queryKey: ["whistles"] });
    },
    onError: (error) => {
      if (!(error instanceof ApiError && error.status === 409)) return;
      const status = (error.details as { status?: WhistleStatus } | undefined)?.status;
      message.warning(
        status ? t("casesAdmin.whistles.changed", { status: whistleStatusLabel(t, status) }) : error.message,
      );
      close();
      void client.invalidateQueries({ queryKey: ["cases"] });
    },
  });
  const conflict = run.error instanceof ApiError && run.error.status === 409;
  return (
    <>
      <Button size="small" danger onClick={() => setOpen(true)}>
        {t("caseWork.whistle.withdraw")}
      </Button>
      <Modal
        open={open}
        title={t("caseWork.whistle.withdrawTitle", { name })}
        onCancel={close}
        onOk={() => form.submit()}
        okText={t("casesAdmin.action.submit")}
        okButtonProps={{ danger: true }}
        cancelText={t("user.cancel")}
        confirmLoading={run.isPending}
        destroyOnHidden
      >
        {run.error && !conflict && (
          <Alert type="error" showIcon title={run.error.message} style={{ marginBottom: 16 }} />
        )}
        <Form form={form} layout="vertical" onFinish={(v) => run.mutate(v)}>
          <Form.Item name="note" label={t("caseWork.whistle.withdrawNote")}>
            <Input.TextArea
              rows={3}
              maxLength={2000}
              showCount
              placeholder={t("caseWork.whistle.withdrawHint")}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
