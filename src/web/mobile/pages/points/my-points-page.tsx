import { useQuery } from "@tanstack/react-query";
import { Button, ErrorBlock, NoticeBar, Space } from "antd-mobile";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { api, type ResponseOf } from "../../../common/api.ts";
import { PageBar, Section } from "../../page-bar.tsx";
import { Loading } from "../status.tsx";

type Holding = ResponseOf<"/api/v1/points/me", "get">["items"][number];

const KIND_COLOR = { resident: "#1677ff", member: "#cf1322", merchant: "#d46b08" } as const;

/**
 * 我的积分: one big balance per kind of points the caller holds (睦邻 / 先锋 / 商铺), this month's
 * gains and losses, the half-year's score, and the way to 明细, 积分超市 and 民主评议.
 */
export function MyPointsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useQuery({
    queryKey: ["points", "me"],
    queryFn: ({ signal }) => api.get("/api/v1/points/me", { signal }),
  });
  const rounds = useQuery({
    queryKey: ["points", "appraisal", "mine"],
    queryFn: ({ signal }) => api.get("/api/v1/points/appraisal-rounds/mine", { signal }),
    retry: false,
  });
  const waiting = (rounds.data?.items ?? []).filter((r) => r.members.some((m) => m.score === null)).length;
  return (
    <>
      <PageBar title={t("pointsLedger.title")} back="/" />
      {me.error ? (
        <ErrorBlock status="default" title={me.error.message} description="" />
      ) : !me.data ? (
        <Loading />
      ) : me.data.items.length === 0 ? (
        <ErrorBlock status="empty" title={t("pointsLedger.me.none")} description="" />
      ) : (
        <>
          {waiting > 0 && (
            <NoticeBar
              color="alert"
              content={t("pointsLedger.me.appraiseWaiting", { count: waiting })}
              extra={
                <Button size="small" color="primary" onClick={() => navigate("/points/appraise")}>
                  {t("pointsLedger.me.appraise")}
                </Button>
              }
              style={{ fontSize: 16, "--height": "48px" }}
            />
          )}
          {me.data.items.map((h) => (
            <Holding key={h.audience} h={h} />
          ))}
          <div style={{ padding: 16 }}>
            <Space direction="vertical" block style={{ "--gap": "12px" }}>
              <Button block size="large" color="primary" onClick={() => navigate("/points/shop")}>
                {t("pointsLedger.me.shop")}
              </Button>
              {(rounds.data?.items.length ?? 0) > 0 && (
                <Button block size="large" onClick={() => navigate("/points/appraise")}>
                  {t("pointsLedger.me.appraise")}
                </Button>
              )}
            </Space>
          </div>
        </>
      )}
    </>
  );
}

function Holding({ h }: { h: Holding }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Section
      title={t(`pointsLedger.kinds.${h.audience}`)}
      extra={
        <Button
          fill="none"
          size="small"
          style={{ fontSize: 16 }}
          onClick={() => navigate(`/points/statement?audience=${h.audience}`)}
        >
          {t("pointsLedger.me.statement")} ›
        </Button>
      }
    >
      <div style={{ padding: "4px 16px 16px" }} data-testid={`points-${h.audience}`}>
        <div style={{ color: "#888", fontSize: 15 }}>{t("pointsLedger.me.balance")}</div>
        <div style={{ fontSize: 44, fontWeight: 700, color: KIND_COLOR[h.audience], lineHeight: 1.2 }}>
          {h.balance.toLocaleString("zh-CN")}
        </div>
        <div style={{ fontSize: 17, marginTop: 6 }}>
          {t("pointsLedger.me.thisMonth")} <span style={{ color: "#389e0d" }}>+{h.monthAdded}</span>{" "}
          <span style={{ color: "#cf1322" }}>−{h.monthDeducted}</span>
        </div>
        <div style={{ fontSize: 17, marginTop: 6 }}>
          {t("pointsLedger.me.score")}：<b>{h.score.score}</b>
          <div style={{ color: "#888", fontSize: 14 }}>
            {h.score.vetoed
              ? t("pointsLedger.me.vetoed")
              : t("pointsLedger.me.scoreParts", {
                  base: h.score.base,
                  added: h.score.added,
                  deducted: h.score.deducted,
                })}
          </div>
        </div>
        {h.rank && (
          <div style={{ fontSize: 15, color: "#666", marginTop: 6 }}>
            {t("pointsLedger.me.rank", { position: h.rank.position, of: h.rank.of })}
          </div>
        )}
      </div>
    </Section>
  );
}
