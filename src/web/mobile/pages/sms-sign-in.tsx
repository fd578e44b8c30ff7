import { Button, Form, Input } from "antd-mobile";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { User } from "../../common/auth.tsx";
import { failureText, useAuthRules, useSmsCode, useSmsLogin } from "../../common/sms-code.ts";

interface Values {
  phone: string;
  code: string;
}

/** 获取验证码 beside the code field: counts down 60 seconds once sent. */
export function SendCodeButton({ sms, onSend }: { sms: ReturnType<typeof useSmsCode>; onSend: () => void }) {
  const { t } = useTranslation();
  return (
    <Button
      size="small"
      color="primary"
      fill="outline"
      loading={sms.sending}
      disabled={sms.seconds > 0}
      onClick={onSend}
      style={{ fontSize: 16, minWidth: 112 }}
    >
      {sms.seconds > 0 ? t("accounts.sms.resend", { seconds: sms.seconds }) : t("accounts.sms.send")}
    </Button>
  );
}

/**
 * Sign-in by a texted code: 手机号, 获取验证码, 验证码, 登录. A phone never seen before becomes a
 * resident account. Large type: many who scan a poster are old.
 */
export function SmsSignInForm({
  onSignedIn,
  submitText,
  hint,
}: {
  onSignedIn: (user: User) => void;
  /** The button's words (登录, or 登录并提交 in the request form). */
  submitText?: string;
  hint?: string;
}) {
  const { t } = useTranslation();
  const rules = useAuthRules();
  const [form] = Form.useForm<Values>();
  const sms = useSmsCode("login");
  const login = useSmsLogin();
  const [error, setError] = useState<string | null>(null);
  const send = async () => {
    setError(null);
    try {
      const { phone } = await form.validateFields(["phone"]);
      await sms.send(phone.trim());
    } catch (err) {
      if (err instanceof Error) setError(failureText(err, t("errors.network")));
    }
  };
  const submit = async (v: Values) => {
    setError(null);
    try {
      onSignedIn(await login.mutateAsync(v));
    } catch (err) {
      setError(failureText(err, t("errors.network")));
    }
  };
  return (
    <Form
      form={form}
      name="sms"
      layout="vertical"
      requiredMarkStyle="none"
      onFinish={submit}
      className="boxed-inputs"
      footer={
        <>
          {sms.sent && !error && (
            <div role="status" style={{ color: "var(--adm-color-success)", fontSize: 16, marginBottom: 12 }}>
              {t("accounts.sms.sent")}
            </div>
          )}
          {error && (
            <div role="alert" style={{ color: "var(--adm-color-danger)", fontSize: 17, marginBottom: 16 }}>
              {error}
            </div>
          )}
          <Button
            block
            type="submit"
            color="primary"
            size="large"
            loading={login.isPending}
            style={{ height: 52 }}
          >
            {submitText ?? t("accounts.sms.submit")}
          </Button>
          {hint && (
            <p style={{ color: "#666", fontSize: 15, textAlign: "center", margin: "12px 0 0" }}>{hint}</p>
          )}
        </>
      }
    >
      <Form.Item
        name="phone"
        label={t("accounts.sms.phone")}
        rules={[{ required: true, message: t("validation.phoneRequired") }, rules.phone]}
      >
        <Input
          placeholder={t("accounts.sms.phonePlaceholder")}
          type="tel"
          inputMode="numeric"
          autoComplete="tel"
          maxLength={11}
          clearable
        />
      </Form.Item>
      <Form.Item
        name="code"
        label={t("accounts.sms.code")}
        rules={[{ required: true, message: t("accounts.sms.codeRequired") }, rules.code]}
        extra={<SendCodeButton sms={sms} onSend={send} />}
      >
        <Input
          placeholder={t("accounts.sms.codePlaceholder")}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
        />
      </Form.Item>
    </Form>
  );
}
