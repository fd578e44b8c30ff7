import { Select } from "antd";
import { useTranslation } from "react-i18next";

/** This year in China: walls and the assessment are kept by calendar year. */
export const thisYear = () => Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));

/** The year picker of the walls and assessment pages: this year and the four before. */
export function YearSelect({ value, onChange }: { value: number; onChange: (year: number) => void }) {
  const { t } = useTranslation();
  const now = thisYear();
  return (
    <Select
      aria-label={t("engagementWalls.year")}
      value={value}
      onChange={onChange}
      style={{ width: 110 }}
      options={[0, 1, 2, 3, 4].map((back) => ({
        value: now - back,
        label: t("engagementWalls.yearValue", { year: String(now - back) }),
      }))}
    />
  );
}
