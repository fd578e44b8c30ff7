import { NavBar } from "antd-mobile";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";

/** The title bar of an inner page, with a large back button (to `back`, or the previous page). */
export function PageBar({ title, back }: { title: string; back?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <NavBar
      backIcon
      back={t("mobile.back")}
      onBack={() => (back ? navigate(back) : navigate(-1))}
      style={{
        "--height": "56px",
        "--border-bottom": "1px solid #eee",
        background: "#fff",
        position: "sticky",
        top: 0,
        zIndex: 5,
        fontSize: 19,
      }}
    >
      <h1 style={{ margin: 0, fontSize: 19, fontWeight: 600 }}>{title}</h1>
    </NavBar>
  );
}

/** A titled white block of a page. */
export function Section({
  title,
  extra,
  children,
}: {
  title: string;
  extra?: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <section style={{ background: "#fff", marginTop: 12 }}>
      <header
        style={{
          display: "flex",
          justifyContent: "space-between",
          alignItems: "center",
          padding: "14px 16px 6px",
        }}
      >
        <h2 style={{ margin: 0, fontSize: 19, fontWeight: 600 }}>{title}</h2>
        {extra && <span style={{ fontSize: 16, color: "var(--adm-color-text-secondary)" }}>{extra}</span>}
      </header>
      {children}
    </section>
  );
}
