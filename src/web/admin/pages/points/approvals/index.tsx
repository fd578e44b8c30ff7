import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  App,
  Button,
  Card,
  Input,
  Modal,
  Popconfirm,
  Segmented,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, type ResponseOf } from "../../../../common/api.ts";
import { ExportButton } from "../../../components/export-button.tsx";
import { Photos } from "../../cases/photos.tsx";
import { useListParams } from "../../list-params.ts";
import { LoadFailed } from "../../status.tsx";
import { CLAIMS_KEY, ClaimEntry } from "./entry.tsx";

type Claim = ResponseOf<"/api/v1/points/claims", "get">["items"][number];
type Status = Claim["status"];
const STATUSES: Array<Status | "all"> = ["pending", "approved", "rejected", "all"];
const STATUS_COLOR = { pending: "blue", approved: "green", rejected: "default" } as const;

/** 积分审核: the area's claims, pending first; approve or reject (four eyes), and enter a new one. */
export function PointsApprovalsPage() {
  const { t } = useTranslation();
  const list = useListParams(["status", "decidable"] as const);
  const status = (list.filters.status ?? "pending") as Status | "all";
  // Opened from the to-do: only the claims this person may decide, until he clears the tag.
  const decidable = list.filters.decidable === "true";
  const query = {
    ...(status === "all" ? {} : { status }),
    ...(decidable ? { decidable } : {}),
    page: list.page,
    pageSize: list.pageSize,
  };
  const result = useQuery({
    queryKey: [...CLAIMS_KEY, query],
    queryFn: ({ signal }) => api.get("/api/v1/points/claims", { query, signal }),
    placeholderData: keepPreviousData,
  });
  const [rejecting, setRejecting] = useState<Claim | undefined>();
  const columns: TableColumnsType<Claim> = [
    {
      title: t("pointsRules.approvals.holder"),
      key: "holder",
      width: 150,
      render: (_: unknown, c) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{c.holder.name}</Typography.Text>
          <Typography.Text type="secondary">{t(`pointsRules.audienceShort.${c.audience}`)}</Typography.Text>
        </Space>
      ),
    },
    {
      title: t("pointsRules.approvals.rule"),
      key: "rule",
      render: (_: unknown, c) => (
        <Space orientation="vertical" size={2}>
          <span>
            {c.rule.indicator ? `${c.rule.indicator}：` : ""}
            {c.rule.name}
          </span>
          {c.note && <Typography.Text type="secondary">{c.note}</Typography.Text>}
          {c.rule.kind === "veto" && <Tag color="red">{t("pointsRules.approvals.veto")}</Tag>}
        </Space>
      ),
    },
    {
      title: t("pointsRules.approvals.points"),
      key: "points",
      width: 80,
      align: "right",
      render: (_: unknown, c) =>
        c.rule.kind === "veto" ? (
          "—"
        ) : (
          <span style={{ color: c.rule.kind === "deduct" ? "#cf1322" : "#389e0d" }}>
            {c.rule.kind === "deduct" ? `−${c.points}` : `+${c.points}`}
          </span>
        ),
    },
    { title: t("pointsRules.approvals.happenedOn"), dataIndex: "happenedOn", width: 110 },
    {
      title: t("pointsRules.approvals.evidence"),
      key: "evidence",
      width: 170,
      render: (_: unknown, c) => <Photos photos={c.evidence} size={48} />,
    },
    {
      title: t("pointsRules.approvals.submittedBy"),
      key: "submittedBy",
      width: 130,
      render: (_: unknown, c) => (
        <Space orientation="vertical" size={0}>
          <span>{c.submittedBy.name}</span>
          <Typography.Text type="secondary">{dayjs(c.createdAt).format("MM-DD HH:mm")}</Typography.Text>
        </Space>
      ),
    },
    {
      title: t("pointsRules.approvals.status"),
      key: "status",
      width: 190,
      render: (_: unknown, c) =>
        c.status === "pending" ? (
          c.canDecide ? (
            <Decide claim={c} onReject={() => setRejecting(c)} />
          ) : (
            <Typography.Text type="secondary">{t("pointsRules.approvals.notYours")}</Typography.Text>
          )
        ) : (
          <Space orientation="vertical" size={0}>
            <Tag color={STATUS_COLOR[c.status]}>{t(`pointsRules.approvals.${c.status}`)}</Tag>
            {c.decidedBy && <Typography.Text type="secondary">{c.decidedBy.name}</Typography.Text>}
            {c.reason && <Typography.Text type="secondary">{c.reason}</Typography.Text>}
          </Space>
        ),
    },
  ];
  return (
    <Card title={t("nav.pointsApprovals")} extra={<ClaimEntry />}>
      <Space orientation="vertical" size={16} style={{ width: "100%" }}>
        <Alert4Eyes />
        <Space wrap size={12}>
          <Segmented
            value={status}
            onChange={(v) => list.setFilter("status", v === "pending" ? undefined : String(v))}
            options={STATUSES.map((s) => ({ value: s, label: t(`pointsRules.approvals.${s}`) }))}
          />
          {decidable && (
            <Tag closable color="blue" onClose={() => list.setFilter("decidable", undefined)}>
              {t("todos.only", { what: t("todos.kinds.points.claims") })}
            </Tag>
          )}
          <ExportButton path="/api/v1/points/claims" query={query} />
        </Space>
        {result.error && <LoadFailed error={result.error} retry={() => void result.refetch()} />}
        <Table<Claim>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={result.data?.items}
          loading={result.isFetching}
          scroll={{ x: 1000 }}
          pagination={list.pagination(result.data?.total, (count) =>
            t("pointsRules.approvals.total", { count }),
          )}
        />
      </Space>
      {rejecting && <RejectModal claim={rejecting} onClose={() => setRejecting(undefined)} />}
    </Card>
  );
}

function Alert4Eyes() {
  const { t } = useTranslation();
  return <Typography.Text type="secondary">{t("pointsRules.approvals.fourEyes")}</Typography.Text>;
}

function Decide({ claim, onReject }: { claim: Claim; onReject: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const approve = useMutation({
    mutationFn: () => api.post("/api/v1/points/claims/{id}/approve", {}, { path: { id: claim.id } }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: CLAIMS_KEY });
      void message.success(t("pointsRules.approvals.approvedDone"));
    },
    onError: (e) => void message.error(e.message),
  });
  return (
    <Space size={8}>
      <Popconfirm
        title={
          claim.rule.kind === "veto"
            ? t("pointsRules.approvals.veto")
            : `${claim.holder.name} · ${claim.rule.name}`
        }
        okText={t("pointsRules.approvals.approve")}
        onConfirm={() => approve.mutateAsync()}
      >
        <Button type="primary" size="small" loading={approve.isPending}>
          {t("pointsRules.approvals.approve")}
        </Button>
      </Popconfirm>
      <Button size="small" danger onClick={onReject}>
        {t("pointsRules.approvals.reject")}
      </Button>
    </Space>
  );
}

function RejectModal({ claim, onClose }: { claim: Claim; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [reason, setReason] = useState("");
  const reject = useMutation({
    mutationFn: () =>
      api.post("/api/v1/points/claims/{id}/reject", { reason: reason.trim() }, { path: { id: claim.id } }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: CLAIMS_KEY });
      void message.success(t("pointsRules.approvals.rejectedDone"));
      onClose();
    },
    onError: (e) => void message.error(e.message),
  });
  return (
    <Modal
      open
      title={`${t("pointsRules.approvals.rejectTitle")} · ${claim.holder.name}`}
      okText={t("pointsRules.approvals.reject")}
      okButtonProps={{ danger: true, disabled: reason.trim() === "" }}
      confirmLoading={reject.isPending}
      onOk={() => reject.mutate()}
      onCancel={onClose}
    >
      <Input.TextArea
        rows={3}
        maxLength={500}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        placeholder={t("pointsRules.approvals.rejectPlaceholder")}
        aria-label={t("pointsRules.approvals.rejectTitle")}
      />
    </Modal>
  );
}
