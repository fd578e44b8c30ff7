import { ErrorBlock, Grid } from "antd-mobile";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { useAuth } from "../../common/auth.tsx";
import { canSee, describeRole } from "../../common/roles.ts";
import { HOME_ENTRIES } from "../entries.ts";

export function HomePage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const navigate = useNavigate();
  if (!user) return null;
  const entries = HOME_ENTRIES.filter((entry) => canSee(user, entry.key));
  return (
    <>
      <header
        style={{
          background: "linear-gradient(160deg, var(--party-red) 0%, #a3121a 100%)",
          color: "#fff",
          padding: "40px 20px 56px",
        }}
      >
        <h1 style={{ margin: 0, fontSize: 26, fontWeight: 600 }}>
          {t("mobile.greeting", { name: user.name })}
        </h1>
        {user.roles.map((r) => (
          <div key={`${r.role}-${r.nodeId}`} style={{ marginTop: 8, fontSize: 17, opacity: 0.92 }}>
            {describeRole(t, r)}
          </div>
        ))}
      </header>
      <section style={{ margin: "-32px 16px 0", background: "#fff", borderRadius: 12, padding: 16 }}>
        {entries.length > 0 ? (
          <>
            <Grid columns={3} gap={12}>
              {entries.map((entry) => (
                <Grid.Item key={entry.path}>
                  <button
                    type="button"
                    onClick={() => navigate(entry.path)}
                    style={{
                      width: "100%",
                      minHeight: 96,
                      border: 0,
                      background: "#fdf2f2",
                      borderRadius: 12,
                      fontSize: 17,
                    }}
                  >
                    <div style={{ fontSize: 32, color: "var(--party-red)" }}>{entry.icon}</div>
                    {t(`nav.${entry.key}`)}
                  </button>
                </Grid.Item>
              ))}
            </Grid>
            <p style={{ margin: "16px 0 0", fontSize: 15, color: "var(--adm-color-text-secondary)" }}>
              {t("mobile.servicesEmpty")}
            </p>
          </>
        ) : (
          <ErrorBlock
            status="empty"
            title={t("mobile.servicesEmpty")}
            description={t("mobile.servicesEmptyHint")}
            style={{ "--image-height": "120px", padding: "16px 0" }}
          />
        )}
      </section>
    </>
  );
}
