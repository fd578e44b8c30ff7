import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { currentLanguage, setLanguage } from "../common/i18n.ts";
import { Clock } from "./clock.tsx";
import type { Overview } from "./data.ts";
import { PERIODS, type Period } from "./period.ts";
import { Segmented } from "./segmented.tsx";
import "./header.css";

interface Props {
  overview: Overview | undefined;
  period: Period;
  onPeriod: (period: Period) => void;
}

/** Clock and freshness left, the title in the middle, the period and language switches right. */
export function Header({ overview, period, onPeriod }: Props) {
  const { t, i18n } = useTranslation();
  // The title names the top of the reader's scope (the district), not the area drilled into.
  const top = overview ? (overview.trail[0] ?? overview.node) : undefined;
  const refreshed = overview?.refreshedAt
    ? new Date(overview.refreshedAt).toLocaleTimeString(i18n.language, {
        timeZone: "Asia/Shanghai",
        hour12: false,
        hour: "2-digit",
        minute: "2-digit",
      })
    : null;
  const other = currentLanguage() === "en" ? "zh-CN" : "en";
  const title = top ? t("screen.title", { name: top.name }) : t("screen.titleShort");
  useEffect(() => {
    document.title = title;
  }, [title]);
  return (
    <header className="screen-header">
      <div className="header-side">
        <Clock />
        {refreshed && <div className="header-note">{t("screen.updatedAt", { time: refreshed })}</div>}
      </div>
      <div className="title-plate">
        <h1>{title}</h1>
      </div>
      <div className="header-side header-right">
        <Segmented
          label={t("screen.period.label")}
          value={period}
          onChange={onPeriod}
          options={PERIODS.map((p) => ({ value: p, label: t(`screen.period.${p}`) }))}
        />
        {overview && (
          <div className="header-note">
            {t("screen.range", { from: overview.from, to: overview.to })}
            <button type="button" className="link-button" onClick={() => setLanguage(other)}>
              {t(`language.${other}`)}
            </button>
          </div>
        )}
      </div>
    </header>
  );
}
