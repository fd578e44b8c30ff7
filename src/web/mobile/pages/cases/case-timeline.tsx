import { Rate, Steps } from "antd-mobile";
import { useTranslation } from "react-i18next";
import { Section } from "../../page-bar.tsx";
import type { CaseEvent } from "./case-data.ts";
import { actionLabel, channelLabel, StatusTag, useFormatTime } from "./case-labels.tsx";
import { PhotoStrip } from "./photos.tsx";

const text = (v: unknown): string | undefined => (typeof v === "string" && v ? v : undefined);

/** What an event adds beyond its note: the channel it came by, the score given, the case it joined. */
function EventExtra({ e }: { e: CaseEvent }) {
  const { t } = useTranslation();
  const channel = text(e.data.channel);
  const masterCode = text(e.data.masterCode);
  const score = typeof e.data.score === "number" ? e.data.score : undefined;
  return (
    <>
      {e.action === "submit" && channel && (
        <div>{t("casesMobile.timeline.channel", { channel: channelLabel(t, channel) })}</div>
      )}
      {score !== undefined && (
        <div style={{ display: "flex", alignItems: "center", gap: 8 }}>
          <Rate readOnly value={score} style={{ "--star-size": "20px", "--active-color": "#fa8c16" }} />
          <span>{t("casesMobile.rate.stars", { count: score })}</span>
        </div>
      )}
      {e.data.reopened === true && <div>{t("casesMobile.timeline.reopened")}</div>}
      {masterCode && e.action === "merge" && (
        <div>{t("casesMobile.timeline.merged", { code: masterCode })}</div>
      )}
    </>
  );
}

/** 办理进度: every step of the case, the latest on top, with who did it, when, what he wrote and his photos. */
export function CaseTimeline({ events }: { events: CaseEvent[] }) {
  const { t } = useTranslation();
  const time = useFormatTime();
  const latestFirst = [...events].reverse();
  return (
    <Section title={t("casesMobile.detail.timeline")}>
      <div style={{ padding: "0 12px 8px" }} data-testid="case-timeline">
        <Steps
          direction="vertical"
          current={0}
          style={{ "--title-font-size": "18px", "--description-font-size": "16px" }}
        >
          {latestFirst.map((e, i) => (
            <Steps.Step
              key={e.id}
              status={i === 0 ? "process" : "finish"}
              title={
                <span style={{ display: "inline-flex", flexWrap: "wrap", alignItems: "center", gap: 8 }}>
                  <strong style={{ fontSize: 18 }}>{actionLabel(t, e.action)}</strong>
                  {e.toStatus && e.toStatus !== e.fromStatus && <StatusTag status={e.toStatus} />}
                </span>
              }
              description={
                <div style={{ color: "var(--adm-color-text)", lineHeight: 1.5 }}>
                  <div style={{ color: "var(--adm-color-text-secondary)" }}>
                    {time(e.at)}
                    {e.actorName && ` · ${e.actorName}`}
                  </div>
                  <EventExtra e={e} />
                  {e.note && e.action !== "submit" && <div style={{ whiteSpace: "pre-wrap" }}>{e.note}</div>}
                  {e.action !== "submit" && <PhotoStrip photos={e.photos} size={64} />}
                </div>
              }
            />
          ))}
        </Steps>
      </div>
    </Section>
  );
}
