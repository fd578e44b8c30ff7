import { useQuery } from "@tanstack/react-query";
import { Card, Descriptions, Empty, Tag, Timeline, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router-dom";
import { api } from "../../../common/api.ts";
import { DetailHeader, DetailPage } from "../../components/detail-page.tsx";
import { EventEntry } from "../../components/event-entry.tsx";
import { Photos } from "../cases/photos.tsx";
import { useFormatTime } from "../cases/time.tsx";
import { DetailActions } from "./actions.tsx";
import { claimerText, StatusTag, WISHES_KEY, type WishDetail } from "./labels.tsx";

const COLOURS: Record<string, string> = {
  reject: "red",
  release: "orange",
  withdraw: "gray",
  confirm: "green",
};

/** One wish: what is wished, by whom, where it stands, its history, and what the caller can do now. */
export function WishDetailPage() {
  const { t } = useTranslation();
  const { idOrCode = "" } = useParams();
  const result = useQuery({
    queryKey: [...WISHES_KEY, "detail", idOrCode],
    queryFn: ({ signal }) => api.get("/api/v1/wishes/{idOrCode}", { path: { idOrCode }, signal }),
  });
  return (
    <DetailPage
      result={result}
      back={{ to: "/wishes", label: t("wishesAdmin.detail.back") }}
      notFound={t("wishesAdmin.detail.notFound")}
      header={(w) => (
        <DetailHeader
          code={w.code}
          tags={
            <>
              <StatusTag status={w.status} />
              {w.wisherKind === "newEconomyWorker" && (
                <Tag color="gold">{t("wishes.wisherKind.newEconomyWorker")}</Tag>
              )}
            </>
          }
          summary={
            <Typography.Title level={5} style={{ margin: 0 }}>
              {w.title}
            </Typography.Title>
          }
          actions={w.allowedActions.length > 0 ? <DetailActions w={w} /> : null}
          noActions={t("wishesAdmin.detail.noActions")}
        />
      )}
      main={(w) => (
        <>
          <Card title={t("wishesAdmin.detail.info")}>
            <Fields w={w} />
          </Card>
          {w.photos.length > 0 && (
            <Card title={t("wishesAdmin.detail.photos")}>
              <Photos photos={w.photos} />
            </Card>
          )}
          {w.fulfilPhotos.length > 0 && (
            <Card title={t("wishesAdmin.detail.fulfilPhotos")}>
              <Photos photos={w.fulfilPhotos} />
            </Card>
          )}
        </>
      )}
      side={(w) => (
        <Card title={t("wishesAdmin.detail.timeline")}>
          <History w={w} />
        </Card>
      )}
    />
  );
}

function Fields({ w }: { w: WishDetail }) {
  const { t } = useTranslation();
  const format = useFormatTime();
  const none = t("common.none");
  const item = (label: string, children: ReactNode, span = 1) => ({ key: label, label, children, span });
  const d = (key: string) => t(`wishesAdmin.detail.${key}` as "wishesAdmin.detail.wisher");
  const c = (key: string) => t(`wishesAdmin.columns.${key}` as "wishesAdmin.columns.code");
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, md: 2 }}
      styles={{ label: { width: 112, whiteSpace: "nowrap" } }}
      items={[
        item(c("category"), t(`wishes.category.${w.category}`)),
        item(c("wisherKind"), t(`wishes.wisherKind.${w.wisherKind}`)),
        item(d("description"), <span style={{ whiteSpace: "pre-wrap" }}>{w.description || none}</span>, 2),
        item(d("wisher"), w.wisherName),
        item(d("phone"), <span style={{ fontFamily: "monospace" }}>{w.wisherPhone ?? none}</span>),
        item(
          d("place"),
          [w.community?.name, w.node && w.node.id !== w.community?.id ? w.node.name : null]
            .filter(Boolean)
            .join(" · ") || none,
          2,
        ),
        ...(w.reviewNote ? [item(d("reviewNote"), w.reviewNote, 2)] : []),
        item(d("claimer"), claimerText(w) ?? none, 2),
        ...(w.fulfilNote ? [item(d("fulfilNote"), w.fulfilNote, 2)] : []),
        ...(w.thanks ? [item(d("thanks"), w.thanks, 2)] : []),
        item(c("createdAt"), format(w.createdAt)),
        item(c("publishedAt"), format(w.publishedAt)),
        item(c("claimedAt"), format(w.claimedAt)),
        item(c("fulfilledAt"), format(w.fulfilledAt)),
        item(c("confirmedAt"), format(w.confirmedAt), 2),
      ]}
    />
  );
}

function History({ w }: { w: WishDetail }) {
  const { t } = useTranslation();
  if (w.events.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <Timeline
      items={w.events.map((e) => ({
        key: e.id,
        color: COLOURS[e.action] ?? "blue",
        content: (
          <EventEntry
            event={e}
            title={t(`wishes.action.${e.action}` as "wishes.action.post")}
            system={t("wishesAdmin.detail.system")}
            movedTo={(status) => t("wishesAdmin.detail.statusTo", { status: t(`wishes.status.${status}`) })}
            testId="wish-event"
          />
        ),
      }))}
    />
  );
}
