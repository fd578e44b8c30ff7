import { useQuery } from "@tanstack/react-query";
import { Select, Spin } from "antd";
import { useEffect, useState } from "react";
import { api } from "../../../common/api.ts";

/** The text once the typing has paused. */
function useSettled(value: string, ms = 300): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

export interface Option {
  value: string;
  label: string;
}

interface SearchSelectProps {
  id?: string;
  value?: string;
  onChange?: (id: string | undefined) => void;
  placeholder: string;
  /** The option of the value given at first (its name), until a search replaces it. */
  initial?: Option;
  queryKey: string;
  search: (q: string, signal: AbortSignal) => Promise<Option[]>;
  /** Search before anything is typed (short lists). */
  eager?: boolean;
  disabled?: boolean;
}

/** A select whose options are searched on the server as the user types. */
export function SearchSelect({
  id,
  value,
  onChange,
  placeholder,
  initial,
  queryKey,
  search,
  eager,
  disabled,
}: SearchSelectProps) {
  const [text, setText] = useState("");
  const q = useSettled(text.trim());
  const found = useQuery({
    queryKey: ["org", "pick", queryKey, q],
    queryFn: ({ signal }) => search(q, signal),
    enabled: eager || q.length > 0,
  });
  const options = [...(found.data ?? [])];
  if (initial && !options.some((o) => o.value === initial.value)) options.unshift(initial);
  return (
    <Select<string>
      id={id}
      value={value}
      onChange={(v?: string) => onChange?.(v)}
      allowClear
      disabled={disabled}
      style={{ width: "100%" }}
      showSearch={{ filterOption: false, onSearch: setText }}
      placeholder={placeholder}
      aria-label={placeholder}
      notFoundContent={found.isFetching ? <Spin size="small" /> : null}
      options={options}
    />
  );
}

const page = { page: 1, pageSize: 20 };

/** A street, community or grid of the caller's scope. */
export const searchNodes = async (q: string, signal: AbortSignal): Promise<Option[]> => {
  const levels = new Set(["district", "street", "community", "grid", "microgrid", "compound"]);
  const items = q
    ? (await api.get("/api/v1/territory/nodes", { query: { ...page, q }, signal })).items
    : (await api.get("/api/v1/territory/nodes", { query: page, signal })).items;
  return items.filter((n) => levels.has(n.level)).map((n) => ({ value: n.id, label: n.name }));
};

/** A party organisation of the caller's scope. */
export const searchOrgs = async (q: string, signal: AbortSignal): Promise<Option[]> =>
  (await api.get("/api/v1/org/orgs", { query: { ...page, ...(q ? { q } : {}) }, signal })).items.map((o) => ({
    value: o.id,
    label: o.name,
  }));

/** A unit, property company or owners' committee. */
export const searchUnits = async (q: string, signal: AbortSignal): Promise<Option[]> =>
  (await api.get("/api/v1/org/units", { query: { ...page, ...(q ? { q } : {}) }, signal })).items.map(
    (u) => ({ value: u.id, label: u.name }),
  );
