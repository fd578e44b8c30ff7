import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Button, Form, Input, Toast } from "antd-mobile";
import { useTranslation } from "react-i18next";
import type { accountsZhCN } from "../../../shared/locales/accounts.zh-CN.ts";
import { api } from "../../common/api.ts";
import { useAuth } from "../../common/auth.tsx";
import { ME_KEY } from "../../common/query.ts";
import { failureText, useAuthRules, useSmsCode } from "../../common/sms-code.ts";
import { PageBar } from "../page-bar.tsx";
import { SendCodeButton } from "./sms-sign-in.tsx";

interface ChangeValues {
  current: string;
  next: string;
  repeat: string;
}

function Failure({ error }: { error: Error | null }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <div role="alert" style={{ color: "var(--adm-color-danger)", fontSize: 17, marginBottom: 16 }}>
      {failureText(error, t("errors.network"))}
    </div>
  );
}

/** 当前密码, 新密码, 再次输入新密码; /auth/me is asked again afterwards. */
function ChangePasswordForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const rules = useAuthRules();
  const change = useMutation({
    mutationFn: (v: ChangeValues) => api.post("/api/v1/auth/password", { current: v.current, next: v.next }),
    onSuccess: async () => {
      Toast.show({ content: t("accounts.password.done") });
      await client.invalidateQueries({ queryKey: ME_KEY });
      onDone();
    },
  });
  const p = (key: keyof typeof accountsZhCN.password) => t(`accounts.password.${key}`);
  return (
    <Form
      layout="vertical"
      requiredMarkStyle="none"
      className="boxed-inputs"
      onFinish={(v: ChangeValues) => change.mutate(v)}
      onValuesChange={() => change.reset()}
      footer={
        <>
          <Failure error={change.error} />
          <Button
            block
            type="submit"
            color="primary"
            size="large"
            loading={change.isPending}
            style={{ height: 52 }}
          >
            {p("submit")}
          </Button>
        </>
      }
    >
      <Form.Item
        name="current"
        label={p("current")}
        rules={[{ required: true, message: p("currentRequired") }]}
      >
        <Input type="password" autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        name="next"
        label={p("next")}
        help={p("rule")}
        rules={[{ required: true, message: p("nextRequired") }, rules.strong]}
      >
        <Input type="password" autoComplete="new-password" />
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
        <Input type="password" autoComplete="new-password" />
      </Form.Item>
    </Form>
  );
}

/** The only page of someone signed in with a temporary password. */
export function ForcedPasswordPage() {
  const { t } = useTranslation();
  const { logout } = useAuth();
  return (
    <main style={{ minHeight: "100vh", background: "#fff" }}>
      <h1 style={{ fontSize: 24, padding: "24px 16px 0", margin: 0 }}>{t("accounts.password.title")}</h1>
      <p style={{ fontSize: 17, padding: "12px 16px 0", margin: 0 }}>{t("accounts.password.forcedIntro")}</p>
      <ChangePasswordForm onDone={() => undefined} />
      <div style={{ padding: "0 16px 32px" }}>
        <Button block fill="none" onClick={() => void logout()}>
          {t("user.logout")}
        </Button>
      </div>
    </main>
  );
}

/** 我的 → 修改密码. */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageBar title={t("accounts.password.title")} back="/me" />
      <ChangePasswordForm onDone={() => window.history.back()} />
    </>
  );
}

interface ResetValues {
  phone: string;
  code: string;
  next: string;
}

/** 忘记密码 on the login page: phone, 获取验证码, code, new password. */
export function ResetPasswordForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const rules = useAuthRules();
  const sms = useSmsCode("reset");
  const [form] = Form.useForm<ResetValues>();
  const reset = useMutation({
    mutationFn: (v: ResetValues) =>
      api.post("/api/v1/auth/password/reset", { phone: v.phone.trim(), code: v.code.trim(), next: v.next }),
    onSuccess: () => {
      Toast.show({ content: t("accounts.password.resetDone") });
      onDone();
    },
  });
  const send = async () => {
    try {
      const { phone } = await form.validateFields(["phone"]);
      await sms.send(phone.trim());
    } catch {
      // The field shows what is wrong with the phone; the server's refusal shows below.
    }
  };
  const p = (key: keyof typeof accountsZhCN.password) => t(`accounts.password.${key}`);
  return (
    <Form
      form={form}
      name="reset"
      layout="vertical"
      requiredMarkStyle="none"
      className="boxed-inputs"
      onFinish={(v: ResetValues) => reset.mutate(v)}
      footer={
        <>
          <Failure error={reset.error ?? sms.error} />
          <Button
            block
            type="submit"
            color="primary"
            size="large"
            loading={reset.isPending}
            style={{ height: 52 }}
          >
            {p("resetSubmit")}
          </Button>
        </>
      }
    >
      <Form.Item
        name="phone"
        label={t("accounts.sms.phone")}
        rules={[{ required: true, message: t("validation.phoneRequired") }, rules.phone]}
      >
        <Input
          type="tel"
          inputMode="numeric"
          maxLength={11}
          placeholder={t("accounts.sms.phonePlaceholder")}
        />
      </Form.Item>
      <Form.Item
        name="code"
        label={t("accounts.sms.code")}
        rules={[{ required: true, message: t("accounts.sms.codeRequired") }, rules.code]}
        extra={<SendCodeButton sms={sms} onSend={send} />}
      >
        <Input
          inputMode="numeric"
          maxLength={6}
          autoComplete="one-time-code"
          placeholder={t("accounts.sms.codePlaceholder")}
        />
      </Form.Item>
      <Form.Item
        name="next"
        label={p("next")}
        help={p("rule")}
        rules={[{ required: true, message: p("nextRequired") }, rules.strong]}
      >
        <Input type="password" autoComplete="new-password" />
      </Form.Item>
    </Form>
  );
}
