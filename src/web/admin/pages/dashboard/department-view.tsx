import {
  AlertOutlined,
  CheckCircleOutlined,
  ClockCircleOutlined,
  FieldTimeOutlined,
  InboxOutlined,
  NotificationOutlined,
  SmileOutlined,
  StarOutlined,
} from "@ant-design/icons";
import { Button, Card, Col, Empty, Row, Skeleton, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { ApiError } from "../../../common/api.ts";
import { useListParams } from "../list-params.ts";
import { LoadFailed } from "../status.tsx";
import { type DepartmentFigures, dayOf, useDepartmentFigures } from "./data.ts";
import { minutesText, percentText } from "./format.ts";
import { PeriodPicker } from "./period-picker.tsx";
import { StatCard, type StatCardProps } from "./stat-card.tsx";

/** The whistle inbox (nav.tsx's 吹哨报到), where the whistles behind these figures are answered. */
const INBOX = "/whistles";

function DepartmentCard({ d }: { d: DepartmentFigures }) {
  const { t, i18n } = useTranslation();
  const none = t("common.none");
  const cases = t("dashboard.unit.cases");
  const good = (d.scores[3] ?? 0) + (d.scores[4] ?? 0);
  // What waits now first: that is what the desk acts on; the period's record after it.
  const cards: StatCardProps[] = [
    {
      title: t("dashboard.department.waitingNow"),
      value: d.waitingNow,
      suffix: cases,
      hint: d.waitingNow > 0 ? t("dashboard.department.answer") : t("dashboard.department.noWaiting"),
      icon: <InboxOutlined />,
      tint: "#1677ff",
      to: d.waitingNow > 0 ? INBOX : undefined,
    },
    {
      title: t("dashboard.department.overdueNow"),
      value: d.overdueNow,
      suffix: cases,
      alarm: d.overdueNow > 0,
      hint: d.overdueNow > 0 ? t("dashboard.department.answer") : t("dashboard.department.noOverdue"),
      icon: <AlertOutlined />,
      tint: "#c8161d",
      to: d.overdueNow > 0 ? INBOX : undefined,
    },
    {
      title: t("dashboard.department.whistles"),
      value: d.whistles,
      suffix: cases,
      icon: <NotificationOutlined />,
      tint: "#c8161d",
    },
    {
      title: t("dashboard.department.reported"),
      value: d.reported,
      suffix: cases,
      hint:
        d.whistles > 0
          ? t("dashboard.hints.reportedRate", {
              rate: percentText(t, i18n.language, d.reported / d.whistles),
            })
          : undefined,
      icon: <CheckCircleOutlined />,
      tint: "#389e0d",
    },
    {
      title: t("dashboard.department.overdue"),
      value: d.overdue,
      suffix: cases,
      icon: <FieldTimeOutlined />,
      tint: "#d46b08",
    },
    {
      title: t("dashboard.department.response"),
      value: minutesText(t, d.responseMinutes.median),
      hint:
        d.responseMinutes.p90 === null
          ? t("dashboard.hints.noTimes")
          : `P90 ${minutesText(t, d.responseMinutes.p90)}`,
      icon: <ClockCircleOutlined />,
      tint: "#722ed1",
    },
    {
      title: t("dashboard.department.meanScore"),
      value: d.meanScore ?? none,
      suffix: d.meanScore === null ? undefined : t("dashboard.unit.points"),
      hint: d.rated > 0 ? t("dashboard.department.rated", { count: d.rated }) : t("dashboard.hints.noRating"),
      icon: <StarOutlined />,
      tint: "#faad14",
    },
    {
      title: t("dashboard.department.satisfaction"),
      value: percentText(t, i18n.language, d.rated > 0 ? good / d.rated : null),
      hint: d.rated > 0 ? t("dashboard.department.scores", { good, poor: d.rated - good }) : undefined,
      icon: <SmileOutlined />,
      tint: "#c8161d",
    },
  ];
  return (
    <Card title={d.name} styles={{ body: { background: "#fafafa" } }}>
      <section aria-label={d.name}>
        <Row gutter={[16, 16]}>
          {cards.map((card) => (
            <Col key={card.title} xs={24} sm={12} lg={8} xl={6}>
              <StatCard {...card} />
            </Col>
          ))}
        </Row>
      </section>
    </Card>
  );
}

/** 工作台 of a department's staff: the whistles their department received, answered and has waiting. */
export function DepartmentDashboard() {
  const { t } = useTranslation();
  const list = useListParams(["from", "to"]);
  const figures = useDepartmentFigures({ from: dayOf(list.filters.from), to: dayOf(list.filters.to) });
  const data = figures.data;
  const notMember = figures.error instanceof ApiError && figures.error.status === 403;
  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      <Card styles={{ body: { padding: "12px 20px" } }}>
        <div style={{ display: "flex", flexWrap: "wrap", alignItems: "center", gap: "8px 16px" }}>
          <Typography.Title level={5} style={{ margin: 0, flex: 1, minWidth: 200 }}>
            {t("dashboard.department.title")}
          </Typography.Title>
          <Space size={12} wrap>
            <PeriodPicker value={data} onChange={(range) => list.setFilters(range)} />
            <Link to={INBOX}>
              <Button type="primary" icon={<NotificationOutlined />}>
                {t("dashboard.department.inbox")}
              </Button>
            </Link>
          </Space>
        </div>
      </Card>
      {notMember || data?.departments.length === 0 ? (
        <Card>
          <Empty description={t("dashboard.department.none")} />
        </Card>
      ) : figures.error ? (
        <LoadFailed
          error={new Error(t("dashboard.loadFailed", { message: figures.error.message }))}
          retry={() => void figures.refetch()}
        />
      ) : data ? (
        data.departments.map((d) => <DepartmentCard key={d.id} d={d} />)
      ) : (
        <Card>
          <Skeleton active paragraph={{ rows: 4 }} />
        </Card>
      )}
    </Space>
  );
}
