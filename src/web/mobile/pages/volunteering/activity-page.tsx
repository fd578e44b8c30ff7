import { ErrorBlock } from "antd-mobile";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router-dom";
import { PageBar } from "../../page-bar.tsx";
import { Loading } from "../status.tsx";
import { SignupBlock } from "./signup-block.tsx";
import { type ActivityDetail, useActivity, useTimeRange } from "./volunteering-data.ts";
import { ActivityStatusTag, ModeTag } from "./volunteering-labels.tsx";

const LABEL_STYLE = { color: "var(--adm-color-text-secondary)", whiteSpace: "nowrap" } as const;

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt style={LABEL_STYLE}>{label}</dt>
      <dd style={{ margin: 0 }}>{children}</dd>
    </>
  );
}

/** What the activity is: how it is scheduled, when, where, who organises it, and its places. */
function ActivityHeader({ a }: { a: ActivityDetail }) {
  const { t } = useTranslation();
  const range = useTimeRange();
  return (
    <section style={{ background: "#fff", padding: 16 }}>
      <div style={{ display: "flex", flexWrap: "wrap", alignItems: "center", gap: 8 }}>
        <ModeTag mode={a.mode} />
        <ActivityStatusTag status={a.status} />
      </div>
      <h2 style={{ margin: "10px 0 8px", fontSize: 23, fontWeight: 600 }} data-testid="activity-title">
        {a.title}
      </h2>
      <dl
        style={{ margin: 0, display: "grid", gridTemplateColumns: "auto 1fr", gap: "4px 12px", fontSize: 17 }}
      >
        <Field label={t("volunteeringMobile.detail.when")}>{range(a.startsAt, a.endsAt)}</Field>
        <Field label={t("volunteeringMobile.detail.where")}>{a.place}</Field>
        {a.team && <Field label={t("volunteeringMobile.detail.team")}>{a.team.name}</Field>}
        <Field label={t("volunteeringMobile.detail.places")}>
          {a.mode === "byAppointment"
            ? t("volunteeringMobile.detail.placesPerSlot", { capacity: a.capacity })
            : t("volunteeringMobile.detail.placesValue", { confirmed: a.confirmed, capacity: a.capacity })}
          {a.waiting > 0 && <div>{t("volunteeringMobile.detail.waitingValue", { count: a.waiting })}</div>}
        </Field>
      </dl>
      <p style={{ margin: "12px 0 0", fontSize: 17, lineHeight: 1.6, whiteSpace: "pre-wrap" }}>
        {t(`volunteering.modeHints.${a.mode}`)}
      </p>
      {a.description && (
        <p style={{ margin: "12px 0 0", fontSize: 18, lineHeight: 1.6, whiteSpace: "pre-wrap" }}>
          {a.description}
        </p>
      )}
    </section>
  );
}

/** One activity: what it is, and what I can do about it (sign up, withdraw, my QR code). */
export function ActivityPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const found = useActivity(id);
  return (
    <>
      <PageBar title={t("volunteeringMobile.detail.title")} />
      {found.error ? (
        <ErrorBlock status="disconnected" title={found.error.message} description="" />
      ) : !found.data ? (
        <Loading />
      ) : (
        <>
          <ActivityHeader a={found.data} />
          <SignupBlock a={found.data} />
        </>
      )}
    </>
  );
}
