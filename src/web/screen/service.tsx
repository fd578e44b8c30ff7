import { useTranslation } from "react-i18next";
import type { Overview } from "./data.ts";
import { count } from "./format.ts";
import { Panel } from "./panel.tsx";
import "./numbers.css";

interface Stat {
  key: string;
  label: string;
  value: string;
  unit: string;
  tone?: "good" | "bad";
}

function StatRow({ title, stats }: { title: string; stats: Stat[] }) {
  return (
    <div className="stat-row">
      <div className="stat-title">{title}</div>
      {stats.map((s) => (
        <div key={s.key} className={`stat ${s.tone ? `stat-${s.tone}` : ""}`}>
          <div className="stat-value">
            {s.value}
            {s.unit && <small>{s.unit}</small>}
          </div>
          <div className="stat-label">{s.label}</div>
        </div>
      ))}
    </div>
  );
}

/** Services to residents: orders grabbed by members (and missed), volunteers' activities and hours. */
export function Service({ overview }: { overview: Overview }) {
  const { t, i18n } = useTranslation();
  const { orders, volunteering } = overview;
  const n = (value: number) => count(value, i18n.language);
  const unit = t("screen.units.orders");
  return (
    <Panel title={t("screen.service.title")} className="service-panel">
      <div className="service">
        <StatRow
          title={t("screen.service.orders")}
          stats={[
            { key: "published", label: t("screen.service.published"), value: n(orders.published), unit },
            { key: "grabbed", label: t("screen.service.grabbed"), value: n(orders.grabbed), unit },
            {
              key: "completed",
              label: t("screen.service.completed"),
              value: n(orders.completed),
              unit,
              tone: "good",
            },
            {
              key: "missed",
              label: t("screen.service.missed"),
              value: n(orders.missed),
              unit,
              tone: orders.missed > 0 ? "bad" : undefined,
            },
          ]}
        />
        <StatRow
          title={t("screen.service.volunteering")}
          stats={[
            {
              key: "activities",
              label: t("screen.service.activities"),
              value: n(volunteering.activities),
              unit: t("screen.units.activities"),
            },
            {
              key: "people",
              label: t("screen.service.people"),
              value: n(volunteering.people),
              unit: t("screen.units.times"),
            },
            {
              key: "hours",
              label: t("screen.service.hours"),
              value: String(Math.round(volunteering.hours * 10) / 10),
              unit: t("screen.units.hours"),
              tone: "good",
            },
          ]}
        />
      </div>
    </Panel>
  );
}
