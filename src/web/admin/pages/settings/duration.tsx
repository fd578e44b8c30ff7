import { InputNumber, Select, Space } from "antd";
import type { TFunction } from "i18next";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

const UNITS = { days: 24 * 60, hours: 60, minutes: 1 } as const;
type Unit = keyof typeof UNITS;
const ORDER: readonly Unit[] = ["days", "hours", "minutes"];

/** The largest unit a number of minutes is a whole count of: 2880 → 2 days, 90 → 90 minutes. */
function split(minutes: number): { n: number; unit: Unit } {
  const unit = ORDER.find((u) => minutes > 0 && minutes % UNITS[u] === 0) ?? "minutes";
  return { n: minutes / UNITS[unit], unit };
}

/** "2 天", "4 小时", "30 分钟". */
export function durationText(t: TFunction, minutes: number): string {
  const { n, unit } = split(minutes);
  return t("settings.duration.amount", { n, unit: t(`settings.duration.${unit}`) });
}

/** Minutes, typed as a number and a unit (minutes, hours, days). */
export function DurationInput({
  value,
  onChange,
  id,
  min = 1,
}: {
  value?: number;
  onChange?: (minutes: number | undefined) => void;
  id?: string;
  min?: number;
}) {
  const { t } = useTranslation();
  // The unit stays as chosen while typing (60 minutes are not turned into 1 hour under the cursor);
  // a value it cannot show whole (another category opened) picks its own.
  const [unit, setUnit] = useState<Unit>(() => split(value ?? 0).unit);
  useEffect(() => {
    if (value !== undefined && value % UNITS[unit] !== 0) setUnit(split(value).unit);
  }, [value, unit]);
  const n = (value ?? 0) / UNITS[unit];
  const set = (count: number | null, u: Unit) => onChange?.(count === null ? undefined : count * UNITS[u]);
  return (
    <Space.Compact>
      <InputNumber
        id={id}
        min={min}
        precision={0}
        value={value === undefined ? undefined : n}
        onChange={(v) => set(v, unit)}
        style={{ width: 110 }}
      />
      <Select<Unit>
        value={unit}
        onChange={(u) => {
          setUnit(u);
          set(value === undefined ? null : n, u);
        }}
        style={{ width: 90 }}
        options={ORDER.map((u) => ({ value: u, label: t(`settings.duration.${u}`) }))}
      />
    </Space.Compact>
  );
}
