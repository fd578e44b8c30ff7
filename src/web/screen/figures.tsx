import { useTranslation } from "react-i18next";
import type { Overview } from "./data.ts";
import { count, hoursMinutes, type Part, percent } from "./format.ts";
import { Panel } from "./panel.tsx";
import { BLUE, CYAN, GOLD, GREEN, ORANGE, RED } from "./theme.ts";
import "./numbers.css";

interface Figure {
  key: string;
  label: string;
  parts: Part[];
  colour: string;
  testId?: string;
  /** Glows: something needs looking at (cases overdue now). */
  alert?: boolean;
}

function FigureCard({ figure }: { figure: Figure }) {
  return (
    <div
      className={`figure${figure.alert ? " figure-alert" : ""}`}
      style={{ borderLeftColor: figure.colour }}
    >
      <div className="figure-label">{figure.label}</div>
      <div className="figure-value" style={{ color: figure.colour }}>
        {figure.parts.map((p, i) => (
          <span key={p.unit || "value"}>
            <span className="figure-number" data-testid={i === 0 ? figure.testId : undefined}>
              {p.value}
            </span>
            {p.unit && <span className="figure-unit">{p.unit}</span>}
          </span>
        ))}
      </div>
    </div>
  );
}

/** The big numbers: what came in, what is done, what is open or overdue now, how residents rate it. */
export function Figures({ overview }: { overview: Overview }) {
  const { t, i18n } = useTranslation();
  const { cases, now } = overview;
  const n = (value: number) => [{ value: count(value, i18n.language), unit: t("screen.units.cases") }];
  const pc = (rate: number | null) => [{ value: percent(rate), unit: rate === null ? "" : "%" }];
  const units = { hours: t("screen.units.hours"), minutes: t("screen.units.minutes") };
  const figures: Figure[] = [
    {
      key: "received",
      label: t("screen.figures.received"),
      parts: n(cases.received),
      colour: CYAN,
      testId: "screen-received",
    },
    { key: "finished", label: t("screen.figures.finished"), parts: n(cases.finished), colour: GREEN },
    { key: "open", label: t("screen.figures.open"), parts: n(now.open), colour: BLUE },
    {
      key: "overdue",
      label: t("screen.figures.overdue"),
      parts: n(now.overdue),
      colour: now.overdue > 0 ? RED : GREEN,
      alert: now.overdue > 0,
    },
    {
      key: "satisfaction",
      label: t("screen.figures.satisfaction"),
      parts: pc(cases.satisfactionRate),
      colour: GOLD,
    },
    {
      key: "finishRate",
      label: t("screen.figures.finishRate"),
      parts: pc(cases.received ? cases.finished / cases.received : null),
      colour: GREEN,
    },
    {
      key: "response",
      label: t("screen.figures.responseMedian"),
      parts: hoursMinutes(cases.responseMinutes.median, units),
      colour: ORANGE,
    },
    {
      key: "resolution",
      label: t("screen.figures.resolutionMedian"),
      parts: hoursMinutes(cases.resolutionMinutes.median, units),
      colour: ORANGE,
    },
  ];
  return (
    <Panel title={t("screen.figures.title")} className="figures-panel">
      <div className="figures">
        {figures.map((f) => (
          <FigureCard key={f.key} figure={f} />
        ))}
      </div>
    </Panel>
  );
}
