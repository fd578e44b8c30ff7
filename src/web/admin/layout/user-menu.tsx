import { DownOutlined, KeyOutlined, LogoutOutlined } from "@ant-design/icons";
import { Avatar, Dropdown, type MenuProps, Space, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useAuth } from "../../common/auth.tsx";
import { describeRole } from "../../common/roles.ts";
import { ChangePasswordModal } from "../components/password-forms.tsx";
import { PARTY_RED } from "../theme.ts";

/** The user's name in the header; the menu lists every role with its node, then 修改密码 and 退出登录. */
export function UserMenu() {
  const { t } = useTranslation();
  const { user, logout } = useAuth();
  const [changing, setChanging] = useState(false);
  if (!user) return null;
  const items: MenuProps["items"] = [
    ...user.roles.map((r) => ({
      key: `role-${r.role}-${r.nodeId}`,
      label: <Typography.Text type="secondary">{describeRole(t, r)}</Typography.Text>,
      disabled: true,
    })),
    { type: "divider" },
    {
      key: "password",
      icon: <KeyOutlined />,
      label: t("accounts.password.entry"),
      onClick: () => setChanging(true),
    },
    { key: "logout", icon: <LogoutOutlined />, label: t("user.logout"), onClick: () => void logout() },
  ];
  return (
    <>
      <ChangePasswordModal open={changing} onClose={() => setChanging(false)} />
      <Dropdown menu={{ items }} trigger={["click"]} placement="bottomRight">
        <button
          type="button"
          aria-haspopup="menu"
          style={{ background: "none", border: 0, cursor: "pointer", padding: "4px 8px", font: "inherit" }}
        >
          <Space size={8}>
            <Avatar size="small" style={{ background: PARTY_RED }}>
              {user.name.slice(0, 1)}
            </Avatar>
            <span>{user.name}</span>
            <DownOutlined style={{ fontSize: 10, color: "rgba(0,0,0,0.45)" }} />
          </Space>
        </button>
      </Dropdown>
    </>
  );
}
