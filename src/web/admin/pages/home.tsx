import { EnvironmentOutlined, FundProjectionScreenOutlined } from "@ant-design/icons";
import { Button, Card, Col, Row, Space, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { zhCN } from "../../../shared/locales/zh-CN.ts";
import { type User, useAuth } from "../../common/auth.tsx";
import { canSee, roleLabel } from "../../common/roles.ts";
import { NAV } from "../nav.tsx";
import { hasDashboard, hasSubAreas, isDepartmentStaff } from "./dashboard/access.ts";
import { DepartmentDashboard } from "./dashboard/department-view.tsx";
import { ScopeDashboard } from "./dashboard/scope-view.tsx";
import { TodoCards } from "./home-todos.tsx";

type ModuleKey = keyof typeof zhCN.home.moduleHints;
const isModule = (key: string): key is ModuleKey => Object.hasOwn(zhCN.home.moduleHints, key);

/** The command centre's big screen, another app of the same server. */
const SCREEN_URL = "/screen";

/** One line: who is at the desk, in which roles, over which areas. */
function Greeting({ user, screen }: { user: User; screen: boolean }) {
  const { t } = useTranslation();
  // One user may hold a role at several nodes; list each node once.
  const nodes = [...new Map(user.roles.map((r) => [r.nodeId, r.nodeName])).values()];
  return (
    <div style={{ display: "flex", flexWrap: "wrap", alignItems: "center", gap: "8px 12px" }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t("home.welcome", { name: user.name })}
      </Typography.Title>
      <span>
        {[...new Set(user.roles.map((r) => r.role))].map((role) => (
          <Tag key={role} color="red">
            {roleLabel(t, role)}
          </Tag>
        ))}
      </span>
      <Typography.Text type="secondary">
        <EnvironmentOutlined style={{ marginInlineEnd: 4 }} />
        {t("common.labelled", { label: t("home.scope"), value: nodes.join("、") })}
      </Typography.Text>
      {screen && (
        <Button
          icon={<FundProjectionScreenOutlined />}
          href={SCREEN_URL}
          target="_blank"
          rel="noopener"
          style={{ marginInlineStart: "auto" }}
        >
          {t("dashboard.openScreen")}
        </Button>
      )}
    </div>
  );
}

/** The pages this user may open, as tiles: below the figures, a second way into the side menu's entries. */
function ModuleTiles({ user }: { user: User }) {
  const { t } = useTranslation();
  const modules = NAV.filter((item) => canSee(user, item.key)).flatMap((item) =>
    isModule(item.key) ? [{ ...item, key: item.key }] : [],
  );
  // Someone with no back-office pages is sent to the phone pages (app.tsx): no empty panel here.
  if (modules.length === 0) return null;
  return (
    <Card title={t("home.modules")} size="small">
      <Row gutter={[12, 12]}>
        {modules.map((item) => (
          <Col key={item.key} xs={24} sm={12} lg={8} xl={6}>
            <Link to={item.path} style={{ display: "block", height: "100%" }}>
              <Card hoverable size="small" style={{ height: "100%" }}>
                <Space align="start" size={12}>
                  <span style={{ fontSize: 20, color: "#c8161d" }}>{item.icon}</span>
                  <span>
                    <Typography.Text strong>{t(`nav.${item.key}`)}</Typography.Text>
                    <br />
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t(`home.moduleHints.${item.key}`)}
                    </Typography.Text>
                  </span>
                </Space>
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
    </Card>
  );
}

/** 工作台: what waits for him first, then the figures of his scope (or his department's whistles), then his modules. */
export function HomePage() {
  const { user } = useAuth();
  if (!user) return null;
  const dashboard = hasDashboard(user);
  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      <Greeting user={user} screen={dashboard} />
      <TodoCards />
      {dashboard && <ScopeDashboard subAreas={hasSubAreas(user)} />}
      {isDepartmentStaff(user) && <DepartmentDashboard />}
      <ModuleTiles user={user} />
    </Space>
  );
}
