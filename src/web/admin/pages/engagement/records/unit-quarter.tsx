import { useQuery } from "@tanstack/react-query";
import { Select, Space } from "antd";
import { useTranslation } from "react-i18next";
import { api } from "../../../../common/api.ts";
import { currentQuarter } from "./data.ts";

export interface UnitQuarter {
  unitId?: string;
  year: number;
  quarter: number;
}

/** The last eight quarters, newest first: a ledger or card looks back, never ahead. */
function recentQuarters() {
  const now = currentQuarter();
  return Array.from({ length: 8 }, (_, i) => {
    const n = now.year * 4 + (now.quarter - 1) - i;
    return { year: Math.floor(n / 4), quarter: (n % 4) + 1 };
  });
}

/** 共建单位 + 季度: the units whose ledger the caller keeps, and a quarter. */
export function UnitQuarterPicker({
  value,
  onChange,
}: {
  value: UnitQuarter;
  onChange: (v: UnitQuarter) => void;
}) {
  const { t } = useTranslation();
  const units = useQuery({
    queryKey: ["engagement", "records", "ledger-units"],
    queryFn: ({ signal }) => api.get("/api/v1/engagement/ledger/units", { signal }),
  });
  const items = units.data?.items ?? [];
  // The first unit is chosen for the caller when he has one only (a unit's own staff).
  const unitId = value.unitId ?? (items.length === 1 ? items[0]?.id : undefined);
  if (unitId !== value.unitId && unitId) queueMicrotask(() => onChange({ ...value, unitId }));
  return (
    <Space wrap size={12}>
      <Select
        style={{ width: 280 }}
        showSearch
        optionFilterProp="label"
        placeholder={t("engagementRecords.pickUnit")}
        notFoundContent={t("engagementRecords.noUnits")}
        loading={units.isLoading}
        value={unitId}
        options={items.map((u) => ({ value: u.id, label: u.name }))}
        onChange={(id) => onChange({ ...value, unitId: id })}
        data-testid="unit-select"
      />
      <Select
        style={{ width: 160 }}
        value={`${value.year}-${value.quarter}`}
        options={recentQuarters().map((q) => ({
          value: `${q.year}-${q.quarter}`,
          label: t("engagementRecords.quarterLabel", { year: String(q.year), quarter: String(q.quarter) }),
        }))}
        onChange={(v: string) => {
          const [year, quarter] = v.split("-").map(Number);
          onChange({ ...value, year: year ?? value.year, quarter: quarter ?? value.quarter });
        }}
      />
    </Space>
  );
}
