import { Layout, Menu, type MenuProps, Space } from "antd";
import { Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { Outlet, useLocation, useNavigate } from "react-router-dom";
import { useAuth } from "../../common/auth.tsx";
import { canSee } from "../../common/roles.ts";
import { NAV, NAV_GROUP_ICONS, type NavGroup, type NavItem } from "../nav.tsx";
import { Loading } from "../pages/status.tsx";
import { Brand } from "./brand.tsx";
import { LanguageSwitch } from "./language-switch.tsx";
import { NoticeBell } from "./notice-bell.tsx";
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

  // Grouped entries (基础数据) fold under one heading, placed where the group's first entry is.
  const entry = (item: NavItem) => ({
    key: item.key,
    icon: item.icon,
    label: t(`nav.${item.key}`),
    onClick: () => navigate(item.path),
  });
  const groups = new Set<NavGroup>();
  const items: MenuProps["items"] = visible.flatMap((item): NonNullable<MenuProps["items"]> => {
    if (!item.group) return [entry(item)];
    if (groups.has(item.group)) return [];
    groups.add(item.group);
    const group = item.group;
    return [
      {
        key: group,
        icon: NAV_GROUP_ICONS[group],
        label: t(`nav.${group}`),
        children: visible.filter((i) => i.group === group).map(entry),
      },
    ];
  });

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
          <NoticeBell />
          <UserMenu />
        </Space>
      </Layout.Header>
      <Layout>
        <Layout.Sider collapsible collapsed={collapsed} onCollapse={collapse} width={208} theme="light">
          <Menu
            mode="inline"
            selectedKeys={selected ? [selected.key] : []}
            defaultOpenKeys={selected?.group ? [selected.group] : []}
            style={{ borderInlineEnd: 0, paddingTop: 8 }}
            items={items}
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
