import { useQuery } from "@tanstack/react-query";
import { Drawer, Space, Table, type TableColumnsType, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../common/api.ts";
import { ExportButton } from "../../components/export-button.tsx";
import { useFormatTime } from "../cases/time.tsx";
import { LoadFailed } from "../status.tsx";
import type { ActivityItem, SignupItem } from "./volunteering-data.ts";

const STAGE_COLOURS: Record<SignupItem["stage"], string> = {
  waiting: "orange",
  confirmed: "green",
  checkedIn: "blue",
  checkedOut: "default",
  cancelled: "default",
};

/** Where a sign-up stands; once the activity is over, a place never used or never freed says so. */
export function StageTag({
  stage,
  position,
  over,
}: {
  stage: SignupItem["stage"];
  position: number | null;
  over?: boolean;
}) {
  const { t } = useTranslation();
  if (over && (stage === "confirmed" || stage === "waiting"))
    return <Tag>{t(`volunteering.stageOver.${stage}`)}</Tag>;
  return (
    <Tag color={STAGE_COLOURS[stage]}>
      {t(`volunteering.stage.${stage}`)}
      {stage === "waiting" && position ? ` #${position}` : ""}
    </Tag>
  );
}

/** 报名名单: one activity's sign-ups by slot, places before the waiting list, with attendance and hours. */
export function SignupsDrawer({ activity, onClose }: { activity: ActivityItem | null; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormatTime();
  const [page, setPage] = useState({ page: 1, pageSize: 50 });
  const id = activity?.id ?? "";
  const roster = useQuery({
    queryKey: ["volunteering", "roster", id, page],
    queryFn: ({ signal }) =>
      api.get("/api/v1/activity-signups", { query: { activityId: id, ...page }, signal }),
    enabled: !!activity,
  });
  const time = (iso: string) =>
    new Date(iso).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", hour12: false });
  const columns: TableColumnsType<SignupItem> = [
    { title: t("volunteering.fields.name"), dataIndex: "name", width: 100 },
    { title: t("volunteering.fields.phone"), dataIndex: "phone", width: 130 },
    ...(activity?.mode === "byAppointment"
      ? [
          {
            title: t("volunteering.fields.slot"),
            dataIndex: "slotStartsAt",
            width: 90,
            render: (at: string | null) => (at ? time(at) : t("common.none")),
          },
        ]
      : []),
    {
      title: t("volunteering.fields.stage"),
      dataIndex: "stage",
      width: 110,
      render: (_, s) => <StageTag stage={s.stage} position={s.position} over={activity?.status !== "open"} />,
    },
    {
      title: t("volunteering.fields.signedUpAt"),
      dataIndex: "signedUpAt",
      width: 170,
      render: (v: string) => format(v),
    },
    {
      title: t("volunteering.fields.checkedInAt"),
      dataIndex: "checkedInAt",
      width: 170,
      render: (v: string | null) => format(v),
    },
    {
      title: t("volunteering.fields.checkedOutAt"),
      dataIndex: "checkedOutAt",
      width: 170,
      render: (v: string | null) => format(v),
    },
    {
      title: t("volunteering.fields.hours"),
      dataIndex: "hours",
      width: 110,
      align: "right",
      render: (h: number | null) => (h === null ? t("common.none") : h),
    },
  ];
  return (
    <Drawer
      open={!!activity}
      onClose={onClose}
      size={1000}
      title={activity ? t("volunteering.admin.signupsTitle", { title: activity.title }) : ""}
      extra={activity && <ExportButton path="/api/v1/activity-signups" query={{ activityId: id }} />}
      destroyOnHidden
    >
      {roster.error && <LoadFailed error={roster.error} retry={() => void roster.refetch()} />}
      <Space orientation="vertical" style={{ width: "100%" }}>
        {activity && (
          <Typography.Text type="secondary">
            {t("volunteering.admin.placesText", {
              confirmed: activity.confirmed,
              capacity: activity.capacity,
            })}
            {activity.waiting > 0 && ` · ${t("volunteering.admin.waitingText", { count: activity.waiting })}`}
          </Typography.Text>
        )}
        <Table<SignupItem>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={roster.data?.items}
          loading={roster.isFetching}
          scroll={{ x: 900 }}
          pagination={{
            current: page.page,
            pageSize: page.pageSize,
            total: roster.data?.total ?? 0,
            showTotal: (count) => t("volunteering.admin.totalPeople", { count }),
            onChange: (p, size) => setPage({ page: p, pageSize: size }),
          }}
        />
      </Space>
    </Drawer>
  );
}
