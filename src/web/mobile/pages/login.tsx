import { Button, Form, Input, Tabs } from "antd-mobile";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { useLoginForm } from "../../common/auth.tsx";
import { useReturnPath } from "../../common/require-auth.tsx";
import { LanguageSwitch } from "../language-switch.tsx";
import { ResetPasswordForm } from "./password-pages.tsx";
import { SmsSignInForm } from "./sms-sign-in.tsx";

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const returnPath = useReturnPath();
  const back = () => navigate(returnPath, { replace: true });
  const { submit, error, clearError, loggingIn, phoneRule } = useLoginForm(back);
  const [way, setWay] = useState<"sms" | "password" | "reset">("sms");

  return (
    <div style={{ minHeight: "100vh", background: "#fff" }}>
      <header
        style={{
          background: "linear-gradient(160deg, var(--party-red) 0%, #a3121a 100%)",
          color: "#fff",
          padding: "16px 20px 40px",
        }}
      >
        <div style={{ display: "flex", justifyContent: "flex-end" }}>
          <LanguageSwitch />
        </div>
        <h1 style={{ margin: "32px 0 8px", fontSize: 26, fontWeight: 600, lineHeight: 1.3 }}>
          {t("app.name")}
        </h1>
        <div style={{ fontSize: 17, opacity: 0.9 }}>{t("app.tagline")}</div>
      </header>
      {way === "reset" ? (
        <>
          <h2 style={{ fontSize: 22, margin: "20px 16px 0" }}>{t("accounts.password.resetTitle")}</h2>
          <p style={{ fontSize: 16, color: "#4d4d4d", margin: "8px 16px 0" }}>
            {t("accounts.password.resetIntro")}
          </p>
          <ResetPasswordForm onDone={() => setWay("password")} />
          <div style={{ textAlign: "center" }}>
            <Button fill="none" color="primary" onClick={() => setWay("password")} style={{ fontSize: 17 }}>
              {t("accounts.password.backToLogin")}
            </Button>
          </div>
        </>
      ) : (
        <Tabs
          activeKey={way}
          onChange={(key) => setWay(key as "sms" | "password")}
          style={{ "--title-font-size": "18px" }}
        >
          <Tabs.Tab title={t("accounts.sms.tabSms")} key="sms">
            <SmsSignInForm onSignedIn={back} hint={t("accounts.sms.firstTime")} />
          </Tabs.Tab>
          <Tabs.Tab title={t("accounts.sms.tabPassword")} key="password">
            <Form
              name="password"
              layout="vertical"
              requiredMarkStyle="none"
              onFinish={submit}
              onValuesChange={clearError}
              footer={
                <>
                  {error && (
                    <div
                      role="alert"
                      style={{ color: "var(--adm-color-danger)", fontSize: 17, marginBottom: 16 }}
                    >
                      {error}
                    </div>
                  )}
                  <Button
                    block
                    type="submit"
                    color="primary"
                    size="large"
                    loading={loggingIn}
                    style={{ height: 52 }}
                  >
                    {t("login.submit")}
                  </Button>
                </>
              }
              className="boxed-inputs"
            >
              <Form.Item
                name="phone"
                label={t("login.phone")}
                rules={[{ required: true, message: t("validation.phoneRequired") }, phoneRule]}
              >
                <Input
                  placeholder={t("login.phonePlaceholder")}
                  type="tel"
                  inputMode="numeric"
                  autoComplete="username"
                  maxLength={11}
                  clearable
                />
              </Form.Item>
              <Form.Item
                name="password"
                label={t("login.password")}
                rules={[{ required: true, message: t("validation.passwordRequired") }]}
              >
                <Input
                  placeholder={t("login.passwordPlaceholder")}
                  type="password"
                  autoComplete="current-password"
                  clearable
                />
              </Form.Item>
            </Form>
            <div style={{ textAlign: "center" }}>
              <Button fill="none" color="primary" onClick={() => setWay("reset")} style={{ fontSize: 17 }}>
                {t("accounts.sms.forgot")}
              </Button>
            </div>
          </Tabs.Tab>
        </Tabs>
      )}
      <p style={{ color: "#666", fontSize: 15, textAlign: "center", padding: "0 24px" }}>
        {t("login.footer")}
      </p>
    </div>
  );
}
