import { Layout, Menu, Space } from "antd";
import { Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { Outlet, useLocation, useNavigate } from "react-router-dom";
import { useAuth } from "../../common/auth.tsx";
import { canSee } from "../../common/roles.ts";
import { NAV } from "../nav.tsx";
import { Loading } from "../pages/status.tsx";
import { Brand } from "./brand.tsx";
import { LanguageSwitch } from "./language-switch.tsx";
import { UserMenu } from "./user-menu.tsx";

const COLLAPSED_KEY = "gridgov.admin.siderCollapsed";

/** The page frame after login: header, role-aware side menu, and the current page. */
export function Shell() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [collapsed, setCollapsed] = useState(() => localStorage.getItem(COLLAPSED_KEY) === "1");

  const visible = NAV.filter((item) => user && canSee(user, item.key));
  // The longest matching path wins, so /territory/x still lights up 区域管理 and / only matches home.
  const selected = visible
    .filter((item) => pathname === item.path || pathname.startsWith(`${item.path.replace(/\/$/, "")}/`))
    .sort((a, b) => b.path.length - a.path.length)[0];

  const collapse = (value: boolean) => {
    setCollapsed(value);
    localStorage.setItem(COLLAPSED_KEY, value ? "1" : "0");
  };

  return (
    <Layout style={{ minHeight: "100vh" }}>
      <Layout.Header
        style={{
          display: "flex",
          alignItems: "center",
          justifyContent: "space-between",
          gap: 16,
          borderBottom: "1px solid #f0f0f0",
          position: "sticky",
          top: 0,
          zIndex: 10,
        }}
      >
        <Brand />
        <Space size={16}>
          <LanguageSwitch />
          <UserMenu />
        </Space>
      </Layout.Header>
      <Layout>
        <Layout.Sider collapsible collapsed={collapsed} onCollapse={collapse} width={208} theme="light">
          <Menu
            mode="inline"
            selectedKeys={selected ? [selected.key] : []}
            style={{ borderInlineEnd: 0, paddingTop: 8 }}
            items={visible.map((item) => ({
              key: item.key,
              icon: item.icon,
              label: t(`nav.${item.key}`),
              onClick: () => navigate(item.path),
            }))}
          />
        </Layout.Sider>
        <Layout.Content style={{ padding: 24, minWidth: 0 }}>
          {/* The frame stays while a page not opened before is fetched. */}
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
