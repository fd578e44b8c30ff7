import { PhoneOutlined, UserOutlined } from "@ant-design/icons";
import { useTranslation } from "react-i18next";
import type { ResponseOf } from "../../../common/api.ts";
import { staffRoleLabel } from "../../../common/labels.ts";

export type Card = ResponseOf<"/api/v1/public/grids/{code}/card", "get">;
export type CardPerson = Card["staff"][number];

/** 三亮 of one person: photo and name (身份), role and duties (职责), a big call button (电话). */
export function CardPersonRow({ person: p, large }: { person: CardPerson; large?: boolean }) {
  const { t } = useTranslation();
  const role =
    p.role === "gridWorker" && p.partTime ? t("contactCard.partTimeWorker") : staffRoleLabel(t, p.role);
  const where = p.place ?? (p.households ? t("contactCard.households", { count: p.households }) : null);
  const photo = large ? { width: 84, height: 112 } : { width: 66, height: 88 };
  return (
    <li
      data-testid="card-person"
      style={{ display: "flex", gap: 14, padding: "14px 0", borderBottom: "1px solid #f0f0f0" }}
    >
      {p.photoUrl ? (
        <img
          src={p.photoUrl}
          alt={t("contactCard.photoOf", { name: p.name })}
          loading="lazy"
          style={{ ...photo, objectFit: "cover", borderRadius: 8, flex: "none", background: "#eef0f3" }}
        />
      ) : (
        <div
          aria-hidden
          style={{
            ...photo,
            flex: "none",
            borderRadius: 8,
            background: "#eef0f3",
            color: "#b5bcc6",
            fontSize: photo.width * 0.55,
            display: "flex",
            alignItems: "center",
            justifyContent: "center",
          }}
        >
          <UserOutlined />
        </div>
      )}
      <div style={{ flex: 1, minWidth: 0 }}>
        <div style={{ display: "flex", flexWrap: "wrap", alignItems: "baseline", gap: "2px 10px" }}>
          <span style={{ fontSize: large ? 24 : 21, fontWeight: 700 }}>{p.name}</span>
          <span style={{ fontSize: 17, color: "var(--party-red)" }}>{role}</span>
        </div>
        {where && <div style={{ fontSize: 17, color: "var(--adm-color-text-secondary)" }}>{where}</div>}
        <a
          className="call-button"
          href={`tel:${p.phone}`}
          aria-label={t("contactCard.callName", { name: p.name })}
          style={{ marginTop: 8, fontSize: 20, fontWeight: 600, height: 52 }}
        >
          <PhoneOutlined /> {p.phone}
        </a>
        {p.duties && (
          <p style={{ margin: "8px 0 0", fontSize: 17, lineHeight: 1.55 }}>
            <span style={{ color: "var(--adm-color-text-secondary)" }}>{t("contactCard.dutiesLead")}</span>
            {p.duties}
          </p>
        )}
      </div>
    </li>
  );
}
