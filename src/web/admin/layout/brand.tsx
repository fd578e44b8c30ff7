import { StarFilled } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import { PARTY_RED } from "../theme.ts";

/** The emblem and the platform name, as in the header and on the login page. */
export function Brand({ size = 18, inverted = false }: { size?: number; inverted?: boolean }) {
  const { t } = useTranslation();
  const mark = Math.round(size * 1.6);
  return (
    <span style={{ display: "inline-flex", alignItems: "center", gap: 10, minWidth: 0 }}>
      <span
        aria-hidden
        style={{
          width: mark,
          height: mark,
          flex: "none",
          borderRadius: 6,
          display: "inline-flex",
          alignItems: "center",
          justifyContent: "center",
          background: inverted ? "#ffffff" : PARTY_RED,
          color: inverted ? PARTY_RED : "#ffd666",
          fontSize: size * 0.9,
        }}
      >
        <StarFilled />
      </span>
      <span
        style={{
          fontSize: size,
          fontWeight: 600,
          color: inverted ? "#ffffff" : "rgba(0,0,0,0.88)",
          whiteSpace: "nowrap",
          overflow: "hidden",
          textOverflow: "ellipsis",
        }}
      >
        {t("app.name")}
      </span>
    </span>
  );
}
