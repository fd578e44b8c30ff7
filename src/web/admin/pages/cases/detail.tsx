import { useQuery } from "@tanstack/react-query";
import { Card, Descriptions, Space, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router-dom";
import type { casesAdminZhCN } from "../../../../shared/locales/cases-admin.zh-CN.ts";
import { api } from "../../../common/api.ts";
import { DetailHeader, DetailPage } from "../../components/detail-page.tsx";
import { ActionButtons } from "./actions.tsx";
import { type CaseDetail, CaseFlags, channelLabel, StatusTag } from "./case-labels.tsx";
import { CaseWhistles } from "./case-whistles.tsx";
import { Duplicates } from "./duplicates.tsx";
import { Photos } from "./photos.tsx";
import { useFormatTime } from "./time.tsx";
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
  const reporter = [c.reporterName, c.reporterPhone].filter(Boolean).join(" ");
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
        item(
          "department",
          c.department ? (en && c.department.nameEn ? c.department.nameEn : c.department.name) : none,
        ),
        item("reporter", <span style={{ fontFamily: "monospace" }}>{reporter || none}</span>, 2),
        item("createdAt", format(c.createdAt)),
        item("respondedAt", format(c.respondedAt)),
        item("responseDueAt", format(c.responseDueAt)),
        item("resolveDueAt", format(c.resolveDueAt)),
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
