import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../common/api.ts";
import { useAuth } from "../common/auth.tsx";
import { loginUrl } from "../common/return-path.ts";
import { CategoryBars } from "./category-bars.tsx";
import { ChannelPie } from "./channel-pie.tsx";
import { Coverage } from "./coverage.tsx";
import { useAreas, useLive, useOverview, usePrefetchAreas, useTrend } from "./data.ts";
import { Figures } from "./figures.tsx";
import { Header } from "./header.tsx";
import { LiveTicker } from "./live-ticker.tsx";
import { MapPanel } from "./map-panel.tsx";
import { PointsBoard } from "./points-board.tsx";
import { Rankings } from "./rankings.tsx";
import { Service } from "./service.tsx";
import { StatusMessage } from "./status.tsx";
import { TrendChart } from "./trend-chart.tsx";
import { useScreenView } from "./use-view.ts";
import { Whistles } from "./whistles.tsx";

/** Why the figures are missing: no dashboard access, an area out of reach, or the server. */
function Trouble({ error, node, retry }: { error: Error; node: string | undefined; retry: () => void }) {
  const { t } = useTranslation();
  const { logout } = useAuth();
  const switchUser = async () => {
    await logout();
    window.location.assign(loginUrl("/screen"));
  };
  if (error instanceof ApiError && error.status === 403 && !node)
    return (
      <StatusMessage title={t("screen.access.forbidden")} detail={t("screen.access.forbiddenHint")}>
        <button type="button" className="action-button" onClick={switchUser}>
          {t("screen.access.switchUser")}
        </button>
        <a className="action-button" href="/admin/">
          {t("screen.access.admin")}
        </a>
      </StatusMessage>
    );
  return (
    <StatusMessage title={t("screen.access.failed")} detail={error.message}>
      <button type="button" className="action-button" onClick={retry}>
        {t("screen.access.retry")}
      </button>
      {node && (
        <a className="action-button" href="/screen">
          {t("screen.access.top")}
        </a>
      )}
    </StatusMessage>
  );
}

/** 指挥中心大屏: figures left, the map and its drill-down in the middle, rankings and services right. */
export function Screen() {
  const { t } = useTranslation();
  const view = useScreenView();
  const overview = useOverview(view.query);
  const areas = useAreas(view.query);
  const trend = useTrend(view.query);
  const live = useLive(view.query.node);
  usePrefetchAreas(
    areas,
    view.query,
    [overview, areas, trend, live].some((q) => q.isFetching),
  );
  const data = overview.data;

  let body: ReactNode;
  if (overview.error && !data)
    body = <Trouble error={overview.error} node={view.query.node} retry={() => void overview.refetch()} />;
  else if (!data) body = <StatusMessage title={t("screen.access.loading")} />;
  else
    body = (
      <main className="screen-body">
        <div className="column column-left">
          <Figures overview={data} />
          <CategoryBars overview={data} />
          <ChannelPie overview={data} />
        </div>
        <div className="column column-centre">
          <MapPanel
            overview={data}
            areas={areas.data}
            measure={view.measure}
            onMeasure={view.setMeasure}
            onDrill={(area) => view.drill(data.node, area.id)}
            onGoTo={view.goTo}
            onBack={() => view.back(data.trail)}
          />
          <div className="bottom-row">
            <TrendChart trend={trend.data} />
            <LiveTicker live={live.data} />
            <PointsBoard node={view.query.node} />
          </div>
        </div>
        <div className="column column-right">
          <Rankings areas={areas.data} />
          <Whistles overview={data} />
          <Coverage overview={data} />
          <Service overview={data} />
        </div>
      </main>
    );

  return (
    <>
      <Header overview={data} period={view.period} onPeriod={view.setPeriod} />
      {body}
    </>
  );
}
