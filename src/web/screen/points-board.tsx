import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api, type ResponseOf } from "../common/api.ts";
import { Panel } from "./panel.tsx";
import "./lists.css";

type Board = ResponseOf<"/api/v1/dashboard/points", "get">;
/** What fits the panel: four of each list. */
const SHOWN = 4;

function List({ title, board, accent }: { title: string; board: Board["stars"]; accent: "gold" | "cyan" }) {
  const { t } = useTranslation();
  const rows = board?.entries.slice(0, SHOWN) ?? [];
  return (
    <div className={`ranking ranking-${accent} points-board-list`}>
      <h3>
        {title}
        {board && <span className="points-board-period"> {board.period}</span>}
      </h3>
      {rows.length === 0 && <div className="empty">{t("pointsRankings.screen.none")}</div>}
      <ol>
        {rows.map((e, i) => (
          // Masked names repeat; the order is the ranking's.
          // biome-ignore lint/suspicious/noArrayIndexKey: no id is shown on the screen.
          <li key={i} className="rank-row">
            <span className={`rank-no rank-no-${e.rank}`}>{e.rank}</span>
            <span className="rank-name" title={e.name}>
              {e.name}
            </span>
            <span className="rank-value">{e.score}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}

/** 积分榜: the published 明星党员 and 美德商铺 of the area shown, names masked; refreshed hourly. */
export function PointsBoard({ node }: { node: string | undefined }) {
  const { t } = useTranslation();
  const board = useQuery({
    queryKey: ["dashboard", "points", node],
    queryFn: ({ signal }) => api.get("/api/v1/dashboard/points", { query: { node }, signal }),
    placeholderData: keepPreviousData,
    refetchInterval: 3_600_000,
  });
  return (
    <Panel title={t("pointsRankings.screen.title")} className="points-board-panel" testId="points-board">
      <div className="points-board">
        <List title={t("pointsRankings.screen.stars")} board={board.data?.stars ?? null} accent="gold" />
        <List title={t("pointsRankings.screen.shops")} board={board.data?.shops ?? null} accent="cyan" />
      </div>
    </Panel>
  );
}
