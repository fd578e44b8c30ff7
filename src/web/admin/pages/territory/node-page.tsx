import { useQuery } from "@tanstack/react-query";
import { Alert, Breadcrumb, Card, Descriptions, Space, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { useAuth } from "../../../common/auth.tsx";
import { useGridTypeLabel } from "../../../common/grid-types.ts";
import { levelLabel } from "../../../common/levels.ts";
import { fetchNode, type NodeDetail } from "../../../common/territory.ts";
import { Loading } from "../status.tsx";
import { AreaChildren } from "./area-children.tsx";
import { ContactCardLinks } from "./contact-card-links.tsx";
import { GridTabs } from "./grid-tabs.tsx";

/** One node of the territory: a grid's page with its people, or an area's children and map. */
export function TerritoryNodePage() {
  const { id = "" } = useParams();
  const node = useQuery({
    queryKey: ["territory", "node", id],
    queryFn: ({ signal }) => fetchNode(id, signal),
  });
  if (node.error) return <Alert type="error" showIcon title={node.error.message} />;
  if (!node.data) return <Loading />;
  const n = node.data;
  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      <Crumbs node={n} />
      <Header node={n} />
      {n.level === "grid" ? <GridTabs node={n} /> : <AreaChildren node={n} />}
    </Space>
  );
}

/** 区域管理 › 潋江街道 › 红旗社区 › 第1网格; the levels above the caller's scope are not links. */
function Crumbs({ node }: { node: NodeDetail }) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const mine = new Set(user?.roles.map((r) => r.nodeId));
  const ancestors = node.ancestors ?? [];
  const first = ancestors.findIndex((a) => mine.has(a.id));
  return (
    <Breadcrumb
      items={[
        { key: "territory", title: <Link to="/territory">{t("nav.territory")}</Link> },
        ...ancestors.map((a, i) => ({
          key: a.id,
          title: first >= 0 && i >= first ? <Link to={`/territory/${a.id}`}>{a.name}</Link> : a.name,
        })),
        { key: node.id, title: node.name },
      ]}
    />
  );
}

function Header({ node }: { node: NodeDetail }) {
  const { t } = useTranslation();
  const type = useGridTypeLabel()(node.gridType);
  const community = node.ancestors?.find((a) => a.level === "community");
  const mono = { fontFamily: "monospace", fontSize: 15 };
  return (
    <Card>
      <Space align="center" wrap style={{ marginBottom: 12 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {node.name}
        </Typography.Title>
        <Tag color="red">{levelLabel(t, node.level)}</Tag>
        {type && <Tag color="blue">{type}</Tag>}
      </Space>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2, xl: 3 }}
        items={[
          {
            key: "code",
            label: t("territory.code"),
            children: <Typography.Text style={mono}>{node.code}</Typography.Text>,
          },
          ...(node.unitCode
            ? [
                {
                  key: "unitCode",
                  label: t("territory.unitCode"),
                  children: (
                    <Typography.Text copyable style={mono} data-testid="unit-code">
                      {node.unitCode}
                    </Typography.Text>
                  ),
                },
              ]
            : []),
          ...(community
            ? [{ key: "community", label: t("territory.community"), children: community.name }]
            : []),
          ...(node.address
            ? [{ key: "address", label: t("territory.address"), children: node.address }]
            : []),
        ]}
      />
      {node.level === "grid" && <ContactCardLinks code={node.code} />}
    </Card>
  );
}
