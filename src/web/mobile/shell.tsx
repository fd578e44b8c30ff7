import { BellOutlined, HomeOutlined, UserOutlined } from "@ant-design/icons";
import { TabBar, Toast } from "antd-mobile";
import { Suspense } from "react";
import { useTranslation } from "react-i18next";
import { Outlet, useLocation, useNavigate } from "react-router-dom";
import { useNoticeStream, useNotices } from "../common/notices.ts";
import { Loading } from "./pages/status.tsx";

const TABS = [
  { key: "/", icon: <HomeOutlined />, title: "mobile.tabs.home" },
  { key: "/messages", icon: <BellOutlined />, title: "notices.title" },
  { key: "/me", icon: <UserOutlined />, title: "mobile.tabs.me" },
] as const;

/** The page above, the tab bar fixed at the bottom (thumb reach, and where older users expect it). */
export function Shell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  // 消息: the unread count on the tab, live; a notice arriving while he looks at a page pops up briefly.
  const { live } = useNoticeStream((n) => Toast.show({ content: `${t("notices.newNotice")}：${n.title}` }));
  const unread = useNotices(1, live).data?.unread ?? 0;
  return (
    <div style={{ minHeight: "100vh", display: "flex", flexDirection: "column" }}>
      <main style={{ flex: 1, paddingBottom: 80 }}>
        {/* The tab bar stays while a page not opened before is fetched. */}
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      <nav
        style={{
          position: "fixed",
          left: 0,
          right: 0,
          bottom: 0,
          background: "#fff",
          borderTop: "1px solid #eee",
        }}
      >
        <TabBar activeKey={pathname} onChange={(key) => navigate(key)} safeArea>
          {TABS.map((tab) => (
            <TabBar.Item
              key={tab.key}
              icon={tab.icon}
              title={t(tab.title)}
              badge={tab.key === "/messages" && unread > 0 ? (unread > 99 ? "99+" : unread) : undefined}
            />
          ))}
        </TabBar>
      </nav>
    </div>
  );
}
