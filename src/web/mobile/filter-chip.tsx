import { CloseOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";

/**
 * Above a list opened from a to-do (`?status=…`): says it shows only those, and one tap shows all.
 * Nothing when the address has no such filter.
 */
export function FilterChip({ name = "status", label }: { name?: string; label: string | undefined }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  if (!label || !params.get(name)) return null;
  const clear = () =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.delete(name);
        return next;
      },
      { replace: true },
    );
  return (
    <div
      style={{
        display: "flex",
        alignItems: "center",
        justifyContent: "space-between",
        gap: 12,
        margin: "12px 16px 0",
        padding: "10px 14px",
        background: "#fdf2f2",
        borderRadius: 8,
        fontSize: 16,
      }}
    >
      <span>{t("todos.only", { what: label })}</span>
      <button
        type="button"
        onClick={clear}
        style={{ border: 0, background: "none", color: "var(--party-red)", fontSize: 16, padding: 4 }}
      >
        <CloseOutlined style={{ marginInlineEnd: 4 }} />
        {t("todos.showAll")}
      </button>
    </div>
  );
}
