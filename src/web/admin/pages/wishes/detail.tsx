import { ArrowLeftOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Card, Col, Descriptions, Empty, Result, Row, Space, Tag, Timeline, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { ApiError, api } from "../../../common/api.ts";
import { Photos } from "../cases/photos.tsx";
import { useFormatTime } from "../cases/time.tsx";
import { LoadFailed } from "../status.tsx";
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
  const back = (
    <Link to="/wishes">
      <ArrowLeftOutlined /> {t("wishesAdmin.detail.back")}
    </Link>
  );
  if (result.error) {
    if (result.error instanceof ApiError && result.error.status === 404)
      return <Result status="404" title={t("wishesAdmin.detail.notFound")} extra={back} />;
    return <LoadFailed error={result.error} retry={() => void result.refetch()} />;
  }
  const w = result.data;
  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      {back}
      <Card loading={!w}>
        {w && (
          <Space orientation="vertical" size={12} style={{ width: "100%" }}>
            <Space wrap size={12} align="center">
              <Typography.Title level={4} style={{ margin: 0 }} copyable={{ text: w.code }}>
                {w.code}
              </Typography.Title>
              <StatusTag status={w.status} />
              {w.wisherKind === "newEconomyWorker" && (
                <Tag color="gold">{t("wishes.wisherKind.newEconomyWorker")}</Tag>
              )}
            </Space>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {w.title}
            </Typography.Title>
            {w.allowedActions.length > 0 ? (
              <DetailActions w={w} />
            ) : (
              <Typography.Text type="secondary">{t("wishesAdmin.detail.noActions")}</Typography.Text>
            )}
          </Space>
        )}
      </Card>
      {w && (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            <Space orientation="vertical" size={16} style={{ width: "100%" }}>
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
            </Space>
          </Col>
          <Col xs={24} xl={10}>
            <Card title={t("wishesAdmin.detail.timeline")}>
              <History w={w} />
            </Card>
          </Col>
        </Row>
      )}
    </Space>
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
  const format = useFormatTime();
  if (w.events.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <Timeline
      items={w.events.map((e) => ({
        key: e.id,
        color: COLOURS[e.action] ?? "blue",
        content: (
          <Space orientation="vertical" size={4} style={{ width: "100%" }} data-testid="wish-event">
            <Space wrap size={8}>
              <Typography.Text strong>
                {t(`wishes.action.${e.action}` as "wishes.action.post")}
              </Typography.Text>
              <Typography.Text type="secondary">
                {e.actorName ?? t("wishesAdmin.detail.system")}
              </Typography.Text>
              <Typography.Text type="secondary">{format(e.at)}</Typography.Text>
            </Space>
            {e.toStatus && e.toStatus !== e.fromStatus && (
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {t("wishesAdmin.detail.statusTo", { status: t(`wishes.status.${e.toStatus}`) })}
              </Typography.Text>
            )}
            {e.note && (
              <Typography.Paragraph style={{ margin: 0, whiteSpace: "pre-wrap" }}>
                {e.note}
              </Typography.Paragraph>
            )}
            <Photos photos={e.photos} size={72} />
          </Space>
        ),
      }))}
    />
  );
}
