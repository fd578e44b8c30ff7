import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Form, Input, Modal, Space, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { accountsZhCN } from "../../../shared/locales/accounts.zh-CN.ts";
import { api } from "../../common/api.ts";
import { useAuth } from "../../common/auth.tsx";
import { ME_KEY } from "../../common/query.ts";
import { failureText, useAuthRules, useSmsCode } from "../../common/sms-code.ts";
import { Brand } from "../layout/brand.tsx";

interface ChangeValues {
  current: string;
  next: string;
  repeat: string;
}

/** 当前密码, 新密码 twice; after the change /auth/me is asked again (a temporary password is gone). */
function ChangePasswordForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const rules = useAuthRules();
  const [form] = Form.useForm<ChangeValues>();
  const change = useMutation({
    mutationFn: (v: ChangeValues) => api.post("/api/v1/auth/password", { current: v.current, next: v.next }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ME_KEY });
      form.resetFields();
      onDone();
    },
  });
  const p = (key: keyof typeof accountsZhCN.password) => t(`accounts.password.${key}`);
  return (
    <Form<ChangeValues>
      form={form}
      layout="vertical"
      requiredMark={false}
      onFinish={(v) => change.mutate(v)}
      onValuesChange={() => change.reset()}
    >
      <Form.Item
        name="current"
        label={p("current")}
        rules={[{ required: true, message: p("currentRequired") }]}
      >
        <Input.Password autoComplete="current-password" autoFocus />
      </Form.Item>
      <Form.Item
        name="next"
        label={p("next")}
        extra={p("rule")}
        rules={[{ required: true, message: p("nextRequired") }, rules.strong]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="repeat"
        label={p("repeat")}
        dependencies={["next"]}
        rules={[
          { required: true, message: p("nextRequired") },
          ({ getFieldValue }) => ({
            validator: async (_, value?: string) => {
              if (value && value !== getFieldValue("next")) throw new Error(p("mismatch"));
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      {change.error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={failureText(change.error, t("errors.network"))}
          style={{ marginBottom: 16 }}
        />
      )}
      <Button type="primary" htmlType="submit" block loading={change.isPending}>
        {p("submit")}
      </Button>
    </Form>
  );
}

/** The only page of someone signed in with a temporary password: set his own first. */
export function ForcedPasswordChange() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { logout } = useAuth();
  return (
    <div style={{ minHeight: "100vh", background: "#f4f5f7", paddingTop: 64 }}>
      <div style={{ textAlign: "center", marginBottom: 24 }}>
        <Brand size={24} />
      </div>
      <Card style={{ width: 420, maxWidth: "calc(100vw - 32px)", margin: "0 auto" }}>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t("accounts.password.title")}
        </Typography.Title>
        <Alert type="info" showIcon title={t("accounts.password.forcedIntro")} style={{ marginBottom: 24 }} />
        <ChangePasswordForm onDone={() => message.success(t("accounts.password.done"))} />
        <Button type="link" block onClick={() => void logout()} style={{ marginTop: 8 }}>
          {t("user.logout")}
        </Button>
      </Card>
    </div>
  );
}

/** 修改密码 of the user menu. */
export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (
    <Modal open={open} title={t("accounts.password.title")} onCancel={onClose} footer={null} destroyOnHidden>
      <ChangePasswordForm
        onDone={() => {
          message.success(t("accounts.password.done"));
          onClose();
        }}
      />
    </Modal>
  );
}

interface ResetValues {
  phone: string;
  code: string;
  next: string;
}

/** 忘记密码: a code texted to the account's phone, then a new password. */
export function ResetPasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const rules = useAuthRules();
  const sms = useSmsCode("reset");
  const [form] = Form.useForm<ResetValues>();
  const [sendError, setSendError] = useState<string | null>(null);
  const reset = useMutation({
    mutationFn: (v: ResetValues) =>
      api.post("/api/v1/auth/password/reset", { phone: v.phone.trim(), code: v.code.trim(), next: v.next }),
    onSuccess: () => {
      message.success(t("accounts.password.resetDone"));
      form.resetFields();
      onClose();
    },
  });
  const send = async () => {
    setSendError(null);
    try {
      const { phone } = await form.validateFields(["phone"]);
      await sms.send(phone.trim());
    } catch (err) {
      if (err instanceof Error) setSendError(failureText(err, t("errors.network")));
    }
  };
  const p = (key: keyof typeof accountsZhCN.password) => t(`accounts.password.${key}`);
  const s = (key: keyof typeof accountsZhCN.sms) => t(`accounts.sms.${key}`);
  const error = sendError ?? (reset.error ? failureText(reset.error, t("errors.network")) : null);
  return (
    <Modal open={open} title={p("resetTitle")} onCancel={onClose} footer={null} destroyOnHidden>
      <Typography.Paragraph type="secondary">{p("resetIntro")}</Typography.Paragraph>
      <Form<ResetValues> form={form} layout="vertical" requiredMark={false} onFinish={(v) => reset.mutate(v)}>
        <Form.Item
          name="phone"
          label={s("phone")}
          rules={[{ required: true, message: t("validation.phoneRequired") }, rules.phone]}
        >
          <Input
            inputMode="numeric"
            maxLength={11}
            autoComplete="username"
            placeholder={s("phonePlaceholder")}
          />
        </Form.Item>
        <Form.Item label={s("code")} required>
          <Space.Compact style={{ width: "100%" }}>
            <Form.Item
              name="code"
              noStyle
              rules={[{ required: true, message: s("codeRequired") }, rules.code]}
            >
              <Input
                aria-label={s("code")}
                inputMode="numeric"
                maxLength={6}
                autoComplete="one-time-code"
                placeholder={s("codePlaceholder")}
              />
            </Form.Item>
            <Button onClick={send} loading={sms.sending} disabled={sms.seconds > 0}>
              {sms.seconds > 0 ? t("accounts.sms.resend", { seconds: sms.seconds }) : s("send")}
            </Button>
          </Space.Compact>
        </Form.Item>
        {sms.sent && !error && (
          <Alert type="success" showIcon title={s("sent")} style={{ marginBottom: 16 }} />
        )}
        <Form.Item
          name="next"
          label={p("next")}
          extra={p("rule")}
          rules={[{ required: true, message: p("nextRequired") }, rules.strong]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" block loading={reset.isPending}>
          {p("resetSubmit")}
        </Button>
      </Form>
    </Modal>
  );
}
