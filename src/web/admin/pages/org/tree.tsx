import { Typography } from "antd";
import { useTranslation } from "react-i18next";
import { api, type ResponseOf } from "../../../common/api.ts";
import { LazyTree } from "../../components/lazy-tree.tsx";
import { SearchResults } from "../../components/search-results.tsx";
import { useOrgKinds } from "./kinds.ts";

export type Org = ResponseOf<"/api/v1/org/orgs", "get">["items"][number];

function OrgTitle({ org }: { org: Org }) {
  const kinds = useOrgKinds();
  return (
    <span>
      {org.name}
      <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 8 }}>
        {kinds.label(org.kind)}
      </Typography.Text>
    </span>
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
  return (
    <LazyTree<Org>
      queryKey={["org", "tops"]}
      fetchRoots={async (signal) => (await fetchOrgs({}, signal)).items}
      fetchChildren={async (id) => (await fetchOrgs({ parentId: id })).items}
      title={(org) => <OrgTitle org={org} />}
      isLeaf={(org) => org.children === 0}
      selectedId={selectedId}
      onSelect={onSelect}
    />
  );
}

/** The organisations whose name matches q, in place of the tree while searching. */
export function OrgSearchResults({ q, selectedId, onSelect }: Props & { q: string }) {
  const { t } = useTranslation();
  const kinds = useOrgKinds();
  return (
    <SearchResults<Org>
      queryKey={["org", "search", q]}
      search={async (signal) => (await fetchOrgs({ q }, signal)).items}
      label={(org) => org.name}
      tag={(org) => kinds.label(org.kind)}
      empty={t("org.noResults")}
      selectedId={selectedId}
      onSelect={onSelect}
    />
  );
}
