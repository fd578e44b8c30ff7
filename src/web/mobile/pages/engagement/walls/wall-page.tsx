import { DesktopOutlined, HomeOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { ErrorBlock, Image, Tabs } from "antd-mobile";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router-dom";
import { api, type ResponseOf } from "../../../../common/api.ts";
import { useAuth } from "../../../../common/auth.tsx";
import { LanguageSwitch } from "../../../language-switch.tsx";
import { Loading } from "../../status.tsx";
import "./wall.css";

type Wall = ResponseOf<"/api/v1/public/engagement/walls/{communityId}", "get">;
const TABS = ["promises", "signatures", "pioneers", "stars"] as const;
type Tab = (typeof TABS)[number];

/**
 * 党员风采墙, open to anyone: a community's promise, signature and pioneer walls for the year, names
 * masked. On a phone the walls are tabs; with ?screen=1 (a big screen in the community hall) all
 * three stand side by side in large type.
 */
export function WallPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const { communityId = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const screen = params.get("screen") === "1";
  const year = Number(params.get("year")) || undefined;
  const tab: Tab = TABS.find((x) => x === params.get("tab")) ?? "promises";
  const wall = useQuery({
    queryKey: ["engagement", "wall", communityId, year],
    queryFn: ({ signal }) =>
      api.get("/api/v1/public/engagement/walls/{communityId}", {
        path: { communityId },
        query: { year },
        signal,
      }),
    // A big screen stays up all day: it picks up new promises by itself.
    refetchInterval: screen ? 60_000 : false,
  });
  const w = "engagementWalls.wall";
  if (wall.error) return <ErrorBlock status="empty" title={t(`${w}.notFound`)} description="" />;
  if (!wall.data) return <Loading />;
  const d = wall.data;
  const walls: Record<Tab, { title: string; body: React.ReactNode }> = {
    promises: { title: t(`${w}.promises`), body: <Promises d={d} /> },
    signatures: { title: t(`${w}.signatures`), body: <Signatures d={d} /> },
    pioneers: { title: t(`${w}.pioneers`), body: <Pioneers d={d} /> },
    stars: { title: t("pointsRankings.wall.title"), body: <Stars d={d} /> },
  };
  return (
    <main className={screen ? "wall wall-screen" : "wall"}>
      <header className="wall-head">
        <div className="wall-bar">
          {user && !screen ? (
            <Link to="/" style={{ color: "#fff", textDecoration: "none" }}>
              <HomeOutlined /> {t("mobile.tabs.home")}
            </Link>
          ) : (
            <span />
          )}
          {!screen && (
            <span style={{ display: "flex", gap: 12, alignItems: "center" }}>
              <Link to={`?screen=1${year ? `&year=${year}` : ""}`} style={{ color: "#fff" }}>
                <DesktopOutlined /> {t(`${w}.bigScreen`)}
              </Link>
              <LanguageSwitch />
            </span>
          )}
        </div>
        <h1>{t(`${w}.title`, { community: d.community.name })}</h1>
        <div className="wall-sub">
          {t("engagementWalls.yearValue", { year: String(d.year) })} · {t(`${w}.subtitle`)}
        </div>
      </header>
      {screen ? (
        <div className="wall-columns">
          {TABS.map((k) => (
            <section key={k} className="wall-column">
              <h2>{walls[k].title}</h2>
              {walls[k].body}
            </section>
          ))}
        </div>
      ) : (
        <>
          <Tabs
            activeKey={tab}
            onChange={(key) => setParams((p) => ({ ...Object.fromEntries(p), tab: key }), { replace: true })}
          >
            {TABS.map((k) => (
              <Tabs.Tab key={k} title={<span style={{ fontSize: 18 }}>{walls[k].title}</span>} />
            ))}
          </Tabs>
          {walls[tab].body}
        </>
      )}
    </main>
  );
}

const Empty = () => {
  const { t } = useTranslation();
  return (
    <ErrorBlock
      status="empty"
      title={t("engagementWalls.wall.empty")}
      description=""
      style={{ padding: "24px 0" }}
    />
  );
};

const Face = ({ src }: { src: string | null }) =>
  src ? (
    <Image src={src} width={64} height={64} fit="cover" className="wall-face" />
  ) : (
    <div className="wall-face wall-face-none" />
  );

function Promises({ d }: { d: Wall }) {
  const { t } = useTranslation();
  if (d.promises.length === 0) return <Empty />;
  return (
    <ul className="wall-list">
      {d.promises.map((p) => (
        <li key={p.id} className="wall-card">
          <Face src={p.photo} />
          <div>
            <div className="wall-name">
              {p.name} {p.kept && <span className="wall-kept">{t("engagementWalls.kept")}</span>}
            </div>
            <div className="wall-text">{p.text}</div>
            {p.keptNote && (
              <div className="wall-note">{t("engagementWalls.wall.keptNote", { note: p.keptNote })}</div>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}

function Signatures({ d }: { d: Wall }) {
  const { t } = useTranslation();
  return (
    <>
      <div className="wall-hint">
        {t("engagementWalls.wall.signaturesHint", { count: d.signatures.total })}
      </div>
      {d.signatures.items.length === 0 ? (
        <Empty />
      ) : (
        <ul className="wall-grid">
          {d.signatures.items.map((s, i) => (
            // Masked names repeat; the order is the server's and stable.
            // biome-ignore lint/suspicious/noArrayIndexKey: no id is shown on the public wall.
            <li key={i} className="wall-sign">
              <Face src={s.photo} />
              <div className="wall-name">{s.name}</div>
              <div className="wall-unit">{s.unit}</div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function Pioneers({ d }: { d: Wall }) {
  const { t } = useTranslation();
  if (d.pioneers.length === 0) return <Empty />;
  return (
    <ul className="wall-list">
      {d.pioneers.map((p) => (
        <li key={p.id} className="wall-card">
          <Face src={p.photo} />
          <div>
            <div className="wall-name">{p.name}</div>
            <div className="wall-text">{p.citation}</div>
            <div className="wall-note">
              {t("engagementWalls.wall.servicesLine", {
                services: String(p.services),
                hours: String(p.hours),
              })}
            </div>
          </div>
        </li>
      ))}
    </ul>
  );
}

/** 明星党员: the published ranking of the community (or its street), names masked, with citations. */
function Stars({ d }: { d: Wall }) {
  const { t } = useTranslation();
  if (!d.stars || d.stars.entries.length === 0)
    return (
      <ErrorBlock
        status="empty"
        title={t("pointsRankings.wall.none")}
        description=""
        style={{ padding: "24px 0" }}
      />
    );
  return (
    <ul className="wall-list" data-testid="wall-stars">
      {d.stars.entries.map((e, i) => (
        // Masked names repeat and no id is shown on the public wall; the order is the ranking's.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above.
        <li key={i} className="wall-card">
          <div className="wall-face wall-face-none wall-rank">{e.rank}</div>
          <div>
            <div className="wall-name">{e.name}</div>
            {e.citation && <div className="wall-text">{e.citation}</div>}
          </div>
        </li>
      ))}
    </ul>
  );
}
