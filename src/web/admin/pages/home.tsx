import { Card, Descriptions, Empty, Space, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useAuth } from "../../common/auth.tsx";
import { roleLabel } from "../../common/roles.ts";

export function HomePage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  if (!user) return null;
  // One user may hold a role at several nodes; list each node once.
  const nodes = [...new Map(user.roles.map((r) => [r.nodeId, r])).values()];
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
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("home.modulesEmpty")} />
      </Card>
    </Space>
  );
}
