import { Button, Dialog, List } from "antd-mobile";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { useAuth } from "../../common/auth.tsx";
import { maskPhone } from "../../common/identifiers.ts";
import { describeRole, nodeOfRole, STAFF_ROLES } from "../../common/roles.ts";
import { LanguageSwitch } from "../language-switch.tsx";
import { BindingItem } from "./binding.tsx";
import { SmsNoticesItem } from "./sms-notices.tsx";

export function MePage() {
  const { t } = useTranslation();
  const { user, logout } = useAuth();
  const navigate = useNavigate();
  if (!user) return null;

  const confirmLogout = async () => {
    const ok = await Dialog.confirm({
      content: <div style={{ fontSize: 18, textAlign: "center" }}>{t("user.logoutConfirm")}</div>,
      confirmText: t("user.logout"),
      cancelText: t("user.cancel"),
    });
    if (ok) await logout();
  };

  return (
    <>
      <header
        style={{ display: "flex", alignItems: "center", gap: 16, padding: "32px 20px", background: "#fff" }}
      >
        <div
          aria-hidden
          style={{
            width: 64,
            height: 64,
            borderRadius: "50%",
            background: "var(--party-red)",
            color: "#fff",
            fontSize: 28,
            display: "flex",
            alignItems: "center",
            justifyContent: "center",
          }}
        >
          {user.name.slice(0, 1)}
        </div>
        <div>
          <div style={{ fontSize: 24, fontWeight: 600 }}>{user.name}</div>
          <div style={{ fontSize: 17, color: "#4d4d4d" }}>{maskPhone(user.phone)}</div>
        </div>
      </header>
      <List style={{ marginTop: 12 }}>
        <List.Item
          extra={user.roles.map((r) => <div key={`${r.role}-${r.nodeId}`}>{describeRole(t, r)}</div>)}
        >
          {t("mobile.roles")}
        </List.Item>
        {/* Not yet bound to a household: the way to it, and where his request stands. */}
        {!nodeOfRole(user, "resident") && !user.roles.some((r) => STAFF_ROLES.includes(r.role)) && (
          <BindingItem />
        )}
        <List.Item extra={<LanguageSwitch />}>{t("language.label")}</List.Item>
        <SmsNoticesItem />
        {/* GB/T 35273: a person may learn who read his personal data, and why. */}
        <List.Item arrow onClick={() => navigate("/me/password")}>
          {t("accounts.password.entry")}
        </List.Item>
        <List.Item arrow onClick={() => navigate("/me/pii-access")}>
          {t("piiAccess.mine.entry")}
        </List.Item>
      </List>
      <div style={{ padding: "32px 16px" }}>
        <Button
          block
          size="large"
          color="danger"
          fill="outline"
          onClick={confirmLogout}
          style={{ height: 52 }}
        >
          {t("user.logout")}
        </Button>
      </div>
    </>
  );
}
