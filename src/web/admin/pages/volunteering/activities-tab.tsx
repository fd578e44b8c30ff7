import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  App,
  Button,
  Empty,
  Input,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../common/api.ts";
import { ExportButton } from "../../components/export-button.tsx";
import type { useListParams } from "../list-params.ts";
import { LoadFailed } from "../status.tsx";
import { PublishButton } from "./publish-form.tsx";
import { SignupsDrawer } from "./signups-drawer.tsx";
import { TeamFilter } from "./team-filter.tsx";
import {
  type ActivityItem,
  type ActivityQuery,
  MODES,
  type Mode,
  useTimeRange,
  VOLUNTEERING_KEY,
} from "./volunteering-data.ts";

export type VolunteeringParams = ReturnType<
  typeof useListParams<"tab" | "when" | "mode" | "teamId" | "q" | "skill" | "by">
>;
const WHEN = ["upcoming", "past", "all"] as const;
type When = (typeof WHEN)[number];

const MODE_COLOURS: Record<Mode, string> = {
  fixedTime: "blue",
  afterHours: "purple",
  byAppointment: "green",
};
const STATUS_COLOURS: Record<ActivityItem["status"], string> = {
  open: "processing",
  cancelled: "red",
  finished: "default",
};

/** Asks for an optional reason, then calls the activity off (everyone signed up is notified). */
function useCancelActivity() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const cancel = useMutation({
    mutationFn: ({ id, reason }: { id: string; reason?: string }) =>
      api.post("/api/v1/activities/{id}/cancel", reason ? { reason } : {}, { path: { id } }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: VOLUNTEERING_KEY });
      message.success(t("volunteering.admin.cancelOk"));
    },
    onError: (err) => message.error(err.message),
  });
  return (a: ActivityItem) => {
    let reason = "";
    modal.confirm({
      title: t("volunteering.admin.cancel"),
      content: (
        <Space orientation="vertical" style={{ width: "100%" }}>
          {t("volunteering.admin.cancelConfirm", { title: a.title })}
          <Input
            maxLength={200}
            placeholder={t("volunteering.admin.cancelReason")}
            onChange={(e) => (reason = e.target.value)}
          />
        </Space>
      ),
      okText: t("volunteering.admin.cancel"),
      okButtonProps: { danger: true },
      cancelText: t("user.cancel"),
      onOk: () => cancel.mutateAsync({ id: a.id, reason: reason.trim() || undefined }),
    });
  };
}

/** 志愿活动: the activities of the caller's scope with their places, filters, export, publishing. */
export function ActivitiesTab({ list }: { list: VolunteeringParams }) {
  const { t } = useTranslation();
  const range = useTimeRange();
  const cancel = useCancelActivity();
  const [roster, setRoster] = useState<ActivityItem | null>(null);
  const { when, mode, teamId, q } = list.filters;
  const query: ActivityQuery = {
    when: WHEN.includes(when as When) ? (when as When) : "all",
    mode: MODES.includes(mode as Mode) ? (mode as Mode) : undefined,
    teamId,
    q,
    managed: true,
    page: list.page,
    pageSize: list.pageSize,
  };
  const result = useQuery({
    queryKey: [...VOLUNTEERING_KEY, "activities", query],
    queryFn: ({ signal }) => api.get("/api/v1/activities", { query, signal }),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<ActivityItem> = [
    {
      title: t("volunteering.fields.title"),
      dataIndex: "title",
      width: 220,
      render: (title: string, a) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{title}</Typography.Text>
          <Typography.Text type="secondary">{a.node.name}</Typography.Text>
        </Space>
      ),
    },
    {
      title: t("volunteering.fields.mode"),
      dataIndex: "mode",
      width: 150,
      render: (m: Mode) => <Tag color={MODE_COLOURS[m]}>{t(`volunteering.modes.${m}`)}</Tag>,
    },
    {
      title: t("volunteering.fields.status"),
      dataIndex: "status",
      width: 90,
      render: (s: ActivityItem["status"]) => (
        <Tag color={STATUS_COLOURS[s]}>{t(`volunteering.status.${s}`)}</Tag>
      ),
    },
    {
      title: t("volunteering.fields.time"),
      key: "time",
      width: 220,
      render: (_, a) => range(a.startsAt, a.endsAt),
    },
    { title: t("volunteering.fields.place"), dataIndex: "place", width: 180, ellipsis: { showTitle: true } },
    {
      title: t("volunteering.fields.team"),
      key: "team",
      width: 140,
      render: (_, a) => a.team?.name ?? t("common.none"),
    },
    {
      title: t("volunteering.fields.confirmed"),
      key: "places",
      width: 150,
      render: (_, a) => (
        <Space orientation="vertical" size={0}>
          <span>
            {a.mode === "byAppointment"
              ? `${a.confirmed} · ${t("volunteering.fields.capacityPerSlot")} ${a.capacity}`
              : t("volunteering.admin.placesText", { confirmed: a.confirmed, capacity: a.capacity })}
          </span>
          {a.waiting > 0 && (
            <Typography.Text type="warning">
              {t("volunteering.admin.waitingText", { count: a.waiting })}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t("volunteering.admin.actions"),
      key: "actions",
      width: 180,
      fixed: "right",
      render: (_, a) => (
        <Space>
          <Button size="small" onClick={() => setRoster(a)}>
            {t("volunteering.admin.signups")}
          </Button>
          {a.status === "open" && (
            <Button size="small" danger onClick={() => cancel(a)}>
              {t("volunteering.admin.cancel")}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      <Space wrap>
        <Select
          style={{ width: 180 }}
          value={query.when}
          onChange={(v) => list.setFilter("when", v === "all" ? undefined : v)}
          options={WHEN.map((w) => ({ value: w, label: t(`volunteering.admin.when.${w}`) }))}
        />
        <Select
          style={{ width: 200 }}
          allowClear
          placeholder={t("volunteering.admin.allModes")}
          value={query.mode}
          onChange={(v) => list.setFilter("mode", v)}
          options={MODES.map((m) => ({ value: m, label: t(`volunteering.modes.${m}`) }))}
        />
        <TeamFilter value={teamId} onChange={(v) => list.setFilter("teamId", v)} />
        <Input.Search
          allowClear
          defaultValue={q}
          placeholder={t("volunteering.admin.search")}
          onSearch={(v) => list.setFilter("q", v.trim() || undefined)}
          style={{ width: 220 }}
        />
        <ExportButton path="/api/v1/activities" query={query} />
        <PublishButton />
      </Space>
      {result.error && <LoadFailed error={result.error} retry={() => void result.refetch()} />}
      <Table<ActivityItem>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={result.data?.items}
        loading={result.isFetching}
        scroll={{ x: 1330 }}
        locale={{
          emptyText: (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("volunteering.admin.empty")} />
          ),
        }}
        pagination={list.pagination(result.data?.total, (count) => t("volunteering.admin.total", { count }))}
      />
      <SignupsDrawer activity={roster} onClose={() => setRoster(null)} />
    </Space>
  );
}
