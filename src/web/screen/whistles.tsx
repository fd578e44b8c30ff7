import { useTranslation } from "react-i18next";
import type { Overview } from "./data.ts";
import { Panel } from "./panel.tsx";
import "./lists.css";

/** Rows that fit the panel; the busiest departments come first from the API. */
const ROWS = 6;

/** 吹哨报到: which departments were called in, how many reported, how many late, their score. */
export function Whistles({ overview }: { overview: Overview }) {
  const { t } = useTranslation();
  const { whistles } = overview;
  const rows = whistles.byDepartment.slice(0, ROWS);
  return (
    <Panel
      title={t("screen.whistles.title")}
      className="whistles-panel"
      extra={t("screen.whistles.summary", {
        total: whistles.total,
        reported: whistles.reported,
        overdue: whistles.overdue,
      })}
    >
      {rows.length === 0 ? (
        <div className="empty">{t("screen.whistles.empty")}</div>
      ) : (
        <table className="screen-table">
          <thead>
            <tr>
              <th>{t("screen.whistles.department")}</th>
              <th>{t("screen.whistles.whistles")}</th>
              <th>{t("screen.whistles.reported")}</th>
              <th>{t("screen.whistles.overdue")}</th>
              <th>{t("screen.whistles.score")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((d) => (
              <tr key={d.id}>
                <td className="cell-name" title={d.name}>
                  {d.name}
                </td>
                <td className="cell-number">{d.whistles}</td>
                <td className="cell-number cell-good">{d.reported}</td>
                <td className={`cell-number ${d.overdue > 0 ? "cell-bad" : ""}`}>{d.overdue}</td>
                <td className="cell-number cell-score">
                  {d.meanScore === null ? "—" : d.meanScore.toFixed(1)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Panel>
  );
}
