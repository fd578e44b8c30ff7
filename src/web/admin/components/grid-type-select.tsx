import { useQuery } from "@tanstack/react-query";
import { Select } from "antd";
import { useTranslation } from "react-i18next";
import { api } from "../../common/api.ts";
import { GRID_TYPES_KEY } from "../../common/grid-types.ts";

/** A grid's type, chosen from the district's active grid types (网格类型 settings). */
export function GridTypeSelect({
  value,
  onChange,
  id,
}: {
  value?: string;
  onChange?: (code: string | undefined) => void;
  id?: string;
}) {
  const { i18n } = useTranslation();
  const query = {};
  const list = useQuery({
    queryKey: [...GRID_TYPES_KEY, query],
    queryFn: ({ signal }) => api.get("/api/v1/territory/grid-types", { query, signal }),
    staleTime: 60_000,
  });
  const en = i18n.language.startsWith("en");
  return (
    <Select<string>
      id={id}
      value={value}
      onChange={(v) => onChange?.(v)}
      loading={list.isPending}
      style={{ minWidth: 160 }}
      options={list.data?.map((g) => ({ value: g.code, label: en ? g.nameEn || g.name : g.name }))}
    />
  );
}
