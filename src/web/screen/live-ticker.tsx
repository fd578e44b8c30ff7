import { useLayoutEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { todayInChina } from "../common/china-day.ts";
import type { Live, LiveCase } from "./data.ts";
import { Panel } from "./panel.tsx";
import "./lists.css";

/** Seconds each row stays in view as the list scrolls past. */
const SECONDS_PER_ROW = 2.5;

/** "14:05" today, "12月5日" / "5 Dec" before (China time). */
function when(iso: string, now: Date, language: string): string {
  const at = new Date(iso);
  const zone = { timeZone: "Asia/Shanghai" };
  if (todayInChina(at) !== todayInChina(now))
    return at.toLocaleDateString(language, { ...zone, month: "short", day: "numeric" });
  return at.toLocaleTimeString(language, { ...zone, hour12: false, hour: "2-digit", minute: "2-digit" });
}

/** The longest overdue first (they need chasing), then the newest; each case once. */
function rowsOf(live: Live | undefined): LiveCase[] {
  if (!live) return [];
  const seen = new Set(live.overdue.map((c) => c.id));
  return [...live.overdue, ...live.latest.filter((c) => !seen.has(c.id))];
}

function Row({ c, now }: { c: LiveCase; now: Date }) {
  const { t, i18n } = useTranslation();
  return (
    <li className={`ticker-row${c.overdue ? " ticker-overdue" : ""}`} title={c.description}>
      <span className="ticker-time">{when(c.createdAt, now, i18n.language)}</span>
      <span className="ticker-code">{c.code}</span>
      <span className="ticker-category">{c.categoryName}</span>
      <span className="ticker-place">{c.placeName ?? t("common.none")}</span>
      <span className="ticker-badge">{c.overdue && <em>{t("screen.live.overdue")}</em>}</span>
    </li>
  );
}

/**
 * The live list, polled every 10 s: overdue and newest cases. When they do not fit, the list
 * scrolls upwards in a loop (drawn twice, so the end joins the start); hovering pauses it.
 */
export function LiveTicker({ live }: { live: Live | undefined }) {
  const { t } = useTranslation();
  const rows = rowsOf(live);
  const box = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLOListElement>(null);
  const [scrolls, setScrolls] = useState(false);
  const now = live ? new Date(live.at) : new Date();

  // biome-ignore lint/correctness/useExhaustiveDependencies: measured again whenever the rows change.
  useLayoutEffect(() => {
    if (box.current && list.current) setScrolls(list.current.offsetHeight > box.current.clientHeight);
  }, [rows.length]);

  const overdue = live?.overdue.length ?? 0;
  return (
    <Panel
      title={t("screen.live.title")}
      className="live-panel"
      extra={live && t("screen.live.counts", { latest: live.latest.length, overdue })}
      testId="screen-live"
    >
      <div ref={box} className={`ticker${scrolls ? " ticker-scrolling" : ""}`}>
        {rows.length === 0 && <div className="empty">{t("screen.live.empty")}</div>}
        <div
          className="ticker-track"
          style={scrolls ? { animationDuration: `${rows.length * SECONDS_PER_ROW}s` } : undefined}
        >
          <ol ref={list}>
            {rows.map((c) => (
              <Row key={c.id} c={c} now={now} />
            ))}
          </ol>
          {scrolls && (
            <ol aria-hidden>
              {rows.map((c) => (
                <Row key={c.id} c={c} now={now} />
              ))}
            </ol>
          )}
        </div>
      </div>
    </Panel>
  );
}
