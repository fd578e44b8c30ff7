import { Tag } from "antd-mobile";
import { useTranslation } from "react-i18next";
import type { ResponseOf } from "../../../common/api.ts";
import { genderLabel, relationLabel, residenceLabel } from "../../../common/labels.ts";

type Resident = ResponseOf<"/api/v1/people/households/{id}", "get">["residents"][number];

/** The people of one household, head first, with their numbers masked. */
export function MemberCards({ residents }: { residents: readonly Resident[] }) {
  const { t } = useTranslation();
  const sorted = [...residents].sort((a, b) => Number(b.relation === "head") - Number(a.relation === "head"));
  return (
    <ul style={{ listStyle: "none", margin: 0, padding: "0 16px 8px" }}>
      {sorted.map((r) => (
        <li key={r.id} style={{ padding: "14px 0", borderBottom: "1px solid #f0f0f0" }}>
          <div style={{ display: "flex", alignItems: "center", gap: 8, flexWrap: "wrap" }}>
            <strong style={{ fontSize: 20 }}>{r.name}</strong>
            <Tag color={r.relation === "head" ? "danger" : "default"} fill="outline" style={{ fontSize: 15 }}>
              {relationLabel(t, r.relation)}
            </Tag>
            <span style={{ color: "var(--adm-color-text-secondary)" }}>
              {genderLabel(t, r.gender)} · {t("mobile.age", { count: r.age })} ·{" "}
              {residenceLabel(t, r.residenceType)}
            </span>
          </div>
          <dl
            style={{ margin: "6px 0 0", display: "grid", gridTemplateColumns: "auto 1fr", gap: "2px 12px" }}
          >
            <dt style={{ color: "var(--adm-color-text-secondary)" }}>{t("people.idNumber")}</dt>
            <dd style={{ margin: 0, fontFamily: "monospace", fontSize: 17 }}>{r.idNumber}</dd>
            <dt style={{ color: "var(--adm-color-text-secondary)" }}>{t("people.phone")}</dt>
            <dd style={{ margin: 0, fontFamily: "monospace", fontSize: 17 }}>{r.phone ?? "—"}</dd>
          </dl>
        </li>
      ))}
    </ul>
  );
}
