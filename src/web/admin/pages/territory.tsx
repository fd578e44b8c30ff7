import { RightOutlined } from "@ant-design/icons";
import { keepPreviousData, useQueries, useQuery } from "@tanstack/react-query";
import { Alert, Breadcrumb, Card, Empty, Space, Table, type TableColumnsType, Tag } from "antd";
import type { MouseEvent, ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { api, type ResponseOf } from "../../common/api.ts";
import { levelLabel } from "../../common/levels.ts";
import { useListParams } from "./list-params.ts";

type Node = ResponseOf<"/api/v1/territory/nodes/{id}", "get">;

// Households have nothing below them in the territory tree.
const isLeaf = (node: Node) => node.level === "household";

const fetchNode = (id: string) => api.get("/api/v1/territory/nodes/{id}", { path: { id } });

/** A real link to a level of the tree (middle-click and keyboard work); the row's own click is not repeated. */
function NodeLink({ id, children }: { id?: string; children: ReactNode }) {
  return (
    <Link to={{ search: id ? `?node=${id}` : "" }} onClick={(e: MouseEvent) => e.stopPropagation()}>
      {children}
    </Link>
  );
}

/** The caller's scope as a tree: the roots first, a click on a row opens its children. */
export function TerritoryPage() {
  const { t } = useTranslation();
  const list = useListParams(["node"]);
  const { page, pageSize } = list;
  const nodeId = list.filters.node;
  const open = (id: string) => list.setFilter("node", id);

  const roots = useQuery({
    queryKey: ["territory", "roots"],
    queryFn: () => api.get("/api/v1/territory/nodes", { query: { page: 1, pageSize: 200 } }),
  });
  const current = useQuery({
    queryKey: ["territory", "node", nodeId],
    queryFn: () => fetchNode(nodeId ?? ""),
    enabled: !!nodeId,
  });
  const children = useQuery({
    queryKey: ["territory", "children", nodeId ?? null, page, pageSize],
    queryFn: ({ signal }) =>
      api.get("/api/v1/territory/nodes", { query: { parentId: nodeId, page, pageSize }, signal }),
    placeholderData: keepPreviousData,
  });

  // The ancestors between the caller's scope root and the current node, from its materialised path.
  const pathIds = current.data?.path.split("/").filter(Boolean) ?? [];
  const rootIds = new Set(roots.data?.items.map((n) => n.id));
  const start = pathIds.findIndex((id) => rootIds.has(id));
  const ancestorIds = start < 0 ? [] : pathIds.slice(start, -1);
  const ancestors = useQueries({
    queries: ancestorIds.map((id) => ({ queryKey: ["territory", "node", id], queryFn: () => fetchNode(id) })),
  });

  const crumbs = [
    { key: "scope", title: nodeId ? <NodeLink>{t("territory.scope")}</NodeLink> : t("territory.scope") },
    ...ancestors.map((q, i) => ({
      key: ancestorIds[i] ?? i,
      title: <NodeLink id={ancestorIds[i]}>{q.data?.name ?? "…"}</NodeLink>,
    })),
    ...(current.data ? [{ key: current.data.id, title: current.data.name }] : []),
  ];

  const columns: TableColumnsType<Node> = [
    {
      title: t("territory.name"),
      dataIndex: "name",
      render: (name: string, node) => (isLeaf(node) ? name : <NodeLink id={node.id}>{name}</NodeLink>),
    },
    {
      title: t("territory.level"),
      dataIndex: "level",
      width: 140,
      render: (level: string) => <Tag>{levelLabel(t, level)}</Tag>,
    },
    { title: t("territory.code"), dataIndex: "code", width: 220 },
    {
      key: "open",
      width: 120,
      align: "right",
      render: (_, node) =>
        !isLeaf(node) && (
          <NodeLink id={node.id}>
            {t("territory.open")} <RightOutlined />
          </NodeLink>
        ),
    },
  ];

  const error = children.error ?? current.error;
  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      <Breadcrumb items={crumbs} />
      <Card
        title={
          current.data ? (
            <Space>
              {current.data.name}
              <Tag>{levelLabel(t, current.data.level)}</Tag>
            </Space>
          ) : (
            t("nav.territory")
          )
        }
      >
        {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} />}
        <Table<Node>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={children.data?.items}
          loading={children.isFetching}
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("territory.empty")} />,
          }}
          onRow={(node) =>
            isLeaf(node) ? {} : { onClick: () => open(node.id), style: { cursor: "pointer" } }
          }
          pagination={{
            current: page,
            pageSize,
            total: children.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (count) => t("territory.total", { count }),
            onChange: list.setPage,
            hideOnSinglePage: true,
          }}
        />
      </Card>
    </Space>
  );
}
