import { useTranslation } from "react-i18next";
import type { Overview } from "./data.ts";
import { count, percent } from "./format.ts";
import { Panel } from "./panel.tsx";
import "./numbers.css";

/** 党员联系群众: the share of households a party member lives in or keeps in touch with. */
export function Coverage({ overview }: { overview: Overview }) {
  const { t, i18n } = useTranslation();
  const c = overview.coverage;
  const rate = c.rate ?? 0;
  const n = (value: number) => count(value, i18n.language);
  const facts = [
    { key: "households", value: c.households },
    { key: "covered", value: c.covered },
    { key: "withMember", value: c.withMember },
    { key: "linked", value: c.linked },
  ] as const;
  return (
    <Panel title={t("screen.coverage.title")} className="coverage-panel">
      <div className="coverage">
        <div
          className="ring"
          role="img"
          aria-label={`${t("screen.coverage.rate")} ${percent(c.rate)}%`}
          style={{ background: `conic-gradient(#ffb020 0 ${rate * 360}deg, rgba(255,255,255,0.08) 0)` }}
        >
          <div className="ring-inner">
            <div className="ring-value">
              {percent(c.rate)}
              {c.rate !== null && <small>%</small>}
            </div>
            <div className="ring-label">{t("screen.coverage.rate")}</div>
          </div>
        </div>
        <dl className="facts">
          {facts.map((f) => (
            <div key={f.key} className="fact">
              <dt>{t(`screen.coverage.${f.key}`)}</dt>
              <dd>
                {n(f.value)}
                <small>{t("screen.units.households")}</small>
              </dd>
            </div>
          ))}
        </dl>
      </div>
    </Panel>
  );
}
