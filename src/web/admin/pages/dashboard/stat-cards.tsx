import {
  AlertOutlined,
  CheckCircleOutlined,
  ClockCircleOutlined,
  FieldTimeOutlined,
  FileTextOutlined,
  HeartOutlined,
  HourglassOutlined,
  NotificationOutlined,
  SmileOutlined,
  SyncOutlined,
  TeamOutlined,
  ThunderboltOutlined,
} from "@ant-design/icons";
import { Col, Row } from "antd";
import { useTranslation } from "react-i18next";
import type { Overview } from "./data.ts";
import { minutesText, percentText } from "./format.ts";
import { StatCard, type StatCardProps } from "./stat-card.tsx";

const TINT = {
  red: "#c8161d",
  blue: "#1677ff",
  green: "#389e0d",
  orange: "#d46b08",
  purple: "#722ed1",
  cyan: "#08979c",
};

/** The case list of the area, filtered: where a click on a figure leads. */
const casesOf = (nodeId: string, filters: Record<string, string>) =>
  `/cases?${new URLSearchParams({ underId: nodeId, ...filters })}`;

/**
 * The area's figures in three rows: the cases received and where they stand, how well and how fast
 * they were handled, and the work beside them (whistles, orders, volunteering, members' households).
 */
export function StatCards({ data }: { data: Overview | undefined }) {
  const { t, i18n } = useTranslation();
  const none = t("common.none");
  const pct = (rate: number | null | undefined) => percentText(t, i18n.language, rate);
  const c = data?.cases;
  const n = (v: number | undefined) => v ?? 0;
  const times = (m: { median: number | null; p90: number | null; count: number } | undefined) =>
    m && m.count > 0 ? t("dashboard.hints.p90", { time: minutesText(t, m.p90), count: m.count }) : undefined;
  const node = data?.node.id ?? "";
  const cases = t("dashboard.unit.cases");

  const cards: StatCardProps[] = [
    {
      title: t("dashboard.stats.received"),
      value: n(c?.received),
      suffix: cases,
      hint: t("dashboard.hints.received"),
      icon: <FileTextOutlined />,
      tint: TINT.blue,
      to: data && casesOf(node, { from: data.from, to: data.to }),
    },
    {
      title: t("dashboard.stats.finished"),
      value: n(c?.finished),
      suffix: cases,
      hint: c?.received
        ? t("dashboard.hints.finishedRate", { rate: pct(c.finished / c.received) })
        : undefined,
      icon: <CheckCircleOutlined />,
      tint: TINT.green,
    },
    {
      title: t("dashboard.stats.open"),
      value: n(data?.now.open),
      suffix: cases,
      hint: t("dashboard.hints.openNow"),
      icon: <SyncOutlined />,
      tint: TINT.cyan,
      to: data && casesOf(node, { open: "open" }),
    },
    {
      title: t("dashboard.stats.overdue"),
      value: n(data?.now.overdue),
      suffix: cases,
      alarm: n(data?.now.overdue) > 0,
      hint: n(data?.now.overdue) > 0 ? t("dashboard.hints.overdueNow") : t("dashboard.hints.noOverdue"),
      icon: <AlertOutlined />,
      tint: TINT.red,
      to: data && n(data.now.overdue) > 0 ? casesOf(node, { overdue: "1" }) : undefined,
    },
    {
      title: t("dashboard.stats.satisfaction"),
      value: pct(c?.satisfactionRate),
      hint:
        c && c.rated > 0
          ? t("dashboard.hints.rated", { rated: c.rated, mean: c.meanRating ?? none })
          : t("dashboard.hints.noRating"),
      icon: <SmileOutlined />,
      tint: TINT.red,
    },
    {
      title: t("dashboard.stats.late"),
      value: n(c?.late),
      suffix: cases,
      hint: c && t("dashboard.hints.late", { response: c.lateResponse, resolution: c.lateResolution }),
      icon: <FieldTimeOutlined />,
      tint: TINT.orange,
    },
    {
      title: t("dashboard.stats.response"),
      value: minutesText(t, c?.responseMinutes.median),
      hint: times(c?.responseMinutes) ?? t("dashboard.hints.noTimes"),
      icon: <ClockCircleOutlined />,
      tint: TINT.blue,
    },
    {
      title: t("dashboard.stats.resolution"),
      value: minutesText(t, c?.resolutionMinutes.median),
      hint: times(c?.resolutionMinutes) ?? t("dashboard.hints.noTimes"),
      icon: <HourglassOutlined />,
      tint: TINT.purple,
    },
    {
      title: t("dashboard.stats.whistles"),
      value: n(data?.whistles.total),
      suffix: cases,
      hint: data && t("dashboard.hints.whistles", data.whistles),
      icon: <NotificationOutlined />,
      tint: TINT.red,
    },
    {
      title: t("dashboard.stats.orders"),
      value: n(data?.orders.grabbed),
      suffix: cases,
      hint: data && t("dashboard.hints.orders", data.orders),
      icon: <ThunderboltOutlined />,
      tint: TINT.orange,
    },
    {
      title: t("dashboard.stats.volunteering"),
      value: n(data?.volunteering.hours),
      suffix: t("dashboard.unit.hours"),
      hint: data && t("dashboard.hints.volunteering", data.volunteering),
      icon: <HeartOutlined />,
      tint: TINT.green,
    },
    {
      title: t("dashboard.stats.coverage"),
      value: pct(data?.coverage.rate),
      hint: data && t("dashboard.hints.coverage", data.coverage),
      icon: <TeamOutlined />,
      tint: TINT.purple,
    },
  ];
  return (
    <Row gutter={[16, 16]}>
      {cards.map((card) => (
        <Col key={card.title} xs={24} sm={12} xl={6}>
          <StatCard {...card} loading={!data} />
        </Col>
      ))}
    </Row>
  );
}
