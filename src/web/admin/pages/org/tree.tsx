import { useQuery } from "@tanstack/react-query";
import { Alert, Empty, Spin, Tag, Tree, Typography } from "antd";
import type { DataNode, EventDataNode } from "antd/es/tree";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, type ResponseOf } from "../../../common/api.ts";
import { orgKindLabel } from "../../../common/labels.ts";

export type Org = ResponseOf<"/api/v1/org/orgs", "get">["items"][number];

interface Item extends DataNode {
  key: string;
  children?: Item[];
}

function OrgTitle({ org }: { org: Org }) {
  const { t } = useTranslation();
  return (
    <span>
      {org.name}
      <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 8 }}>
        {orgKindLabel(t, org.kind)}
      </Typography.Text>
    </span>
  );
}

const itemOf = (org: Org): Item => ({
  key: org.id,
  title: <OrgTitle org={org} />,
  isLeaf: org.children === 0,
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

const fetchOrgs = (query: { parentId?: string; q?: string }, signal?: AbortSignal) =>
  api.get("/api/v1/org/orgs", { query: { ...query, page: 1, pageSize: 200 }, signal });

interface Props {
  selectedId: string | undefined;
  onSelect: (id: string) => void;
}

/** 街道党工委 → 社区党委 → 网格党支部 → …, each branch fetched when opened. */
export function OrgTree({ selectedId, onSelect }: Props) {
  const tops = useQuery({ queryKey: ["org", "tops"], queryFn: ({ signal }) => fetchOrgs({}, signal) });
  const [items, setItems] = useState<Item[]>([]);
  const [expanded, setExpanded] = useState<string[]>([]);

  useEffect(() => {
    const orgs = tops.data?.items ?? [];
    setItems(orgs.map(itemOf));
    if (orgs.length === 1 && orgs[0]) setExpanded([orgs[0].id]);
  }, [tops.data]);

  const load = async ({ key }: EventDataNode<Item>) => {
    const id = String(key);
    const children = await fetchOrgs({ parentId: id });
    setItems((current) => withChildren(current, id, children.items.map(itemOf)));
  };

  if (tops.error) return <Alert type="error" showIcon title={tops.error.message} />;
  if (tops.isPending) return <Spin />;
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

/** The organisations whose name matches q, in place of the tree while searching. */
export function OrgSearchResults({ q, selectedId, onSelect }: Props & { q: string }) {
  const { t } = useTranslation();
  const found = useQuery({
    queryKey: ["org", "search", q],
    queryFn: ({ signal }) => fetchOrgs({ q }, signal),
  });
  if (found.error) return <Alert type="error" showIcon title={found.error.message} />;
  if (found.isPending) return <Spin />;
  if (found.data.items.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("org.noResults")} />;
  return (
    <ul style={{ listStyle: "none", margin: 0, padding: 0 }}>
      {found.data.items.map((org) => (
        <li key={org.id}>
          <button
            type="button"
            onClick={() => onSelect(org.id)}
            style={{
              display: "flex",
              width: "100%",
              justifyContent: "space-between",
              alignItems: "center",
              gap: 8,
              padding: "8px 10px",
              border: 0,
              borderRadius: 6,
              cursor: "pointer",
              textAlign: "start",
              font: "inherit",
              background: org.id === selectedId ? "#fff1f0" : "transparent",
            }}
          >
            {org.name}
            <Tag style={{ marginInlineEnd: 0 }}>{orgKindLabel(t, org.kind)}</Tag>
          </button>
        </li>
      ))}
    </ul>
  );
}
