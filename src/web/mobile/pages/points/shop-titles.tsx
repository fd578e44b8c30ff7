import { Tag } from "antd-mobile";
import { useTranslation } from "react-i18next";

/** A shop's titles (美德商铺, 诚信商户) as badges, each with its period. */
export function TitleTags({ titles }: { titles: ReadonlyArray<{ kind: string; period: string }> }) {
  const { t } = useTranslation();
  if (titles.length === 0) return null;
  return (
    <div style={{ display: "flex", gap: 8, flexWrap: "wrap", marginTop: 10 }}>
      {titles.map((x) => (
        <Tag
          key={`${x.kind}-${x.period}`}
          color="warning"
          fill="solid"
          style={{ fontSize: 15, padding: "4px 8px" }}
        >
          🏅 {t(`pointsEvaluation.titleKinds.${x.kind}`, { defaultValue: x.kind })} {x.period}
        </Tag>
      ))}
    </div>
  );
}
