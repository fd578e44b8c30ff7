import { useQuery } from "@tanstack/react-query";
import { Select } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { RoleNodeLevel } from "../../../../shared/roles.ts";
import { api } from "../../../common/api.ts";
import { levelLabel } from "../../../common/levels.ts";

/**
 * A node of the caller's scope at one of `levels` (a grid worker's grid, a street official's
 * street), found by typing part of its name. `known` names the node already chosen.
 */
export function NodeSelect({
  levels,
  value,
  onChange,
  known,
  id,
}: {
  levels: readonly RoleNodeLevel[];
  value?: string;
  onChange?: (id: string) => void;
  known?: { id: string; name: string };
  id?: string;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState("");
  const nodes = useQuery({
    queryKey: ["territory", "pick", levels.join(","), q],
    queryFn: async ({ signal }) =>
      (
        await Promise.all(
          levels.map((level) =>
            api.get("/api/v1/territory/nodes", {
              query: { level, q: q.trim() || undefined, page: 1, pageSize: 50 },
              signal,
            }),
          ),
        )
      ).flatMap((page) => page.items),
    enabled: levels.length > 0,
    staleTime: 60_000,
  });
  const options = (nodes.data ?? []).map((n) => ({
    value: n.id,
    label: levels.length > 1 ? `${n.name}（${levelLabel(t, n.level)}）` : n.name,
  }));
  if (known && value === known.id && !options.some((o) => o.value === known.id))
    options.unshift({ value: known.id, label: known.name });
  const levelNames = levels.map((l) => levelLabel(t, l)).join(" / ");
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value}
      onChange={onChange}
      options={options}
      loading={nodes.isFetching}
      placeholder={t("accounts.admin.nodePick", { levels: levelNames })}
      notFoundContent={nodes.isFetching ? "…" : undefined}
      style={{ width: "100%" }}
    />
  );
}
