import { LockOutlined, MobileOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Form, Input, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { type Credentials, useLoginForm } from "../../common/auth.tsx";
import { useNextPage, useReturnPath } from "../../common/require-auth.tsx";
import { ResetPasswordModal } from "../components/password-forms.tsx";
import { Brand } from "../layout/brand.tsx";
import { LanguageSwitch } from "../layout/language-switch.tsx";
import { PARTY_RED } from "../theme.ts";

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const returnPath = useReturnPath();
  const [resetting, setResetting] = useState(false);
  // Another app of the site (the big screen) sent the reader here: back there by a full page load.
  const next = useNextPage();
  const { submit, error, clearError, loggingIn, phoneRule } = useLoginForm(() =>
    next ? window.location.replace(next) : navigate(returnPath, { replace: true }),
  );

  return (
    <div style={{ minHeight: "100vh", background: "#f4f5f7" }}>
      <div style={{ background: `linear-gradient(135deg, ${PARTY_RED} 0%, #9e0f15 100%)`, height: 280 }}>
        <div style={{ display: "flex", justifyContent: "flex-end", padding: "16px 24px" }}>
          <LanguageSwitch />
        </div>
        <div style={{ textAlign: "center", paddingTop: 24 }}>
          <Brand size={28} inverted />
          <div style={{ color: "rgba(255,255,255,0.85)", fontSize: 16, marginTop: 12, letterSpacing: 2 }}>
            {t("app.tagline")}
          </div>
        </div>
      </div>
      <Card
        style={{ width: 400, maxWidth: "calc(100vw - 32px)", margin: "-64px auto 0" }}
        styles={{ body: { padding: 32 } }}
      >
        <Typography.Title level={4} style={{ marginTop: 0, marginBottom: 24 }}>
          {t("login.heading")}
        </Typography.Title>
        <Form<Credentials>
          layout="vertical"
          size="large"
          requiredMark={false}
          onFinish={submit}
          onValuesChange={clearError}
        >
          <Form.Item
            name="phone"
            label={t("login.phone")}
            rules={[{ required: true, message: t("validation.phoneRequired") }, phoneRule]}
          >
            <Input
              prefix={<MobileOutlined />}
              placeholder={t("login.phonePlaceholder")}
              inputMode="numeric"
              autoComplete="username"
              maxLength={11}
              autoFocus
            />
          </Form.Item>
          <Form.Item
            name="password"
            label={t("login.password")}
            rules={[{ required: true, message: t("validation.passwordRequired") }]}
          >
            <Input.Password
              prefix={<LockOutlined />}
              placeholder={t("login.passwordPlaceholder")}
              autoComplete="current-password"
            />
          </Form.Item>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 24 }} role="alert" />}
          <Button type="primary" htmlType="submit" block loading={loggingIn}>
            {t("login.submit")}
          </Button>
          <div style={{ textAlign: "right", marginTop: 8 }}>
            <Button type="link" style={{ padding: 0 }} onClick={() => setResetting(true)}>
              {t("accounts.sms.forgot")}
            </Button>
          </div>
        </Form>
        <ResetPasswordModal open={resetting} onClose={() => setResetting(false)} />
        <Typography.Paragraph
          type="secondary"
          style={{ marginTop: 24, marginBottom: 0, textAlign: "center", fontSize: 13 }}
        >
          {t("login.footer")}
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
