import { ErrorBlock, NoticeBar, Tag } from "antd-mobile";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { caseDeadline } from "../../../../shared/flows/deadlines.ts";
import { deadlineWords, holderText, lateLabel } from "../../../common/case-deadline.ts";
import { PageBar } from "../../page-bar.tsx";
import { Loading } from "../status.tsx";
import { CaseActions } from "./case-actions.tsx";
import { type CaseDetail, useCase, useCategoryName } from "./case-data.ts";
import { OverdueTag, StatusTag, useFormatTime } from "./case-labels.tsx";
import { CaseTimeline } from "./case-timeline.tsx";
import { CaseWhistles } from "./case-whistles.tsx";
import { ContactCall } from "./contact-call.tsx";
import { PhotoStrip } from "./photos.tsx";
import { RateBlock } from "./rate-block.tsx";

const OPEN_LABEL_STYLE = { color: "var(--adm-color-text-secondary)", whiteSpace: "nowrap" } as const;

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt style={OPEN_LABEL_STYLE}>{label}</dt>
      <dd style={{ margin: 0 }}>{children}</dd>
    </>
  );
}

/** What the case is: status, kind, code, times, place, what happened and its photos. */
function CaseHeader({ c }: { c: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const time = useFormatTime();
  const categoryName = useCategoryName();
  const finished = ["resolved", "closed", "merged", "withdrawn"].includes(c.status);
  const due = caseDeadline(c);
  const words = deadlineWords(t, c);
  const place = c.address ?? [c.community?.name, c.grid?.name].filter(Boolean).join(" · ");
  const department =
    c.department && (i18n.language === "en" && c.department.nameEn ? c.department.nameEn : c.department.name);
  return (
    <section style={{ background: "#fff", padding: "16px" }}>
      <div style={{ display: "flex", flexWrap: "wrap", alignItems: "center", gap: 8 }}>
        <StatusTag status={c.status} />
        <OverdueTag overdue={c.overdue} label={lateLabel(t, c)} />
        {c.needsReview && (
          <Tag color="warning" style={{ fontSize: 15 }}>
            {t("cases.needsReview")}
          </Tag>
        )}
      </div>
      <h2 style={{ margin: "10px 0 8px", fontSize: 23, fontWeight: 600 }}>
        {categoryName(c.category.code, c.category.name)}
      </h2>
      <dl
        style={{ margin: 0, display: "grid", gridTemplateColumns: "auto 1fr", gap: "4px 12px", fontSize: 17 }}
      >
        <Field label={t("casesMobile.detail.code")}>
          <span style={{ fontFamily: "monospace", fontSize: 19 }} data-testid="detail-code">
            {c.code}
          </span>
        </Field>
        <Field label={t("casesMobile.detail.submittedAt")}>{time(c.createdAt)}</Field>
        {!finished && due && (
          // The deadline running now, named: the response one until someone takes the case up.
          <Field label={t(`caseWork.deadline.${due.kind}`)}>
            <span
              style={{ color: due.late ? "var(--adm-color-danger)" : undefined }}
              data-testid="detail-deadline"
            >
              {time(new Date(due.dueAt).toISOString())}
              {words && ` · ${words.text}`}
            </span>
          </Field>
        )}
        {c.holder && <Field label={t("caseWork.holderLabel")}>{holderText(t, c.holder)}</Field>}
        {place && <Field label={t("casesMobile.detail.place")}>{place}</Field>}
        {department && <Field label={t("casesMobile.detail.department")}>{department}</Field>}
      </dl>
      <p style={{ margin: "12px 0 0", fontSize: 18, lineHeight: 1.6, whiteSpace: "pre-wrap" }}>
        {c.description}
      </p>
      <PhotoStrip photos={c.photos} />
    </section>
  );
}

/** One case: what it is, the steps the caller may take now, the rating, and its whole timeline. */
export function CaseDetailPage() {
  const { t } = useTranslation();
  const { idOrCode = "" } = useParams();
  const found = useCase(idOrCode);

  const body = () => {
    if (found.error) return <ErrorBlock status="disconnected" title={found.error.message} description="" />;
    if (!found.data) return <Loading />;
    const c = found.data;
    return (
      <>
        <CaseHeader c={c} />
        {c.mayCall && (
          <ContactCall
            subject={{ kind: "case", idOrCode: c.code }}
            name={c.reporterName}
            phone={c.reporterPhone}
          />
        )}
        {c.master && (
          <NoticeBar
            content={
              <Link to={`/cases/${c.master.code}`}>
                {t("casesMobile.detail.mergedInto", { code: c.master.code })}
              </Link>
            }
            color="info"
            wrap
            style={{ "--font-size": "17px" }}
          />
        )}
        {c.suggestedMaster && c.allowedActions.includes("merge") && (
          <NoticeBar
            content={t("casesMobile.detail.maybeSame", { code: c.suggestedMaster.code })}
            color="alert"
            wrap
            style={{ "--font-size": "17px" }}
          />
        )}
        <CaseActions c={c} />
        <RateBlock c={c} />
        <CaseWhistles whistles={c.whistles} />
        <CaseTimeline events={c.events} />
      </>
    );
  };
  return (
    <>
      <PageBar title={t("casesMobile.detail.title")} />
      {body()}
    </>
  );
}
