import { ArrowLeftOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Card, Col, Descriptions, Empty, Rate, Result, Row, Space, Timeline, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { ApiError, api } from "../../../common/api.ts";
import type { ordersZhCN } from "../../../common/locales/orders.zh-CN.ts";
import { Photos } from "../cases/photos.tsx";
import { useFormatTime } from "../cases/time.tsx";
import { LoadFailed } from "../status.tsx";
import { OrderActionButtons } from "./actions.tsx";
import { OrderStatusTag, useActionLabel } from "./labels.tsx";
import { ORDERS_KEY, type OrderDetail } from "./order-data.ts";

type FieldKey = keyof typeof ordersZhCN.fields;

/** One order: what was asked, where, who took it, what was done, and what the caller can do now. */
export function OrderDetailPage() {
  const { t } = useTranslation();
  const { idOrCode = "" } = useParams();
  const result = useQuery({
    queryKey: [...ORDERS_KEY, "detail", idOrCode],
    queryFn: ({ signal }) => api.get("/api/v1/orders/{idOrCode}", { path: { idOrCode }, signal }),
  });
  const back = (
    <Link to="/orders">
      <ArrowLeftOutlined /> {t("orders.admin.detail.back")}
    </Link>
  );
  if (result.error) {
    if (result.error instanceof ApiError && result.error.status === 404)
      return <Result status="404" title={t("orders.admin.detail.notFound")} extra={back} />;
    return <LoadFailed error={result.error} retry={() => void result.refetch()} />;
  }
  const o = result.data;
  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      {back}
      <Card loading={!o} data-testid="order-header">
        {o && (
          <Space orientation="vertical" size={12} style={{ width: "100%" }}>
            <Space wrap size={12} align="center">
              <Typography.Title level={4} style={{ margin: 0 }} copyable={{ text: o.code }}>
                {o.code}
              </Typography.Title>
              <OrderStatusTag status={o.status} />
            </Space>
            <Typography.Text strong style={{ fontSize: 16 }}>
              {o.title}
            </Typography.Text>
            {o.allowedActions.some((a) => a === "cancel" || a === "rate") ? (
              <OrderActionButtons o={o} />
            ) : (
              <Typography.Text type="secondary">{t("orders.admin.detail.noActions")}</Typography.Text>
            )}
          </Space>
        )}
      </Card>
      {o && (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            <Space orientation="vertical" size={16} style={{ width: "100%" }}>
              <Card title={t("orders.admin.detail.info")}>
                <Fields o={o} />
              </Card>
              {o.completionPhotos.length > 0 && (
                <Card title={t("orders.admin.detail.photos")}>
                  <Photos photos={o.completionPhotos} />
                </Card>
              )}
            </Space>
          </Col>
          <Col xs={24} xl={10}>
            <Card title={t("orders.admin.detail.timeline")}>
              <OrderTimeline o={o} />
            </Card>
          </Col>
        </Row>
      )}
    </Space>
  );
}

function Fields({ o }: { o: OrderDetail }) {
  const { t, i18n } = useTranslation();
  const format = useFormatTime();
  const none = t("common.none");
  const item = (key: FieldKey, children: ReactNode, span = 1) => ({
    key,
    label: t(`orders.fields.${key}`),
    children,
    span,
  });
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, md: 2 }}
      styles={{ label: { width: 112, whiteSpace: "nowrap" } }}
      items={[
        item("category", i18n.language === "en" ? o.categoryNameEn : o.categoryName),
        item("onSiteMinutes", t("orders.units.minutes", { count: o.onSiteMinutes })),
        item("description", <span style={{ whiteSpace: "pre-wrap" }}>{o.description || none}</span>, 2),
        item("address", o.address ?? none, 2),
        item("node", o.nodeName ?? none),
        item("audienceNode", o.audienceNodeName ?? none),
        item("audience", t(`orders.audience.${o.audience}`)),
        item(
          "maxDistance",
          o.maxDistanceMeters === null
            ? t("orders.units.unlimited")
            : t("orders.units.meters", { count: o.maxDistanceMeters }),
        ),
        item("requester", [o.requesterName, o.requesterPhone].filter(Boolean).join(" ") || none, 2),
        item("taker", o.takerName ?? none),
        item("misses", o.misses),
        item("createdAt", format(o.createdAt)),
        item("grabbedAt", format(o.grabbedAt)),
        item("onSiteDueAt", format(o.onSiteDueAt)),
        item("arrivedAt", format(o.arrivedAt)),
        item("completedAt", format(o.completedAt)),
        item("completionNote", o.completionNote ?? none),
        ...(o.score !== null
          ? [
              item(
                "score",
                [t("orders.units.stars", { score: o.score }), o.ratingComment].filter(Boolean).join(" · "),
                2,
              ),
            ]
          : []),
        ...(o.caseId
          ? [item("source", <Link to={`/cases/${o.caseId}`}>{t("orders.admin.detail.openCase")}</Link>, 2)]
          : []),
      ]}
    />
  );
}

function OrderTimeline({ o }: { o: OrderDetail }) {
  const { t } = useTranslation();
  const format = useFormatTime();
  const label = useActionLabel();
  if (o.events.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("orders.timeline.empty")} />;
  return (
    <Timeline
      items={o.events.map((e) => {
        const score = typeof e.data.score === "number" ? e.data.score : undefined;
        return {
          key: e.id,
          color:
            e.action === "miss" || e.action === "cancel"
              ? "red"
              : e.action === "complete" || e.action === "rate"
                ? "green"
                : "blue",
          content: (
            <Space orientation="vertical" size={4} data-testid="order-event">
              <Space wrap size={8}>
                <Typography.Text strong>{label(e.action)}</Typography.Text>
                <Typography.Text type="secondary">
                  {e.actorName ?? t("orders.timeline.system")}
                </Typography.Text>
                <Typography.Text type="secondary">{format(e.at)}</Typography.Text>
              </Space>
              {score !== undefined && <Rate disabled value={score} style={{ fontSize: 14 }} />}
              {e.note && (
                <Typography.Paragraph style={{ margin: 0, whiteSpace: "pre-wrap" }}>
                  {e.note}
                </Typography.Paragraph>
              )}
              <Photos photos={e.photos} size={72} />
            </Space>
          ),
        };
      })}
    />
  );
}
