import { useQuery } from "@tanstack/react-query";
import { Alert, Spin, Tree } from "antd";
import type { DataNode, EventDataNode } from "antd/es/tree";
import { type ReactNode, useEffect, useState } from "react";

interface Item extends DataNode {
  key: string;
  children?: Item[];
}

function withChildren(items: Item[], key: string, children: Item[]): Item[] {
  return items.map((item) =>
    item.key === key
      ? { ...item, children, isLeaf: children.length === 0 }
      : item.children
        ? { ...item, children: withChildren(item.children, key, children) }
        : item,
  );
}

export interface LazyTreeProps<T extends { id: string }> {
  queryKey: readonly unknown[];
  fetchRoots: (signal: AbortSignal) => Promise<T[]>;
  fetchChildren: (id: string) => Promise<T[]>;
  title: (item: T) => ReactNode;
  isLeaf: (item: T) => boolean;
  selectedId: string | undefined;
  onSelect: (id: string) => void;
}

/** A tree whose branches are fetched when opened; a single root is opened straight away. */
export function LazyTree<T extends { id: string }>(props: LazyTreeProps<T>) {
  const { queryKey, fetchRoots, fetchChildren, title, isLeaf, selectedId, onSelect } = props;
  const roots = useQuery({ queryKey, queryFn: ({ signal }) => fetchRoots(signal) });
  const [items, setItems] = useState<Item[]>([]);
  const [expanded, setExpanded] = useState<string[]>([]);
  const itemOf = (x: T): Item => ({ key: x.id, title: title(x), isLeaf: isLeaf(x) });

  // biome-ignore lint/correctness/useExhaustiveDependencies: rebuild only when the roots arrive.
  useEffect(() => {
    const list = roots.data ?? [];
    setItems(list.map(itemOf));
    if (list.length === 1 && list[0]) setExpanded([list[0].id]);
  }, [roots.data]);

  const load = async ({ key }: EventDataNode<Item>) => {
    const id = String(key);
    const children = await fetchChildren(id);
    setItems((current) => withChildren(current, id, children.map(itemOf)));
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
