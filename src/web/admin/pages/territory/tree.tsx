import { Typography } from "antd";
import { useTranslation } from "react-i18next";
import { api } from "../../../common/api.ts";
import { levelLabel } from "../../../common/levels.ts";
import type { TerritoryNode } from "../../../common/territory.ts";
import { LazyTree } from "../../components/lazy-tree.tsx";
import { SearchResults } from "../../components/search-results.tsx";

/** The tree stops at grids: what lies below them (compounds, buildings, households) is on the grid's page. */
const LEAF_LEVELS = new Set(["grid", "microgrid", "compound", "building", "entrance", "household"]);

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

const fetchNodes = async (parentId?: string, signal?: AbortSignal) =>
  (await api.get("/api/v1/territory/nodes", { query: { parentId, page: 1, pageSize: 200 }, signal })).items;

interface Props {
  selectedId: string | undefined;
  onSelect: (id: string) => void;
}

/** The caller's scope as a tree whose branches are fetched when opened. */
export function TerritoryTree({ selectedId, onSelect }: Props) {
  return (
    <LazyTree<TerritoryNode>
      queryKey={["territory", "roots"]}
      fetchRoots={(signal) => fetchNodes(undefined, signal)}
      fetchChildren={(id) => fetchNodes(id)}
      title={(node) => <NodeTitle node={node} />}
      isLeaf={(node) => LEAF_LEVELS.has(node.level)}
      selectedId={selectedId}
      onSelect={onSelect}
    />
  );
}

/** The nodes whose name or code matches q, in place of the tree while searching. */
export function TerritorySearchResults({ q, selectedId, onSelect }: Props & { q: string }) {
  const { t } = useTranslation();
  return (
    <SearchResults<TerritoryNode>
      queryKey={["territory", "search", q]}
      search={async (signal) =>
        (await api.get("/api/v1/territory/nodes", { query: { q, page: 1, pageSize: 50 }, signal })).items
      }
      label={(node) => (
        <span>
          <div>{node.name}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {node.code}
          </Typography.Text>
        </span>
      )}
      tag={(node) => levelLabel(t, node.level)}
      empty={t("territory.noResults")}
      ariaLabel={t("territory.searchResults")}
      selectedId={selectedId}
      onSelect={onSelect}
    />
  );
}
