import { Input, Select } from "antd";
import { useTranslation } from "react-i18next";

/** The search box of a list: searches on Enter or the button, clears with the ×. */
export function SearchBox({
  value,
  placeholder,
  onSearch,
  width = 280,
}: {
  value: string | undefined;
  placeholder: string;
  onSearch: (q: string | undefined) => void;
  width?: number | string;
}) {
  const { t } = useTranslation();
  return (
    <Input.Search
      // A new address (back button, another tab) shows its own search text.
      key={value ?? ""}
      defaultValue={value}
      allowClear
      placeholder={placeholder}
      aria-label={placeholder}
      enterButton={t("common.search")}
      maxLength={100}
      style={{ width }}
      onSearch={(q) => onSearch(q.trim() || undefined)}
    />
  );
}

/** A filter of known codes with an "all" choice. */
export function CodeSelect<C extends string>({
  value,
  codes,
  label,
  allLabel,
  optionLabel,
  onChange,
  width = 160,
}: {
  value: string | undefined;
  codes: readonly C[];
  label: string;
  allLabel: string;
  optionLabel: (code: C) => string;
  onChange: (value: C | undefined) => void;
  width?: number;
}) {
  return (
    <Select<C>
      allowClear
      style={{ width }}
      aria-label={label}
      placeholder={allLabel}
      value={codes.includes(value as C) ? (value as C) : undefined}
      onChange={(v?: C) => onChange(v)}
      options={codes.map((code) => ({ value: code, label: optionLabel(code) }))}
    />
  );
}
