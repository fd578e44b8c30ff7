import { useQuery } from "@tanstack/react-query";
import { Alert, Empty, Spin, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { api, type ResponseOf } from "../../../common/api.ts";
import { orgKindLabel } from "../../../common/labels.ts";
import { LazyTree } from "../../components/lazy-tree.tsx";

export type Org = ResponseOf<"/api/v1/org/orgs", "get">["items"][number];

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
