import { useQuery } from "@tanstack/react-query";
import { Select } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../../common/api.ts";

/**
 * A work unit (机关、企事业单位) of the caller's scope, found by typing part of its name; the
 * pairing drawer and the account drawer (unit staff) use it. `known` names the unit already chosen.
 */
export function UnitSelect({
  value,
  onChange,
  known,
  id,
}: {
  value?: string;
  onChange?: (id: string) => void;
  known?: { id: string; name: string };
  id?: string;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState("");
  const units = useQuery({
    queryKey: ["org", "units", "pick", q],
    queryFn: ({ signal }) =>
      api.get("/api/v1/org/units", {
        query: { kind: "unit", q: q.trim() || undefined, page: 1, pageSize: 50 },
        signal,
      }),
    staleTime: 60_000,
  });
  const options = (units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }));
  if (known && value === known.id && !options.some((o) => o.value === known.id))
    options.unshift({ value: known.id, label: known.name });
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value}
      onChange={onChange}
      options={options}
      loading={units.isFetching}
      placeholder={t("engagementUnits.pairings.unitPlaceholder")}
      style={{ width: "100%" }}
    />
  );
}
