import { useTranslation } from "react-i18next";
import { levelLabel } from "../common/levels.ts";
import type { Area, Areas, Overview } from "./data.ts";
import { ScreenMap } from "./screen-map.tsx";
import { Segmented } from "./segmented.tsx";
import { Trail } from "./trail.tsx";
import type { Measure } from "./use-view.ts";
import "./map.css";

interface Props {
  overview: Overview;
  areas: Areas | undefined;
  measure: Measure;
  onMeasure: (measure: Measure) => void;
  onDrill: (area: Area) => void;
  onGoTo: (id: string) => void;
  onBack: () => void;
}

/** The centre of the screen: where we are and the way back up, the map, and what a click will do. */
export function MapPanel({ overview, areas, measure, onMeasure, onDrill, onGoTo, onBack }: Props) {
  const { t } = useTranslation();
  const self = !!areas?.items.some((a) => a.id === areas.node.id);
  const hint = self ? "self" : areas?.level === "grid" ? "grid" : "community";
  return (
    <section className="panel map-panel">
      <div className="map-toolbar">
        <Trail node={overview.node} trail={overview.trail} onGoTo={onGoTo} onBack={onBack} />
        <Segmented
          size="small"
          label={t("screen.map.measure")}
          value={measure}
          onChange={onMeasure}
          options={[
            { value: "received", label: t("screen.map.received") },
            { value: "overdue", label: t("screen.map.overdue") },
          ]}
        />
      </div>
      <div className="map-area">
        {areas && <ScreenMap areas={areas} measure={measure} onDrill={onDrill} />}
        {areas && !self && (
          <div className="map-count">
            {t("screen.map.areas", { count: areas.items.length, level: levelLabel(t, areas.level) })}
          </div>
        )}
        <div className="map-hint">{t(`screen.map.hint.${hint}`)}</div>
      </div>
    </section>
  );
}
