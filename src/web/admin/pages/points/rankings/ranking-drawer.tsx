import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Drawer,
  Input,
  Modal,
  Space,
  Table,
  type TableColumnsType,
  Typography,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, type ResponseOf } from "../../../../common/api.ts";
import { useAuth } from "../../../../common/auth.tsx";
import { ExportButton } from "../../../components/export-button.tsx";
import { LoadFailed } from "../../status.tsx";
import { periodLabel } from "./periods.ts";
import { StatusTag } from "./status-tag.tsx";

type Detail = ResponseOf<"/api/v1/points/rankings/{id}", "get">;
type Entry = Detail["items"][number];

/** A citation, saved when the field is left (drafts only). */
function CitationCell({ ranking, entry }: { ranking: Detail; entry: Entry }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [text, setText] = useState(entry.citation ?? "");
  const save = useMutation({
    mutationFn: () =>
      api.put(
        "/api/v1/points/rankings/{id}/entries/{holderId}",
        { citation: text },
        { path: { id: ranking.id, holderId: entry.holderId } },
      ),
    onSuccess: (detail) => {
      client.setQueryData(["points", "rankings", "one", ranking.id], detail);
      void message.success(t("pointsRankings.detail.saved"));
    },
    onError: (e) => void message.error(e.message),
  });
  if (!ranking.allowedActions.includes("editCitation")) return <>{entry.citation}</>;
  return (
    <Input
      value={text}
      maxLength={200}
      placeholder={t("pointsRankings.detail.citationPlaceholder")}
      onChange={(e) => setText(e.target.value)}
      onBlur={() => {
        if (text !== (entry.citation ?? "")) save.mutate();
      }}
    />
  );
}

/** One ranking: who is on it with scores and citations; approve (by another), publish, withdraw. */
export function RankingDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { user } = useAuth();
  const client = useQueryClient();
  const [withdrawing, setWithdrawing] = useState(false);
  const [reason, setReason] = useState("");
  const ranking = useQuery({
    queryKey: ["points", "rankings", "one", id],
    queryFn: ({ signal }) => api.get("/api/v1/points/rankings/{id}", { path: { id }, signal }),
  });
  const done = (detail: Detail, words: string) => {
    client.setQueryData(["points", "rankings", "one", id], detail);
    void client.invalidateQueries({ queryKey: ["points", "rankings"] });
    void message.success(words);
  };
  const approve = useMutation({
    mutationFn: () => api.post("/api/v1/points/rankings/{id}/approve", undefined, { path: { id } }),
    onSuccess: (d) => done(d, t("pointsRankings.detail.approved")),
    onError: (e) => void message.error(e.message),
  });
  const publish = useMutation({
    mutationFn: () => api.post("/api/v1/points/rankings/{id}/publish", undefined, { path: { id } }),
    onSuccess: (d) => done(d, t("pointsRankings.detail.published")),
    onError: (e) => void message.error(e.message),
  });
  const withdraw = useMutation({
    mutationFn: () =>
      api.post("/api/v1/points/rankings/{id}/withdraw", { reason: reason.trim() }, { path: { id } }),
    onSuccess: (d) => {
      setWithdrawing(false);
      done(d, t("pointsRankings.detail.withdrawn"));
    },
    onError: (e) => void message.error(e.message),
  });
  const r = ranking.data;
  const columns: TableColumnsType<Entry> = [
    { title: t("pointsRankings.columns.rank"), dataIndex: "rank", width: 70, align: "center" },
    { title: t("pointsRankings.columns.name"), dataIndex: "name", width: 180 },
    { title: t("pointsRankings.columns.score"), dataIndex: "score", width: 90, align: "right" },
    {
      title: t("pointsRankings.columns.citation"),
      key: "citation",
      render: (_, e) => r && <CitationCell key={`${e.holderId}:${e.citation}`} ranking={r} entry={e} />,
    },
  ];
  const own = r?.status === "draft" && r.createdBy.id === user?.id;
  return (
    <Drawer
      open
      size={900}
      onClose={onClose}
      title={
        r
          ? `${t(`pointsRankings.kinds.${r.kind}`)} · ${r.node.name} · ${periodLabel(t, r.period)}`
          : t("pointsRankings.title")
      }
      extra={
        r && (
          <Space>
            <ExportButton path="/api/v1/points/rankings/entries" query={{ rankingId: id }} />
            {r.allowedActions.includes("approve") && (
              <Button type="primary" loading={approve.isPending} onClick={() => approve.mutate()}>
                {t("pointsRankings.detail.approve")}
              </Button>
            )}
            {r.allowedActions.includes("publish") && (
              <Button type="primary" loading={publish.isPending} onClick={() => publish.mutate()}>
                {t("pointsRankings.detail.publish")}
              </Button>
            )}
            {r.allowedActions.includes("withdraw") && (
              <Button danger onClick={() => setWithdrawing(true)}>
                {t("pointsRankings.detail.withdraw")}
              </Button>
            )}
          </Space>
        )
      }
    >
      {ranking.error && <LoadFailed error={ranking.error} retry={() => void ranking.refetch()} />}
      {r && (
        <Space orientation="vertical" size={12} style={{ width: "100%" }}>
          <Typography.Text type="secondary">
            <StatusTag status={r.status} /> {t("pointsRankings.columns.createdBy")}：{r.createdBy.name}
            {r.approvedBy && ` · ${t("pointsRankings.columns.approvedBy")}：${r.approvedBy.name}`}
            {r.publishedAt && ` · ${t("pointsRankings.columns.publishedAt")}：${r.publishedAt.slice(0, 10)}`}
          </Typography.Text>
          {own && <Alert type="info" showIcon message={t("pointsRankings.detail.ownDraft")} />}
          <Table<Entry>
            rowKey="holderId"
            size="small"
            columns={columns}
            dataSource={r.items}
            locale={{ emptyText: t("pointsRankings.detail.empty") }}
            pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
          />
        </Space>
      )}
      <Modal
        open={withdrawing}
        title={t("pointsRankings.detail.withdraw")}
        onCancel={() => setWithdrawing(false)}
        onOk={() => withdraw.mutate()}
        okButtonProps={{ danger: true, disabled: !reason.trim() }}
        confirmLoading={withdraw.isPending}
      >
        <Typography.Paragraph>{t("pointsRankings.detail.withdrawConfirm")}</Typography.Paragraph>
        <Input.TextArea
          rows={3}
          maxLength={300}
          placeholder={t("pointsRankings.detail.withdrawReason")}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
    </Drawer>
  );
}
