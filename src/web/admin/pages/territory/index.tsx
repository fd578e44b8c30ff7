import { RightOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Card, Col, Empty, Row, Space, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { api } from "../../../common/api.ts";
import { levelLabel } from "../../../common/levels.ts";
import { fetchNode } from "../../../common/territory.ts";
import { ExportButton } from "../../components/export-button.tsx";
import { useListParams } from "../list-params.ts";
import { SearchBox } from "../people/filters.tsx";
import { AreaMap } from "./area-map.tsx";
import { TerritorySearchResults, TerritoryTree } from "./tree.tsx";

/** 区域管理: the scope's tree on the left, the grid map of the chosen area on the right. */
export function TerritoryPage() {
  const { t } = useTranslation();
  const list = useListParams(["node", "q"]);
  const { node: picked, q } = list.filters;
  // The same query (key and shape: the list of roots) as TerritoryTree's, so it is fetched once.
  const roots = useQuery({
    queryKey: ["territory", "roots"],
    queryFn: async ({ signal }) =>
      (await api.get("/api/v1/territory/nodes", { query: { page: 1, pageSize: 200 }, signal })).items,
  });
  // Nothing picked yet: the first root of the caller's scope.
  const nodeId = picked ?? roots.data?.[0]?.id;
  const select = (id: string) => list.setFilter("node", id);

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={8} xxl={6}>
        <Card title={t("territory.tree")} styles={{ body: { paddingTop: 12 } }}>
          <Space orientation="vertical" size={12} style={{ width: "100%" }}>
            <SearchBox
              value={q}
              placeholder={t("territory.search")}
              width="100%"
              onSearch={(v) => list.setFilter("q", v)}
            />
            {q && <ExportButton path="/api/v1/territory/nodes" query={{ q }} />}
            <div style={{ maxHeight: "calc(100vh - 280px)", minHeight: 240, overflow: "auto" }}>
              {q ? (
                <TerritorySearchResults q={q} selectedId={nodeId} onSelect={select} />
              ) : (
                <TerritoryTree selectedId={nodeId} onSelect={select} />
              )}
            </div>
          </Space>
        </Card>
      </Col>
      <Col xs={24} lg={16} xxl={18}>
        {nodeId ? (
          <NodePanel id={nodeId} />
        ) : (
          <Card>{!roots.isPending && <Empty description={t("territory.pick")} />}</Card>
        )}
      </Col>
    </Row>
  );
}

function NodePanel({ id }: { id: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const node = useQuery({
    queryKey: ["territory", "node", id],
    queryFn: ({ signal }) => fetchNode(id, signal),
  });
  if (node.error) return <Alert type="error" showIcon title={node.error.message} />;
  const n = node.data;
  return (
    <Card
      loading={node.isPending}
      title={
        n && (
          <Space wrap>
            {t("territory.gridsOf", { name: n.name })}
            <Tag>{levelLabel(t, n.level)}</Tag>
          </Space>
        )
      }
      extra={
        n && (
          <Button type="primary" ghost onClick={() => navigate(`/territory/${n.id}`)}>
            {t("territory.detail")} <RightOutlined />
          </Button>
        )
      }
    >
      {n && (
        <Space orientation="vertical" size={8} style={{ width: "100%" }}>
          <Typography.Text type="secondary">
            {[
              t("common.labelled", { label: t("territory.code"), value: n.code }),
              n.unitCode && t("common.labelled", { label: t("territory.unitCode"), value: n.unitCode }),
              t("territory.mapHint"),
            ]
              .filter(Boolean)
              .join(" · ")}
          </Typography.Text>
          <AreaMap node={n} height="min(62vh, 640px)" />
        </Space>
      )}
    </Card>
  );
}
