import { Button, Card, Col, Row, Skeleton, Space } from "antd";
import { useTranslation } from "react-i18next";
import { useListParams } from "../list-params.ts";
import { LoadFailed } from "../status.tsx";
import { AreasTable } from "./areas-table.tsx";
import { CategoryChart, ChannelChart } from "./breakdown-charts.tsx";
import { useAreas, useOverview, useTrend, viewQueryOf } from "./data.ts";
import { DepartmentsTable } from "./departments-table.tsx";
import { LiveList } from "./live-list.tsx";
import { NodePicker } from "./node-picker.tsx";
import { StatCards } from "./stat-cards.tsx";
import { Toolbar } from "./toolbar.tsx";
import { TrendChart } from "./trend-chart.tsx";
import { VisitCoverageCard } from "./visit-coverage-card.tsx";

/**
 * 工作台 of a territory's staff: the figures of their scope or an area in it, over a period; both kept
 * in the address, so that a reload, the back button or a shared link shows the same figures.
 */
export function ScopeDashboard({ subAreas }: { subAreas: boolean }) {
  const { t } = useTranslation();
  const list = useListParams(["node", "from", "to"]);
  const query = viewQueryOf(list.filters);
  const overview = useOverview(query);
  const areas = useAreas(query);
  const trend = useTrend(query);
  const data = overview.data;
  const open = (id: string) => list.setFilter("node", id);
  // A grid's "areas" are itself: there is nothing below it to list.
  const areasBelow = subAreas && !(areas.data && areas.data.level === areas.data.node.level);
  // The previous area's figures stay, dimmed, until the new ones arrive.
  const stale = { opacity: overview.isPlaceholderData ? 0.55 : 1, transition: "opacity 0.2s" };

  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      <Toolbar
        data={data}
        fetching={overview.isFetching}
        picker={
          subAreas && data && <NodePicker node={data.node} trail={data.trail} onChange={(id) => open(id)} />
        }
        onNode={open}
        onPeriod={(range) => list.setFilters(range)}
      />
      {overview.error && (
        <LoadFailed
          error={new Error(t("dashboard.loadFailed", { message: overview.error.message }))}
          retry={() => void overview.refetch()}
        />
      )}
      {overview.error && !data && query.node && (
        // An area from an old link may have left the scope: the way back to the user's own.
        <Button onClick={() => list.setFilter("node", undefined)}>{t("dashboard.backToScope")}</Button>
      )}
      {!(overview.error && !data) && (
        <Space orientation="vertical" size={16} style={{ width: "100%", ...stale }}>
          <StatCards data={data} />
          <VisitCoverageCard node={query.node} />
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={16}>
              {trend.error ? (
                <LoadFailed error={trend.error} retry={() => void trend.refetch()} />
              ) : (
                <TrendChart data={trend.data} />
              )}
            </Col>
            <Col xs={24} xl={8}>
              <ChannelChart data={data} />
            </Col>
          </Row>
          {areasBelow ? (
            <>
              <Row gutter={[16, 16]}>
                <Col xs={24} xl={14}>
                  {areas.error ? (
                    <LoadFailed error={areas.error} retry={() => void areas.refetch()} />
                  ) : areas.data ? (
                    <AreasTable data={areas.data} onOpen={open} />
                  ) : (
                    <Card>
                      <Skeleton active paragraph={{ rows: 8 }} />
                    </Card>
                  )}
                </Col>
                <Col xs={24} xl={10}>
                  <CategoryChart data={data} />
                </Col>
              </Row>
              <Row gutter={[16, 16]}>
                <Col xs={24} xl={12}>
                  <DepartmentsTable data={data} />
                </Col>
                <Col xs={24} xl={12}>
                  <LiveList node={query.node} />
                </Col>
              </Row>
            </>
          ) : (
            <>
              <Row gutter={[16, 16]}>
                <Col xs={24} xl={10}>
                  <CategoryChart data={data} />
                </Col>
                <Col xs={24} xl={14}>
                  <LiveList node={query.node} />
                </Col>
              </Row>
              <DepartmentsTable data={data} />
            </>
          )}
        </Space>
      )}
    </Space>
  );
}
