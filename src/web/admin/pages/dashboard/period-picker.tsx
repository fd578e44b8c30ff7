import { DatePicker } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { todayInChina } from "../../../common/china-day.ts";
import { type DayRange, PRESETS, presetRange } from "./period.ts";

const FORMAT = "YYYY-MM-DD";

/** The period of the figures: any two days up to today, or one of the usual presets. */
export function PeriodPicker({
  value,
  onChange,
}: {
  /** The period shown; the server's default until one is chosen. */
  value: DayRange | undefined;
  onChange: (range: DayRange) => void;
}) {
  const { t } = useTranslation();
  const now = new Date();
  const today = dayjs(todayInChina(now));
  return (
    <DatePicker.RangePicker
      aria-label={t("dashboard.period")}
      allowClear={false}
      value={value ? [dayjs(value.from), dayjs(value.to)] : null}
      disabledDate={(d) => d.isAfter(today, "day")}
      presets={PRESETS.map((p) => {
        const range = presetRange(p, now);
        return { label: t(`dashboard.presets.${p}`), value: [dayjs(range.from), dayjs(range.to)] };
      })}
      onChange={(range) => {
        const [from, to] = range ?? [];
        if (from && to) onChange({ from: from.format(FORMAT), to: to.format(FORMAT) });
      }}
      style={{ width: 260 }}
    />
  );
}
