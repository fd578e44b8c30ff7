import { Tag } from "antd-mobile";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { PhotoStrip } from "../cases/photos.tsx";
import { STATUS_COLOURS, type WishCategory, type WishStatus } from "./wish-data.ts";

/** What a wish card shows, from the wall's item or one of my wishes. */
export interface WishView {
  id: string;
  status: WishStatus;
  title: string;
  description: string;
  category: WishCategory;
  wisherName: string;
  wisherKind: "resident" | "newEconomyWorker";
  photos: { id: string; url: string }[];
  communityName: string | null;
  claimerName: string | null;
  publishedAt: string | null;
  createdAt: string | null;
}

/** "11月20日" in the reader's language. */
export function useShortDate(): (iso: string | null) => string {
  const { i18n } = useTranslation();
  return (iso) =>
    iso ? new Date(iso).toLocaleDateString(i18n.language, { month: "short", day: "numeric" }) : "";
}

export function StatusTag({ status }: { status: WishStatus }) {
  const { t } = useTranslation();
  return (
    <Tag
      color={STATUS_COLOURS[status]}
      fill="outline"
      style={{ fontSize: 15, padding: "2px 6px" }}
      data-testid="wish-status"
    >
      {t(`wishes.status.${status}`)}
    </Tag>
  );
}

/**
 * One wish as a card: what is wished and why, its photos, who wished (masked, and whether a
 * new-economy worker), where, and who claimed it; `children` holds the buttons.
 */
export function WishCard({ w, children }: { w: WishView; children?: ReactNode }) {
  const { t } = useTranslation();
  const date = useShortDate();
  const when = w.publishedAt
    ? t("wishes.wall.publishedAt", { time: date(w.publishedAt) })
    : date(w.createdAt);
  return (
    <article
      data-testid="wish-card"
      style={{
        background: "#fff",
        borderRadius: 12,
        padding: 16,
        margin: "12px 12px 0",
        boxShadow: "0 1px 3px #0000000f",
      }}
    >
      <div style={{ display: "flex", flexWrap: "wrap", alignItems: "center", gap: 8 }}>
        <Tag color="#c8161d" fill="solid" style={{ fontSize: 14 }}>
          {t(`wishes.category.${w.category}`)}
        </Tag>
        <StatusTag status={w.status} />
        {w.wisherKind === "newEconomyWorker" && (
          <Tag color="warning" fill="outline" style={{ fontSize: 14 }}>
            {t("wishes.wisherKind.newEconomyWorker")}
          </Tag>
        )}
      </div>
      <h3 style={{ margin: "10px 0 4px", fontSize: 20, lineHeight: 1.4 }}>{w.title}</h3>
      {w.description && (
        <p style={{ margin: 0, fontSize: 17, color: "var(--adm-color-text-secondary)", lineHeight: 1.5 }}>
          {w.description}
        </p>
      )}
      <PhotoStrip photos={w.photos} size={72} />
      <div style={{ fontSize: 15, color: "var(--adm-color-text-secondary)", marginTop: 8, lineHeight: 1.6 }}>
        <span data-testid="wish-wisher">{t("wishes.wall.wisher", { name: w.wisherName })}</span>
        {w.communityName && <> · {w.communityName}</>}
        {when && <> · {when}</>}
        {w.claimerName && (
          <div style={{ color: "var(--party-red)" }}>
            {t("wishes.wall.claimedBy", { name: w.claimerName })}
          </div>
        )}
      </div>
      {children}
    </article>
  );
}
