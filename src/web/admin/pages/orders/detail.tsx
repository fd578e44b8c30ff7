import { useQuery } from "@tanstack/react-query";
import { Card, Descriptions, Empty, Timeline, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import type { ordersZhCN } from "../../../../shared/locales/orders.zh-CN.ts";
import { api } from "../../../common/api.ts";
import { ContactCall } from "../../components/contact-call.tsx";
import { DetailHeader, DetailPage } from "../../components/detail-page.tsx";
import { EventEntry } from "../../components/event-entry.tsx";
import { Photos } from "../cases/photos.tsx";
import { useFormatTime } from "../cases/time.tsx";
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
  return (
    <DetailPage
      result={result}
      back={{ to: "/orders", label: t("orders.admin.detail.back") }}
      notFound={t("orders.admin.detail.notFound")}
      headerTestId="order-header"
      header={(o) => (
        <DetailHeader
          code={o.code}
          tags={<OrderStatusTag status={o.status} />}
          summary={
            <Typography.Text strong style={{ fontSize: 16 }}>
              {o.title}
            </Typography.Text>
          }
          // Staff act on an order only to cancel it or record the callback; the rest is the taker's.
          actions={
            o.allowedActions.some((a) => a === "cancel" || a === "rate") ? <OrderActionButtons o={o} /> : null
          }
          noActions={t("orders.admin.detail.noActions")}
        />
      )}
      main={(o) => (
        <>
          <Card title={t("orders.admin.detail.info")}>
            <Fields o={o} />
          </Card>
          {o.completionPhotos.length > 0 && (
            <Card title={t("orders.admin.detail.photos")}>
              <Photos photos={o.completionPhotos} />
            </Card>
          )}
        </>
      )}
      side={(o) => (
        <Card title={t("orders.admin.detail.timeline")}>
          <OrderTimeline o={o} />
        </Card>
      )}
    />
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
        item(
          "requester",
          o.requesterName || o.requesterPhone ? (
            <ContactCall
              subject={{ kind: "order", idOrCode: o.code }}
              name={o.requesterName}
              phone={o.requesterPhone}
              mayCall={o.mayCall}
            />
          ) : (
            none
          ),
          2,
        ),
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
  const label = useActionLabel();
  if (o.events.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("orders.timeline.empty")} />;
  return (
    <Timeline
      items={o.events.map((e) => ({
        key: e.id,
        color:
          e.action === "miss" || e.action === "cancel"
            ? "red"
            : e.action === "complete" || e.action === "rate"
              ? "green"
              : "blue",
        content: (
          <EventEntry
            event={e}
            title={label(e.action)}
            system={t("orders.timeline.system")}
            testId="order-event"
          />
        ),
      }))}
    />
  );
}
