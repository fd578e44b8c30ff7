import { DownloadOutlined, EditOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { ErrorBlock } from "antd-mobile";
import type { MultiPolygon, Polygon } from "geojson";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { ApiError, api } from "../../../common/api.ts";
import { LazyGridMap as GridMap } from "../../../common/grid-map-lazy.tsx";
import type { GridCollection } from "../../../common/territory.ts";
import { LanguageSwitch } from "../../language-switch.tsx";
import { Section } from "../../page-bar.tsx";
import { Loading } from "../status.tsx";
import { type Card, CardPersonRow } from "./card-person.tsx";

const SECTIONS = [
  { key: "staff", roles: ["gridLeader", "gridWorker"], large: true },
  { key: "heads", roles: ["buildingHead", "entranceHead"], large: false },
  { key: "liaisons", roles: ["liaison"], large: false },
] as const;

const cardQuery = (code: string) => ({
  queryKey: ["public", "card", code],
  queryFn: ({ signal }: { signal: AbortSignal }) =>
    api.get("/api/v1/public/grids/{code}/card", { path: { code }, signal }),
  retry: (count: number, error: Error) => !(error instanceof ApiError && error.status === 404) && count < 2,
});

/** The card's polygon as the one-feature collection the grid map draws. */
function areaOf(card: Card): GridCollection | undefined {
  if (!card.geometry) return undefined;
  return {
    type: "FeatureCollection",
    features: [
      {
        type: "Feature",
        geometry: card.geometry as Polygon | MultiPolygon,
        properties: {
          id: card.code,
          code: card.code,
          unitCode: null,
          name: card.name,
          type: null,
          community: card.community?.name ?? null,
          communityCode: card.community?.code ?? null,
          communityId: null,
        },
      },
    ],
  };
}

/**
 * 民情联系卡 of one grid, open to anyone (the poster's QR code and the posted card lead here):
 * who works the grid, what each does, a call button each, where the grid is, and the way to the
 * request form. Large type throughout: many readers are old.
 */
export function ContactCardPage() {
  const { t } = useTranslation();
  const { code = "" } = useParams();
  const card = useQuery(cardQuery(code));

  if (card.error) {
    const missing = card.error instanceof ApiError && card.error.status === 404;
    return (
      <ErrorBlock
        status={missing ? "empty" : "disconnected"}
        fullPage
        title={missing ? t("contactCard.notFound") : card.error.message}
        description={missing ? code : ""}
      />
    );
  }
  if (!card.data) return <Loading />;
  const c = card.data;
  const area = areaOf(c);
  return (
    <main style={{ paddingBottom: 32 }}>
      <header
        style={{
          background: "linear-gradient(160deg, var(--party-red) 0%, #a3121a 100%)",
          color: "#fff",
          padding: "12px 16px 20px",
        }}
      >
        <div style={{ display: "flex", justifyContent: "space-between", alignItems: "center" }}>
          <span style={{ fontSize: 17, opacity: 0.9 }}>{t("contactCard.title")}</span>
          <LanguageSwitch />
        </div>
        <h1 style={{ margin: "14px 0 4px", fontSize: 28, lineHeight: 1.3 }}>{c.name}</h1>
        <div style={{ fontSize: 17, opacity: 0.92 }}>
          {[c.street?.name, c.community?.name].filter(Boolean).join(" · ")}
        </div>
        <div style={{ fontSize: 18, fontWeight: 600, color: "#ffd666", marginTop: 8 }}>
          {t("contactCard.threeShows")}
        </div>
      </header>

      <section style={{ background: "#fff", padding: 16 }}>
        <p style={{ margin: "0 0 12px", fontSize: 17 }}>{t("contactCard.reportHint")}</p>
        <Link
          to={`/cases/new?grid=${encodeURIComponent(c.code)}`}
          style={{
            display: "flex",
            alignItems: "center",
            justifyContent: "center",
            gap: 8,
            height: 58,
            borderRadius: 10,
            background: "var(--party-red)",
            color: "#fff",
            fontSize: 21,
            fontWeight: 600,
            textDecoration: "none",
          }}
        >
          <EditOutlined /> {t("contactCard.report")}
        </Link>
      </section>

      {c.staff.length === 0 && (
        <Section title={t("contactCard.sections.staff")}>
          <p style={{ padding: "0 16px 16px", margin: 0 }}>{t("contactCard.noStaff")}</p>
        </Section>
      )}
      {SECTIONS.map((s) => {
        const people = c.staff.filter((p) => (s.roles as readonly string[]).includes(p.role));
        if (people.length === 0) return null;
        return (
          <Section key={s.key} title={t(`contactCard.sections.${s.key}`)}>
            <ul style={{ listStyle: "none", margin: 0, padding: "0 16px" }}>
              {people.map((p) => (
                <CardPersonRow key={p.id} person={p} large={s.large} />
              ))}
            </ul>
          </Section>
        );
      })}

      {area && (
        <Section title={t("contactCard.area")}>
          <div style={{ padding: "0 12px 12px" }}>
            <GridMap data={area} labels large roam={false} height={260} />
          </div>
        </Section>
      )}

      <section style={{ display: "flex", gap: 12, padding: 16 }}>
        {(["A4", "A3"] as const).map((size) => (
          <a
            key={size}
            className="call-button"
            style={{ flex: 1, fontSize: 16 }}
            href={size === "A4" ? c.posterUrl : `${c.posterUrl}?size=${size}`}
            download
          >
            <DownloadOutlined /> {t(size === "A4" ? "contactCard.posterA4" : "contactCard.posterA3")}
          </a>
        ))}
      </section>
    </main>
  );
}
