import { Card, Col, Descriptions, Empty, Row, Space, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { useAuth } from "../../common/auth.tsx";
import { zhCN } from "../../common/locales/zh-CN.ts";
import { canSee, roleLabel } from "../../common/roles.ts";
import { NAV } from "../nav.tsx";

type ModuleKey = keyof typeof zhCN.home.moduleHints;
const isModule = (key: string): key is ModuleKey => Object.hasOwn(zhCN.home.moduleHints, key);

export function HomePage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  if (!user) return null;
  // One user may hold a role at several nodes; list each node once.
  const nodes = [...new Map(user.roles.map((r) => [r.nodeId, r])).values()];
  const modules = NAV.filter((item) => canSee(user, item.key)).flatMap((item) =>
    isModule(item.key) ? [{ ...item, key: item.key }] : [],
  );
  return (
    <Space orientation="vertical" size={24} style={{ width: "100%" }}>
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t("home.welcome", { name: user.name })}
        </Typography.Title>
        <Descriptions
          column={1}
          items={[
            {
              key: "roles",
              label: t("home.roles"),
              children: [...new Set(user.roles.map((r) => r.role))].map((role) => (
                <Tag key={role} color="red">
                  {roleLabel(t, role)}
                </Tag>
              )),
            },
            {
              key: "scope",
              label: t("home.scope"),
              children: nodes.map((r) => <Tag key={r.nodeId}>{r.nodeName}</Tag>),
            },
          ]}
        />
      </Card>
      <Card title={t("home.modules")}>
        {modules.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("home.modulesEmpty")} />
        ) : (
          <Row gutter={[16, 16]}>
            {modules.map((item) => (
              <Col key={item.key} xs={24} sm={12} xl={6}>
                <Link to={item.path} style={{ display: "block", height: "100%" }}>
                  <Card hoverable size="small" style={{ height: "100%" }}>
                    <Space align="start" size={12}>
                      <span style={{ fontSize: 24, color: "#c8161d" }}>{item.icon}</span>
                      <span>
                        <Typography.Text strong style={{ fontSize: 16 }}>
                          {t(`nav.${item.key}`)}
                        </Typography.Text>
                        <br />
                        <Typography.Text type="secondary">
                          {t(`home.moduleHints.${item.key}`)}
                        </Typography.Text>
                      </span>
                    </Space>
                  </Card>
                </Link>
              </Col>
            ))}
          </Row>
        )}
      </Card>
    </Space>
  );
}
