import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Button, Card, ErrorBlock, Tag, Toast } from "antd-mobile";
import { useTranslation } from "react-i18next";
import { api, type ResponseOf } from "../../../../common/api.ts";
import { PageBar } from "../../../page-bar.tsx";
import { Loading } from "../../status.tsx";

type CallUp = ResponseOf<"/api/v1/engagement/mobilisations/mine", "get">["items"][number];
const KEY = ["engagement", "call-ups"] as const;

/** The phone's position when the member allows it and it comes quickly; nothing otherwise. */
function where(): Promise<{ lat: number; lng: number } | undefined> {
  if (!("geolocation" in navigator)) return Promise.resolve(undefined);
  return new Promise((resolve) =>
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ lat: p.coords.latitude, lng: p.coords.longitude }),
      () => resolve(undefined),
      { timeout: 8000, maximumAge: 60_000 },
    ),
  );
}

/** 我的召集: the call-ups that called me, with a big 我已到岗 for each I have not reported to. */
export function CallUpsPage() {
  const { t } = useTranslation();
  const list = useQuery({
    queryKey: KEY,
    queryFn: ({ signal }) =>
      api.get("/api/v1/engagement/mobilisations/mine", { query: { pageSize: 50 }, signal }),
  });
  return (
    <>
      <PageBar title={t("engagementMobilisation.mine.title")} back="/" />
      {list.error ? (
        <ErrorBlock status="disconnected" title={list.error.message} description="" />
      ) : !list.data ? (
        <Loading />
      ) : list.data.items.length === 0 ? (
        <ErrorBlock
          status="empty"
          title={t("engagementMobilisation.mine.empty")}
          description=""
          style={{ padding: "32px 0" }}
        />
      ) : (
        list.data.items.map((c) => <CallUpCard key={c.id} c={c} />)
      )}
    </>
  );
}

function CallUpCard({ c }: { c: CallUp }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const report = useMutation({
    mutationFn: async () =>
      api.post(
        "/api/v1/engagement/mobilisations/{id}/report",
        { location: await where() },
        { path: { id: c.id } },
      ),
    onSuccess: () => Toast.show({ icon: "success", content: t("engagementMobilisation.mine.reportedOk") }),
    onError: (err) => Toast.show({ icon: "fail", content: err.message }),
    onSettled: () => client.invalidateQueries({ queryKey: KEY }),
  });
  const line = (label: string, text: string | null) =>
    text && (
      <div style={{ fontSize: 17, lineHeight: 1.6, marginTop: 6 }}>
        <span style={{ color: "#666" }}>{label}：</span>
        {text}
      </div>
    );
  return (
    <Card
      data-testid="call-up"
      style={{ margin: 12, borderRadius: 12 }}
      title={<span style={{ fontSize: 19 }}>{c.name}</span>}
      extra={
        c.status === "dissolved" ? (
          <Tag color="default">{t("engagementMobilisation.mine.dissolved")}</Tag>
        ) : (
          <Tag color="danger">{t(`engagementMobilisation.kind.${c.kind}`)}</Tag>
        )
      }
    >
      {c.leader && <Tag color="warning">{t("engagementMobilisation.mine.leader")}</Tag>}
      {line(t("engagementMobilisation.mine.purpose"), c.purpose)}
      {line(t("engagementMobilisation.mine.place"), c.place ?? c.node?.name ?? null)}
      {line(t("engagementMobilisation.mine.raisedAt"), new Date(c.raisedAt).toLocaleString("zh-CN"))}
      {c.reportedAt ? (
        <div style={{ fontSize: 18, color: "#00b578", marginTop: 12 }}>
          {t("engagementMobilisation.mine.reported", {
            time: new Date(c.reportedAt).toLocaleTimeString("zh-CN"),
          })}
        </div>
      ) : (
        c.allowedActions.includes("report") && (
          <Button
            block
            color="danger"
            size="large"
            style={{ marginTop: 16, height: 64, fontSize: 22 }}
            loading={report.isPending}
            onClick={() => report.mutate()}
          >
            {t("engagementMobilisation.mine.report")}
          </Button>
        )
      )}
    </Card>
  );
}
