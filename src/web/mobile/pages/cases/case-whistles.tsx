import { Tag } from "antd-mobile";
import { useTranslation } from "react-i18next";
import { Section } from "../../page-bar.tsx";
import type { CaseDetail } from "./case-data.ts";
import { OverdueTag, useFormatTime } from "./case-labels.tsx";
import { PhotoStrip } from "./photos.tsx";

/** 吹哨报到 on a case: each department called, where it stands, and what it reported back. */
export function CaseWhistles({ whistles }: { whistles: CaseDetail["whistles"] }) {
  const { t, i18n } = useTranslation();
  const time = useFormatTime();
  if (whistles.length === 0) return null;
  return (
    <Section title={t("casesMobile.whistles.title")}>
      {whistles.map((w) => (
        <div key={w.id} style={{ padding: "8px 16px 12px", borderTop: "1px solid #f0f0f0" }}>
          <div style={{ display: "flex", flexWrap: "wrap", alignItems: "center", gap: 8 }}>
            <strong style={{ fontSize: 18 }}>
              {i18n.language === "en" && w.department.nameEn ? w.department.nameEn : w.department.name}
            </strong>
            <Tag color="primary" fill="outline" style={{ fontSize: 15 }}>
              {t(`cases.whistleStatus.${w.status}`)}
            </Tag>
            <OverdueTag overdue={w.overdue} />
          </div>
          <div style={{ fontSize: 16, color: "var(--adm-color-text-secondary)" }}>
            {t("casesMobile.whistles.deadline", { time: time(w.deadline) })}
          </div>
          {w.report && <div style={{ fontSize: 17, marginTop: 4, whiteSpace: "pre-wrap" }}>{w.report}</div>}
          <PhotoStrip photos={w.reportPhotos} size={64} />
        </div>
      ))}
    </Section>
  );
}
