import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Descriptions, Drawer, Empty, Input, Select, Space, Table, type TableColumnsType, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../common/api.ts";
import { ExportButton } from "../../components/export-button.tsx";
import { useFormatTime } from "../cases/time.tsx";
import { LoadFailed } from "../status.tsx";
import type { VolunteeringParams } from "./activities-tab.tsx";
import { StageTag } from "./signups-drawer.tsx";
import { TeamFilter } from "./team-filter.tsx";
import {
  type Skill,
  useSkillOptions,
  useTimeRange,
  VOLUNTEERING_KEY,
  type VolunteerItem,
  type VolunteerQuery,
} from "./volunteering-data.ts";

/** A volunteer's service record: every activity with attendance and hours, and the totals. */
function RecordDrawer({ volunteer, onClose }: { volunteer: VolunteerItem | null; onClose: () => void }) {
  const { t } = useTranslation();
  const range = useTimeRange();
  const format = useFormatTime();
  const id = volunteer?.id ?? "";
  const detail = useQuery({
    queryKey: [...VOLUNTEERING_KEY, "volunteer", id],
    queryFn: ({ signal }) => api.get("/api/v1/volunteering/volunteers/{id}", { path: { id }, signal }),
    enabled: !!volunteer,
  });
  type Entry = NonNullable<typeof detail.data>["record"][number];
  const columns: TableColumnsType<Entry> = [
    { title: t("volunteering.fields.title"), key: "title", render: (_, r) => r.activity.title },
    {
      title: t("volunteering.fields.time"),
      key: "time",
      render: (_, r) => range(r.activity.startsAt, r.activity.endsAt),
    },
    {
      title: t("volunteering.fields.team"),
      key: "team",
      render: (_, r) => r.activity.teamName ?? t("common.none"),
    },
    {
      title: t("volunteering.fields.stage"),
      key: "stage",
      render: (_, r) => (
        <StageTag stage={r.stage} position={r.position} over={r.activity.status !== "open"} />
      ),
    },
    {
      title: t("volunteering.fields.checkedInAt"),
      dataIndex: "checkedInAt",
      render: (v: string | null) => format(v),
    },
    {
      title: t("volunteering.fields.checkedOutAt"),
      dataIndex: "checkedOutAt",
      render: (v: string | null) => format(v),
    },
    {
      title: t("volunteering.fields.hours"),
      dataIndex: "hours",
      align: "right",
      render: (h: number | null) => h ?? t("common.none"),
    },
  ];
  const v = detail.data;
  return (
    <Drawer
      open={!!volunteer}
      onClose={onClose}
      size={1000}
      title={volunteer ? t("volunteering.admin.volunteer.recordTitle", { name: volunteer.name }) : ""}
      destroyOnHidden
    >
      {detail.error && <LoadFailed error={detail.error} retry={() => void detail.refetch()} />}
      {v && (
        <Space orientation="vertical" size={16} style={{ width: "100%" }}>
          <Descriptions
            size="small"
            column={2}
            items={[
              { key: "phone", label: t("volunteering.fields.phone"), children: v.phone ?? t("common.none") },
              {
                key: "community",
                label: t("volunteering.fields.community"),
                children: v.node.community ?? t("common.none"),
              },
              {
                key: "skills",
                label: t("volunteering.fields.skills"),
                children: v.skills.join("、") || t("common.none"),
              },
              {
                key: "teams",
                label: t("volunteering.fields.teams"),
                children: v.teams.map((x) => x.name).join("、") || t("common.none"),
              },
              {
                key: "totals",
                label: t("volunteering.fields.hours"),
                children: t("volunteering.admin.volunteer.totals", { hours: v.hours, served: v.served }),
              },
            ]}
          />
          <Table<Entry>
            rowKey="signupId"
            size="small"
            columns={columns}
            dataSource={v.record}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            locale={{ emptyText: t("volunteering.admin.volunteer.noRecord") }}
          />
        </Space>
      )}
    </Drawer>
  );
}

/** 志愿者: the volunteers of the scope, most hours first, with skills, teams and a record each; export. */
export function VolunteersTab({ list }: { list: VolunteeringParams }) {
  const { t } = useTranslation();
  const skills = useSkillOptions();
  const [open, setOpen] = useState<VolunteerItem | null>(null);
  const { skill, teamId, q } = list.filters;
  const query: VolunteerQuery = {
    skill: (skill as Skill | undefined) || undefined,
    teamId,
    q,
    page: list.page,
    pageSize: list.pageSize,
  };
  const result = useQuery({
    queryKey: [...VOLUNTEERING_KEY, "volunteers", query],
    queryFn: ({ signal }) => api.get("/api/v1/volunteering/volunteers", { query, signal }),
    placeholderData: keepPreviousData,
  });
  const columns: TableColumnsType<VolunteerItem> = [
    { title: t("volunteering.fields.name"), dataIndex: "name", width: 100 },
    { title: t("volunteering.fields.phone"), dataIndex: "phone", width: 130 },
    {
      title: t("volunteering.fields.community"),
      key: "community",
      width: 120,
      render: (_, v) => v.node.community ?? t("common.none"),
    },
    {
      title: t("volunteering.fields.skills"),
      dataIndex: "skills",
      width: 220,
      render: (s: string[]) =>
        s.map((x) => <Tag key={x}>{skills.find((o) => o.value === x)?.label ?? x}</Tag>),
    },
    {
      title: t("volunteering.fields.teams"),
      key: "teams",
      width: 220,
      render: (_, v) => v.teams.map((x) => x.name).join("、") || t("common.none"),
    },
    { title: t("volunteering.fields.hours"), dataIndex: "hours", width: 140, align: "right" },
    { title: t("volunteering.fields.served"), dataIndex: "served", width: 130, align: "right" },
  ];
  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      <Space wrap>
        <Select
          style={{ width: 160 }}
          allowClear
          placeholder={t("volunteering.admin.allSkills")}
          value={query.skill}
          onChange={(v) => list.setFilter("skill", v)}
          options={skills}
        />
        <TeamFilter value={teamId} onChange={(v) => list.setFilter("teamId", v)} />
        <Input.Search
          allowClear
          defaultValue={q}
          placeholder={t("volunteering.admin.searchVolunteer")}
          onSearch={(v) => list.setFilter("q", v.trim() || undefined)}
          style={{ width: 220 }}
        />
        <ExportButton path="/api/v1/volunteering/volunteers" query={query} />
      </Space>
      {result.error && <LoadFailed error={result.error} retry={() => void result.refetch()} />}
      <Table<VolunteerItem>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={result.data?.items}
        loading={result.isFetching}
        scroll={{ x: 1060 }}
        onRow={(v) => ({ onClick: () => setOpen(v), style: { cursor: "pointer" } })}
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={t("volunteering.admin.emptyVolunteers")}
            />
          ),
        }}
        pagination={list.pagination(result.data?.total, (count) =>
          t("volunteering.admin.totalPeople", { count }),
        )}
      />
      <RecordDrawer volunteer={open} onClose={() => setOpen(null)} />
    </Space>
  );
}
