import { useQuery } from "@tanstack/react-query";
import { Card, Descriptions, Space, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router-dom";
import type { casesAdminZhCN } from "../../../../shared/locales/cases-admin.zh-CN.ts";
import { api } from "../../../common/api.ts";
import { holderText } from "../../../common/case-deadline.ts";
import { ContactCall } from "../../components/contact-call.tsx";
import { DetailHeader, DetailPage } from "../../components/detail-page.tsx";
import { ActionButtons } from "./actions.tsx";
import { type CaseDetail, CaseFlags, channelLabel, isOpen, StatusTag } from "./case-labels.tsx";
import { CaseWhistles } from "./case-whistles.tsx";
import { Duplicates } from "./duplicates.tsx";
import { Photos } from "./photos.tsx";
import { Deadline, useFormatTime } from "./time.tsx";
import { CaseTimeline } from "./timeline.tsx";

type FieldKey = keyof typeof casesAdminZhCN.fields;

export const caseKey = (idOrCode: string) => ["cases", "detail", idOrCode] as const;

/** One case: what was asked, where, by whom, what has been done, and what the caller can do now. */
export function CaseDetailPage() {
  const { t } = useTranslation();
  const { idOrCode = "" } = useParams();
  const result = useQuery({
    queryKey: caseKey(idOrCode),
    queryFn: ({ signal }) => api.get("/api/v1/cases/{idOrCode}", { path: { idOrCode }, signal }),
  });
  return (
    <DetailPage
      result={result}
      back={{ to: "/cases", label: t("casesAdmin.detail.back") }}
      notFound={t("casesAdmin.detail.notFound")}
      headerTestId="case-header"
      header={(c) => (
        <DetailHeader
          code={c.code}
          tags={
            <Space size={[4, 4]} wrap>
              <StatusTag status={c.status} />
              <CaseFlags c={c} />
              {isOpen(c.status) && <Deadline c={c} />}
            </Space>
          }
          summary={
            <Typography.Paragraph style={{ margin: 0 }} ellipsis={{ rows: 2, expandable: true }}>
              {c.description}
            </Typography.Paragraph>
          }
          actions={c.allowedActions.length > 0 ? <ActionButtons c={c} /> : null}
          noActions={t("casesAdmin.detail.noActions")}
        />
      )}
      main={(c) => (
        <>
          <Card title={t("casesAdmin.detail.info")}>
            <Fields c={c} />
          </Card>
          {c.photos.length > 0 && (
            <Card title={t("casesAdmin.detail.photos")}>
              <Photos photos={c.photos} />
            </Card>
          )}
          <Duplicates c={c} />
        </>
      )}
      side={(c) => (
        <Card title={t("casesAdmin.detail.timeline")}>
          <CaseTimeline c={c} />
        </Card>
      )}
      below={(c) =>
        c.whistles.length > 0 && (
          <Card title={t("casesAdmin.detail.whistles")}>
            <CaseWhistles c={c} />
          </Card>
        )
      }
    />
  );
}

function Fields({ c }: { c: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const format = useFormatTime();
  const none = t("common.none");
  const en = i18n.language === "en";
  const node = (n: CaseDetail["grid"]) => (n ? n.name : none);
  const item = (key: FieldKey, children: ReactNode, span = 1) => ({
    key,
    label: t(`casesAdmin.fields.${key}`),
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
        item("category", en && c.category.nameEn ? c.category.nameEn : c.category.name),
        item("channel", channelLabel(t, c.channel)),
        item("requestType", t(`cases.requestType.${c.requestType}`)),
        item("urgency", t(`cases.urgency.${c.urgency}`)),
        item("description", <span style={{ whiteSpace: "pre-wrap" }}>{c.description}</span>, 2),
        item("address", c.address ?? none, 2),
        item("grid", c.grid ? `${c.grid.name}（${c.grid.code}）` : none),
        item("community", node(c.community)),
        item("street", node(c.street)),
        ...(c.holder
          ? [{ key: "holder", label: t("caseWork.holderLabel"), children: holderText(t, c.holder), span: 1 }]
          : []),
        item(
          "department",
          c.department ? (en && c.department.nameEn ? c.department.nameEn : c.department.name) : none,
        ),
        item(
          "reporter",
          <ContactCall
            subject={{ kind: "case", idOrCode: c.code }}
            name={c.reporterName}
            phone={c.reporterPhone}
            mayCall={c.mayCall}
          />,
          2,
        ),
        item("createdAt", format(c.createdAt)),
        item("respondedAt", format(c.respondedAt)),
        item("responseDueAt", <Due at={c.responseDueAt} c={c} kind="response" />),
        item("resolveDueAt", <Due at={c.resolveDueAt} c={c} kind="resolve" />),
        item("resolvedAt", format(c.resolvedAt)),
        item("closedAt", format(c.closedAt)),
        ...(c.rating !== null
          ? [
              item(
                "rating",
                [t("casesAdmin.detail.stars", { score: c.rating }), c.ratingComment]
                  .filter(Boolean)
                  .join(" · "),
                2,
              ),
            ]
          : []),
      ]}
    />
  );
}

/**
 * One deadline with where the case stands against it: 已响应 once taken up, 已超时 while it still
 * runs and has passed (a response deadline stops mattering once someone has responded).
 */
function Due({ at, c, kind }: { at: string; c: CaseDetail; kind: "response" | "resolve" }) {
  const { t } = useTranslation();
  const format = useFormatTime();
  const responded = kind === "response" && c.respondedAt !== null;
  const late = !responded && isOpen(c.status) && Date.parse(at) < Date.now();
  return (
    <Space size={8} wrap>
      <span>{format(at)}</span>
      {responded && <Typography.Text type="secondary">{t("caseWork.deadline.responded")}</Typography.Text>}
      {late && <Typography.Text type="danger">{t(`caseWork.late.${kind}`)}</Typography.Text>}
    </Space>
  );
}
