import { useQueries, useQuery, useQueryClient } from "@tanstack/react-query";
import { TreeSelect } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../common/api.ts";
import type { TerritoryNode } from "../../../common/territory.ts";

/** The figures go down to grids: what lies below them has no figures of its own. */
const LEAF_LEVELS = new Set(["grid", "microgrid", "compound", "building", "entrance", "household"]);

const fetchNodes = async (parentId?: string, signal?: AbortSignal) =>
  (await api.get("/api/v1/territory/nodes", { query: { parentId, page: 1, pageSize: 200 }, signal })).items;
const childrenKey = (id: string) => ["dashboard", "territory", id] as const;

interface NodeRef {
  id: string;
  name: string;
  level: string;
}

/**
 * The area whose figures are shown, picked from the caller's territory tree (branches fetched when
 * opened). The branches down to the area shown are open, so that it sits among its neighbours. The
 * tree is fetched when the picker is first opened: closed, it shows the area by the name it is given.
 */
export function NodePicker({
  node,
  trail,
  onChange,
}: {
  node: NodeRef;
  /** The node's ancestors in the caller's scope, top first. */
  trail: readonly NodeRef[];
  onChange: (id: string) => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [used, setUsed] = useState(false);
  const [opened, setOpened] = useState<string[]>([]);
  const [expanded, setExpanded] = useState<string[]>([]);
  const path = [...trail, node].filter((n) => !LEAF_LEVELS.has(n.level)).map((n) => n.id);
  const pathKey = path.join("/");

  // The same query (key and shape) as the territory pages', so the roots are fetched once.
  const roots = useQuery({
    queryKey: ["territory", "roots"],
    queryFn: ({ signal }) => fetchNodes(undefined, signal),
    enabled: used,
  });
  const branches = useQueries({
    queries: [...new Set([...path, ...opened])].map((id) => ({
      queryKey: childrenKey(id),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchNodes(id, signal),
      staleTime: 10 * 60_000,
      enabled: used,
    })),
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: open the way down whenever the area changes.
  useEffect(() => {
    setExpanded((current) => [...new Set([...current, ...path])]);
  }, [pathKey]);

  const byId = new Map<string, TerritoryNode>();
  for (const n of [...(roots.data ?? []), ...branches.flatMap((b) => b.data ?? [])]) byId.set(n.id, n);
  const treeData = [...byId.values()].map((n) => ({
    id: n.id,
    pId: n.parentId,
    value: n.id,
    title: n.name,
    isLeaf: LEAF_LEVELS.has(n.level),
  }));

  const load = async ({ value }: { value?: string | number }) => {
    const id = String(value);
    await client.fetchQuery({
      queryKey: childrenKey(id),
      queryFn: ({ signal }) => fetchNodes(id, signal),
      staleTime: 10 * 60_000,
    });
    setOpened((current) => (current.includes(id) ? current : [...current, id]));
  };

  return (
    <TreeSelect<{ value: string; label: string }>
      aria-label={t("dashboard.scope")}
      treeDataSimpleMode
      treeData={treeData}
      loadData={load}
      // With the label given, the area shows by name even before its branch is fetched.
      labelInValue
      value={{ value: node.id, label: node.name }}
      onChange={(v) => v && onChange(v.value)}
      treeExpandedKeys={expanded}
      onTreeExpand={(keys) => setExpanded(keys.map(String))}
      onOpenChange={(open) => open && setUsed(true)}
      showSearch={{ treeNodeFilterProp: "title" }}
      placeholder={t("dashboard.scopeSearch")}
      loading={roots.isLoading}
      treeLine
      popupMatchSelectWidth={280}
      style={{ width: 220 }}
    />
  );
}
