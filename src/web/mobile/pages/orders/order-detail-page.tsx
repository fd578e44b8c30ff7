import { ErrorBlock, Rate, Steps } from "antd-mobile";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router-dom";
import type { ordersZhCN } from "../../../../shared/locales/orders.zh-CN.ts";
import { PageBar, Section } from "../../page-bar.tsx";
import { useFormatTime } from "../cases/case-labels.tsx";
import { ContactCall } from "../cases/contact-call.tsx";
import { PhotoStrip } from "../cases/photos.tsx";
import { Loading } from "../status.tsx";
import { OrderActions } from "./order-actions.tsx";
import { distanceText, type OrderDetail, useOrder } from "./order-data.ts";
import { OrderStatusTag, useActionLabel } from "./order-labels.tsx";

const LABEL = { color: "var(--adm-color-text-secondary)", whiteSpace: "nowrap" } as const;

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt style={LABEL}>{label}</dt>
      <dd style={{ margin: 0 }}>{children}</dd>
    </>
  );
}

/** What the order is: status, service, where, for whom, by when, and what was done. */
function OrderHeader({ o }: { o: OrderDetail }) {
  const { t, i18n } = useTranslation();
  const time = useFormatTime();
  const f = (key: keyof typeof ordersZhCN.fields) => t(`orders.fields.${key}`);
  return (
    <section style={{ background: "#fff", padding: 16 }}>
      <div style={{ display: "flex", flexWrap: "wrap", alignItems: "center", gap: 8 }}>
        <OrderStatusTag status={o.status} />
        <span style={{ fontSize: 16, color: "var(--adm-color-text-secondary)" }}>
          {i18n.language === "en" ? o.categoryNameEn : o.categoryName}
        </span>
      </div>
      <h2 style={{ margin: "10px 0 8px", fontSize: 23, fontWeight: 600 }}>{o.title}</h2>
      <dl
        style={{ margin: 0, display: "grid", gridTemplateColumns: "auto 1fr", gap: "4px 12px", fontSize: 17 }}
      >
        <Field label={f("code")}>
          <span style={{ fontFamily: "monospace", fontSize: 19 }} data-testid="order-code">
            {o.code}
          </span>
        </Field>
        <Field label={f("address")}>{o.address ?? o.nodeName}</Field>
        {o.requesterName && (
          <Field label={f("requester")}>
            {[o.requesterName, o.requesterPhone].filter(Boolean).join(" ")}
          </Field>
        )}
        <Field label={f("onSiteMinutes")}>{t("orders.units.minutes", { count: o.onSiteMinutes })}</Field>
        {o.maxDistanceMeters !== null && (
          <Field label={f("maxDistance")}>{distanceText(t, o.maxDistanceMeters)}</Field>
        )}
        {o.takerName && <Field label={f("taker")}>{o.takerName}</Field>}
        {o.status === "grabbed" && o.onSiteDueAt && (
          <Field label={f("onSiteDueAt")}>
            <strong style={{ color: "var(--adm-color-warning)" }}>{time(o.onSiteDueAt)}</strong>
          </Field>
        )}
        {o.completedAt && <Field label={f("completedAt")}>{time(o.completedAt)}</Field>}
      </dl>
      {o.description && (
        <p style={{ margin: "12px 0 0", fontSize: 18, lineHeight: 1.6, whiteSpace: "pre-wrap" }}>
          {o.description}
        </p>
      )}
      {o.completionNote && (
        <p style={{ margin: "12px 0 0", fontSize: 17 }}>
          <span style={LABEL}>{f("completionNote")}：</span>
          {o.completionNote}
        </p>
      )}
      <PhotoStrip photos={o.completionPhotos} />
      {o.score !== null && (
        <div style={{ display: "flex", alignItems: "center", gap: 8, marginTop: 8 }}>
          <Rate readOnly value={o.score} style={{ "--star-size": "24px", "--active-color": "#fa8c16" }} />
          <span>{o.ratingComment}</span>
        </div>
      )}
    </section>
  );
}

/** Every step of the order, the latest on top. */
function OrderTimeline({ o }: { o: OrderDetail }) {
  const { t } = useTranslation();
  const time = useFormatTime();
  const label = useActionLabel();
  return (
    <Section title={t("casesMobile.detail.timeline")}>
      <div style={{ padding: "0 12px 8px" }} data-testid="order-timeline">
        <Steps
          direction="vertical"
          current={0}
          style={{ "--title-font-size": "18px", "--description-font-size": "16px" }}
        >
          {[...o.events].reverse().map((e, i) => (
            <Steps.Step
              key={e.id}
              status={i === 0 ? "process" : "finish"}
              title={<strong style={{ fontSize: 18 }}>{label(e.action)}</strong>}
              description={
                <div style={{ color: "var(--adm-color-text)", lineHeight: 1.5 }}>
                  <div style={{ color: "var(--adm-color-text-secondary)" }}>
                    {time(e.at)} · {e.actorName ?? t("orders.timeline.system")}
                  </div>
                  {e.note && <div style={{ whiteSpace: "pre-wrap" }}>{e.note}</div>}
                  <PhotoStrip photos={e.photos} size={64} />
                </div>
              }
            />
          ))}
        </Steps>
      </div>
    </Section>
  );
}

/** One order: what it is, what the caller may do now, and how it went. */
export function OrderDetailPage() {
  const { t } = useTranslation();
  const { idOrCode = "" } = useParams();
  const found = useOrder(idOrCode);
  const body = () => {
    if (found.error) return <ErrorBlock status="disconnected" title={found.error.message} description="" />;
    if (!found.data) return <Loading />;
    return (
      <>
        <OrderHeader o={found.data} />
        {found.data.mayCall && (
          <ContactCall
            subject={{ kind: "order", idOrCode: found.data.code }}
            name={found.data.requesterName}
            phone={found.data.requesterPhone}
          />
        )}
        <OrderActions o={found.data} />
        <OrderTimeline o={found.data} />
      </>
    );
  };
  return (
    <>
      <PageBar title={t("orders.mobile.detail.title")} />
      {body()}
    </>
  );
}
