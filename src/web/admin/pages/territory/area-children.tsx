import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Alert, Card, Col, Empty, Row, Space, Table, type TableColumnsType, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router-dom";
import { api } from "../../../common/api.ts";
import { useGridTypeLabel } from "../../../common/grid-types.ts";
import { levelLabel } from "../../../common/levels.ts";
import type { NodeDetail, TerritoryNode } from "../../../common/territory.ts";
import { ExportButton } from "../../components/export-button.tsx";
import { useListParams } from "../list-params.ts";
import { AddChildButton } from "./add-child.tsx";
import { AreaMap } from "./area-map.tsx";

/** An area's page below its header: the areas one level down, and the map of its grids. */
export function AreaChildren({ node }: { node: NodeDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const list = useListParams([]);
  const { page, pageSize } = list;
  const children = useQuery({
    queryKey: ["territory", "children", node.id, page, pageSize],
    queryFn: ({ signal }) =>
      api.get("/api/v1/territory/nodes", { query: { parentId: node.id, page, pageSize }, signal }),
    placeholderData: keepPreviousData,
  });
  const gridTypeLabel = useGridTypeLabel();
  const columns: TableColumnsType<TerritoryNode> = [
    {
      title: t("territory.name"),
      dataIndex: "name",
      render: (name: string, n) => (
        <Link to={`/territory/${n.id}`} onClick={(e) => e.stopPropagation()} style={{ whiteSpace: "nowrap" }}>
          {name}
        </Link>
      ),
    },
    {
      title: t("territory.level"),
      dataIndex: "level",
      width: 100,
      render: (level: string, n) =>
        n.gridType ? <Tag color="blue">{gridTypeLabel(n.gridType)}</Tag> : <Tag>{levelLabel(t, level)}</Tag>,
    },
    { title: t("territory.code"), dataIndex: "code", width: 130 },
  ];
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={10}>
        <Card
          title={t("territory.children")}
          extra={
            <Space>
              <AddChildButton node={node} existing={children.data?.total ?? 0} />
              <ExportButton path="/api/v1/territory/nodes" query={{ parentId: node.id }} />
            </Space>
          }
        >
          {children.error && <Alert type="error" showIcon title={children.error.message} />}
          <Table<TerritoryNode>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={children.data?.items}
            loading={children.isFetching}
            onRow={(n) => ({ onClick: () => navigate(`/territory/${n.id}`), style: { cursor: "pointer" } })}
            locale={{
              emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("territory.empty")} />,
            }}
            pagination={{
              ...list.pagination(children.data?.total, (count) => t("territory.total", { count })),
              hideOnSinglePage: true,
              showSizeChanger: false,
            }}
          />
        </Card>
      </Col>
      <Col xs={24} xl={14}>
        <Card title={t("map.label")}>
          <AreaMap node={node} height={480} />
        </Card>
      </Col>
    </Row>
  );
}
