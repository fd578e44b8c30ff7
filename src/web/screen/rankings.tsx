import { useTranslation } from "react-i18next";
import type { Area, Areas } from "./data.ts";
import { count, percent, shortName } from "./format.ts";
import { Panel } from "./panel.tsx";
import "./lists.css";

const TOP = 8;

interface Row {
  id: string;
  name: string;
  value: string;
  /** 0…1: the bar under the name. */
  share: number;
}

function Ranking({ title, rows, accent }: { title: string; rows: Row[]; accent: "cyan" | "gold" }) {
  const { t } = useTranslation();
  return (
    <div className={`ranking ranking-${accent}`}>
      <h3>{title}</h3>
      {rows.length === 0 && <div className="empty">{t("screen.rankings.empty")}</div>}
      <ol>
        {rows.map((r, i) => (
          <li key={r.id} className="rank-row">
            <span className={`rank-no rank-no-${i + 1}`}>{i + 1}</span>
            <span className="rank-name" title={r.name}>
              {r.name}
            </span>
            <span className="rank-value">{r.value}</span>
            <span className="rank-bar" style={{ width: `${Math.max(2, r.share * 100)}%` }} />
          </li>
        ))}
      </ol>
    </div>
  );
}

/** The current map's areas, ranked by requests received and by satisfaction (rated ones only). */
export function Rankings({ areas }: { areas: Areas | undefined }) {
  const { t, i18n } = useTranslation();
  const items = areas?.items ?? [];
  const name = (a: Area) => shortName(a.name, areas?.node.name);
  const byReceived = [...items].sort((a, b) => b.received - a.received).slice(0, TOP);
  const most = byReceived[0]?.received || 1;
  const bySatisfaction = items
    .filter((a) => a.satisfactionRate !== null)
    .sort((a, b) => (b.satisfactionRate ?? 0) - (a.satisfactionRate ?? 0) || b.rated - a.rated)
    .slice(0, TOP);
  return (
    <Panel title={t("screen.rankings.title")} className="rankings-panel">
      <div className="rankings">
        <Ranking
          title={t("screen.rankings.byReceived")}
          accent="cyan"
          rows={byReceived.map((a) => ({
            id: a.id,
            name: name(a),
            value: count(a.received, i18n.language),
            share: a.received / most,
          }))}
        />
        <Ranking
          title={t("screen.rankings.bySatisfaction")}
          accent="gold"
          rows={bySatisfaction.map((a) => ({
            id: a.id,
            name: name(a),
            value: `${percent(a.satisfactionRate)}%`,
            share: a.satisfactionRate ?? 0,
          }))}
        />
      </div>
    </Panel>
  );
}
