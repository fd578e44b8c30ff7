import { CheckCircleFilled } from "@ant-design/icons";
import { Button } from "antd-mobile";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router-dom";

/** After submitting: the case's code, large, to note down or quote on the phone; then its progress. */
export function SubmittedPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { code = "" } = useParams();
  return (
    <section style={{ background: "#fff", padding: "40px 20px 32px", textAlign: "center" }}>
      <CheckCircleFilled aria-hidden style={{ fontSize: 72, color: "var(--adm-color-success)" }} />
      <h1 style={{ margin: "16px 0 24px", fontSize: 26, fontWeight: 600 }}>{t("casesMobile.done.title")}</h1>
      <div style={{ fontSize: 17, color: "var(--adm-color-text-secondary)" }}>
        {t("casesMobile.done.code")}
      </div>
      <div
        data-testid="case-code"
        style={{
          fontSize: 30,
          fontWeight: 700,
          fontFamily: "monospace",
          letterSpacing: 1,
          margin: "4px 0 16px",
        }}
      >
        {code}
      </div>
      <p style={{ fontSize: 17, lineHeight: 1.6, margin: "0 0 28px", textAlign: "left" }}>
        {t("casesMobile.done.hint")}
      </p>
      <Button
        block
        color="primary"
        size="large"
        style={{ height: 56, fontSize: 20 }}
        onClick={() => navigate(`/cases/${code}`, { replace: true })}
      >
        {t("casesMobile.done.timeline")}
      </Button>
      <Button
        block
        size="large"
        style={{ height: 52, marginTop: 12 }}
        onClick={() => navigate("/", { replace: true })}
      >
        {t("casesMobile.done.home")}
      </Button>
    </section>
  );
}
