import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Form, Input, Modal, Rate } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../../../common/api.ts";
import { type WhistleStatus, whistleStatusLabel } from "./case-labels.tsx";

export type WhistleStep = "accept" | "report" | "rate";

interface Values {
  note?: string;
  score?: number;
}

/** A step of a whistle already taken by someone else: say so, and show the list as it is now. */
function useStep(id: string, step: WhistleStep, onDone: () => void) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: Values) => {
      const note = v.note?.trim() || undefined;
      const path = { path: { id } };
      if (step === "accept") return api.post("/api/v1/whistles/{id}/accept", { note }, path);
      if (step === "report") return api.post("/api/v1/whistles/{id}/report", { note: note ?? "" }, path);
      return api.post("/api/v1/whistles/{id}/rate", { score: v.score ?? 0, note }, path);
    },
    onSuccess: () => {
      message.success(t(`casesAdmin.whistles.done.${step}`));
      onDone();
      void client.invalidateQueries({ queryKey: ["cases"] });
      void client.invalidateQueries({ queryKey: ["whistles"] });
    },
    onError: (error) => {
      if (!(error instanceof ApiError && error.status === 409)) return;
      const status = (error.details as { status?: WhistleStatus } | undefined)?.status;
      message.warning(
        status ? t("casesAdmin.whistles.changed", { status: whistleStatusLabel(t, status) }) : error.message,
      );
      onDone();
      void client.invalidateQueries({ queryKey: ["cases"] });
      void client.invalidateQueries({ queryKey: ["whistles"] });
    },
  });
}

/** 报到: one click, the department has seen the whistle and is on it. */
export function AcceptButton({ id }: { id: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const accept = useStep(id, "accept", () => undefined);
  return (
    <Button
      type="primary"
      size="small"
      loading={accept.isPending}
      onClick={() =>
        accept.mutate(
          {},
          {
            onError: (e) => {
              if (!(e instanceof ApiError && e.status === 409)) message.error(e.message);
            },
          },
        )
      }
    >
      {t("casesAdmin.whistles.buttons.accept")}
    </Button>
  );
}

/** 反馈 (a department's report, note required) or 评价 (the community's score of that report). */
export function WhistleStepButton({
  id,
  step,
  title,
}: {
  id: string;
  step: "report" | "rate";
  title: string;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const close = () => {
    setOpen(false);
    form.resetFields();
    run.reset();
  };
  const run = useStep(id, step, close);
  const conflict = run.error instanceof ApiError && run.error.status === 409;
  return (
    <>
      <Button size="small" type={step === "report" ? "primary" : "default"} onClick={() => setOpen(true)}>
        {t(`casesAdmin.whistles.buttons.${step}`)}
      </Button>
      <Modal
        open={open}
        title={title}
        onCancel={close}
        onOk={() => form.submit()}
        okText={t("casesAdmin.action.submit")}
        cancelText={t("user.cancel")}
        confirmLoading={run.isPending}
        destroyOnHidden
      >
        {run.error && !conflict && (
          <Alert type="error" showIcon title={run.error.message} style={{ marginBottom: 16 }} />
        )}
        <Form<Values> form={form} layout="vertical" onFinish={(v) => run.mutate(v)}>
          {step === "rate" && (
            <Form.Item
              name="score"
              label={t("casesAdmin.whistles.score")}
              rules={[{ required: true, message: t("casesAdmin.action.scoreRequired") }]}
            >
              <Rate />
            </Form.Item>
          )}
          <Form.Item
            name="note"
            label={t(step === "report" ? "casesAdmin.whistles.reportNote" : "casesAdmin.whistles.rateNote")}
            rules={
              step === "report"
                ? [{ required: true, whitespace: true, message: t("casesAdmin.whistles.reportRequired") }]
                : []
            }
          >
            <Input.TextArea
              rows={4}
              maxLength={2000}
              showCount
              placeholder={t(
                step === "report"
                  ? "casesAdmin.whistles.reportPlaceholder"
                  : "casesAdmin.whistles.ratePlaceholder",
              )}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
