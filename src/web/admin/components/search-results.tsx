import { useQuery } from "@tanstack/react-query";
import { Alert, Empty, Spin, Tag } from "antd";
import type { ReactNode } from "react";

export interface SearchResultsProps<T extends { id: string }> {
  queryKey: readonly unknown[];
  search: (signal: AbortSignal) => Promise<T[]>;
  label: (item: T) => ReactNode;
  tag: (item: T) => ReactNode;
  empty: string;
  ariaLabel?: string;
  selectedId: string | undefined;
  onSelect: (id: string) => void;
}

/** A search's matches as a clickable list, shown in place of a tree while searching. */
export function SearchResults<T extends { id: string }>(props: SearchResultsProps<T>) {
  const { queryKey, search, label, tag, empty, ariaLabel, selectedId, onSelect } = props;
  const found = useQuery({ queryKey, queryFn: ({ signal }) => search(signal) });
  if (found.error) return <Alert type="error" showIcon title={found.error.message} />;
  if (found.isPending) return <Spin />;
  if (found.data.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />;
  return (
    <ul aria-label={ariaLabel} style={{ listStyle: "none", margin: 0, padding: 0 }}>
      {found.data.map((item) => (
        <li key={item.id}>
          <button
            type="button"
            onClick={() => onSelect(item.id)}
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
              background: item.id === selectedId ? "#fff1f0" : "transparent",
            }}
          >
            {label(item)}
            <Tag style={{ marginInlineEnd: 0 }}>{tag(item)}</Tag>
          </button>
        </li>
      ))}
    </ul>
  );
}
