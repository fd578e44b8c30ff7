import { useQuery } from "@tanstack/react-query";
import { Alert, Empty, Spin, Tag, Tree, Typography } from "antd";
import type { DataNode, EventDataNode } from "antd/es/tree";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../common/api.ts";
import { levelLabel } from "../../../common/levels.ts";
import type { TerritoryNode } from "../../../common/territory.ts";

/** The tree stops at grids: what lies below them (compounds, buildings, households) is on the grid's page. */
const LEAF_LEVELS = new Set(["grid", "microgrid", "compound", "building", "entrance", "household"]);

interface Item extends DataNode {
  key: string;
  children?: Item[];
}

function NodeTitle({ node }: { node: TerritoryNode }) {
  const { t } = useTranslation();
  return (
    <span>
      {node.name}
      <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 8 }}>
        {levelLabel(t, node.level)}
      </Typography.Text>
    </span>
  );
}

const itemOf = (node: TerritoryNode): Item => ({
  key: node.id,
  title: <NodeTitle node={node} />,
  isLeaf: LEAF_LEVELS.has(node.level),
});

function withChildren(items: Item[], key: string, children: Item[]): Item[] {
  return items.map((item) =>
    item.key === key
      ? { ...item, children, isLeaf: children.length === 0 }
      : item.children
        ? { ...item, children: withChildren(item.children, key, children) }
        : item,
  );
}

interface Props {
  selectedId: string | undefined;
  onSelect: (id: string) => void;
}

/** The caller's scope as a tree whose branches are fetched when opened. */
export function TerritoryTree({ selectedId, onSelect }: Props) {
  const roots = useQuery({
    queryKey: ["territory", "roots"],
    queryFn: ({ signal }) =>
      api.get("/api/v1/territory/nodes", { query: { page: 1, pageSize: 200 }, signal }),
  });
  const [items, setItems] = useState<Item[]>([]);
  const [expanded, setExpanded] = useState<string[]>([]);

  useEffect(() => {
    const nodes = roots.data?.items ?? [];
    setItems(nodes.map(itemOf));
    // One root (a community worker's community): open it straight away.
    if (nodes.length === 1 && nodes[0]) setExpanded([nodes[0].id]);
  }, [roots.data]);

  const load = async ({ key }: EventDataNode<Item>) => {
    const id = String(key);
    const children = await api.get("/api/v1/territory/nodes", {
      query: { parentId: id, page: 1, pageSize: 200 },
    });
    setItems((current) => withChildren(current, id, children.items.map(itemOf)));
  };

  if (roots.error) return <Alert type="error" showIcon title={roots.error.message} />;
  if (roots.isPending) return <Spin />;
  return (
    <Tree<Item>
      blockNode
      showLine
      treeData={items}
      loadData={load}
      expandedKeys={expanded}
      onExpand={(keys) => setExpanded(keys.map(String))}
      selectedKeys={selectedId ? [selectedId] : []}
      onSelect={(_, { node }) => onSelect(String(node.key))}
    />
  );
}

/** The nodes whose name or code matches q, in place of the tree while searching. */
export function TerritorySearchResults({ q, selectedId, onSelect }: Props & { q: string }) {
  const { t } = useTranslation();
  const found = useQuery({
    queryKey: ["territory", "search", q],
    queryFn: ({ signal }) =>
      api.get("/api/v1/territory/nodes", { query: { q, page: 1, pageSize: 50 }, signal }),
  });
  if (found.error) return <Alert type="error" showIcon title={found.error.message} />;
  if (found.isPending) return <Spin />;
  if (found.data.items.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("territory.noResults")} />;
  return (
    <ul aria-label={t("territory.searchResults")} style={{ listStyle: "none", margin: 0, padding: 0 }}>
      {found.data.items.map((node) => (
        <li key={node.id}>
          <button
            type="button"
            onClick={() => onSelect(node.id)}
            style={{
              display: "flex",
              width: "100%",
              alignItems: "center",
              justifyContent: "space-between",
              gap: 8,
              padding: "8px 10px",
              border: 0,
              borderRadius: 6,
              cursor: "pointer",
              textAlign: "start",
              font: "inherit",
              background: node.id === selectedId ? "#fff1f0" : "transparent",
            }}
          >
            <span>
              <div>{node.name}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {node.code}
              </Typography.Text>
            </span>
            <Tag style={{ marginInlineEnd: 0 }}>{levelLabel(t, node.level)}</Tag>
          </button>
        </li>
      ))}
    </ul>
  );
}
