import { PlusOutlined } from "@ant-design/icons";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Drawer,
  Empty,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../../../common/api.ts";
import { useAuth } from "../../../common/auth.tsx";
import { ExportButton } from "../../components/export-button.tsx";
import { TerritoryPicker } from "../cases/territory-picker.tsx";
import { LoadFailed } from "../status.tsx";
import type { VolunteeringParams } from "./activities-tab.tsx";
import { type Skill, type TeamItem, useSkillOptions, VOLUNTEERING_KEY } from "./volunteering-data.ts";

interface NewTeam {
  name: string;
  speciality: Skill;
  nodeId: string;
  description?: string;
}

function CreateTeamButton() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { user } = useAuth();
  const client = useQueryClient();
  const skills = useSkillOptions();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<NewTeam>();
  const create = useMutation({
    mutationFn: (v: NewTeam) =>
      api.post("/api/v1/volunteering/teams", {
        ...v,
        name: v.name.trim(),
        description: v.description?.trim() || undefined,
      }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: VOLUNTEERING_KEY });
      message.success(t("volunteering.admin.team.createOk"));
      setOpen(false);
      form.resetFields();
    },
  });
  return (
    <>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
        {t("volunteering.admin.team.create")}
      </Button>
      <Modal
        open={open}
        title={t("volunteering.admin.team.createTitle")}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText={t("volunteering.admin.team.create")}
        cancelText={t("user.cancel")}
        confirmLoading={create.isPending}
        forceRender
      >
        {create.error && (
          <Alert
            type="error"
            showIcon
            title={create.error instanceof ApiError ? create.error.message : t("errors.network")}
          />
        )}
        <Form<NewTeam>
          form={form}
          layout="vertical"
          initialValues={{ nodeId: user?.roles[0]?.nodeId }}
          onFinish={(v) => create.mutate(v)}
        >
          <Form.Item
            name="name"
            label={t("volunteering.fields.teamName")}
            rules={[
              {
                required: true,
                whitespace: true,
                min: 2,
                message: t("volunteering.admin.team.nameRequired"),
              },
            ]}
          >
            <Input maxLength={40} placeholder={t("volunteering.admin.team.namePlaceholder")} />
          </Form.Item>
          <Form.Item
            name="speciality"
            label={t("volunteering.fields.speciality")}
            rules={[{ required: true, message: t("volunteering.admin.team.specialityRequired") }]}
          >
            <Select options={skills} />
          </Form.Item>
          <Form.Item
            name="nodeId"
            label={t("volunteering.fields.node")}
            rules={[{ required: true, message: t("volunteering.admin.form.nodeRequired") }]}
          >
            <TerritoryPicker />
          </Form.Item>
          <Form.Item name="description" label={t("volunteering.fields.teamDescription")}>
            <Input.TextArea rows={2} maxLength={500} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** A team's members with their hours: add a volunteer of the scope, take one off. */
function MembersDrawer({ team, onClose }: { team: TeamItem | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const [search, setSearch] = useState("");
  const id = team?.id ?? "";
  const detail = useQuery({
    queryKey: [...VOLUNTEERING_KEY, "team", id],
    queryFn: ({ signal }) => api.get("/api/v1/volunteering/teams/{id}", { path: { id }, signal }),
    enabled: !!team,
  });
  const found = useQuery({
    queryKey: [...VOLUNTEERING_KEY, "volunteers", "search", search],
    queryFn: ({ signal }) =>
      api.get("/api/v1/volunteering/volunteers", { query: { q: search, pageSize: 20 }, signal }),
    enabled: search.length > 0,
  });
  const done = (text: string) => {
    void client.invalidateQueries({ queryKey: VOLUNTEERING_KEY });
    message.success(text);
  };
  const add = useMutation({
    mutationFn: (volunteerId: string) =>
      api.post("/api/v1/volunteering/teams/{id}/members", { volunteerId }, { path: { id } }),
    onSuccess: () => done(t("volunteering.admin.team.addOk")),
    onError: (err) => message.error(err.message),
  });
  const remove = useMutation({
    mutationFn: (volunteerId: string) =>
      api.delete("/api/v1/volunteering/teams/{id}/members/{volunteerId}", { path: { id, volunteerId } }),
    onSuccess: () => done(t("volunteering.admin.team.removeOk")),
    onError: (err) => message.error(err.message),
  });
  type Member = NonNullable<typeof detail.data>["members"][number];
  const columns: TableColumnsType<Member> = [
    {
      title: t("volunteering.fields.name"),
      dataIndex: "name",
      render: (name: string, m) => (
        <Space>
          {name}
          {m.leader && <Tag color="red">{t("volunteering.fields.leader")}</Tag>}
        </Space>
      ),
    },
    { title: t("volunteering.fields.phone"), dataIndex: "phone" },
    { title: t("volunteering.fields.skills"), dataIndex: "skills", render: (s: string[]) => s.join("、") },
    { title: t("volunteering.fields.hours"), dataIndex: "hours", align: "right" },
    {
      title: t("volunteering.admin.actions"),
      key: "remove",
      render: (_, m) => (
        <Button
          size="small"
          danger
          onClick={() =>
            modal.confirm({
              content: t("volunteering.admin.team.removeConfirm", { name: m.name }),
              okText: t("volunteering.admin.team.remove"),
              cancelText: t("user.cancel"),
              onOk: () => remove.mutateAsync(m.volunteerId),
            })
          }
        >
          {t("volunteering.admin.team.remove")}
        </Button>
      ),
    },
  ];
  return (
    <Drawer
      open={!!team}
      onClose={onClose}
      size={760}
      title={team ? t("volunteering.admin.team.membersTitle", { name: team.name }) : ""}
      destroyOnHidden
    >
      <Space orientation="vertical" style={{ width: "100%" }}>
        <Select
          showSearch={{ filterOption: false, onSearch: (v) => setSearch(v.trim()) }}
          style={{ width: 360 }}
          placeholder={t("volunteering.admin.team.addMemberPlaceholder")}
          value={null}
          loading={found.isFetching}
          onChange={(v: string) => add.mutate(v)}
          options={(found.data?.items ?? []).map((v) => ({
            value: v.id,
            label: `${v.name} · ${v.phone ?? ""} · ${v.node.community ?? ""}`,
          }))}
        />
        {detail.error && <LoadFailed error={detail.error} retry={() => void detail.refetch()} />}
        <Table<Member>
          rowKey="volunteerId"
          size="small"
          columns={columns}
          dataSource={detail.data?.members}
          loading={detail.isFetching}
          pagination={false}
          locale={{ emptyText: t("volunteering.admin.team.noMembers") }}
        />
      </Space>
    </Drawer>
  );
}

/** 服务队: teams of the scope by speciality with members and hours; form a team, manage its members. */
export function TeamsTab({ list }: { list: VolunteeringParams }) {
  const { t } = useTranslation();
  const skills = useSkillOptions();
  const [open, setOpen] = useState<TeamItem | null>(null);
  const { skill, q } = list.filters;
  const query = {
    speciality: (skill as Skill | undefined) || undefined,
    q,
    page: list.page,
    pageSize: list.pageSize,
  };
  const result = useQuery({
    queryKey: [...VOLUNTEERING_KEY, "teams", query],
    queryFn: ({ signal }) => api.get("/api/v1/volunteering/teams", { query, signal }),
    placeholderData: keepPreviousData,
  });
  const columns: TableColumnsType<TeamItem> = [
    { title: t("volunteering.fields.teamName"), dataIndex: "name", width: 200 },
    {
      title: t("volunteering.fields.speciality"),
      dataIndex: "speciality",
      width: 110,
      render: (s: string) => skills.find((x) => x.value === s)?.label ?? s,
    },
    { title: t("volunteering.fields.node"), key: "node", width: 140, render: (_, x) => x.node.name },
    { title: t("volunteering.fields.members"), dataIndex: "members", width: 100, align: "right" },
    { title: t("volunteering.fields.hours"), dataIndex: "hours", width: 140, align: "right" },
    { title: t("volunteering.fields.people"), dataIndex: "people", width: 100, align: "right" },
    {
      title: t("volunteering.fields.teamDescription"),
      dataIndex: "description",
      ellipsis: { showTitle: true },
    },
    {
      title: t("volunteering.admin.actions"),
      key: "members",
      width: 110,
      render: (_, x) => (
        <Button size="small" onClick={() => setOpen(x)}>
          {t("volunteering.fields.members")}
        </Button>
      ),
    },
  ];
  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      <Space wrap>
        <Select
          style={{ width: 180 }}
          allowClear
          placeholder={t("volunteering.admin.allSkills")}
          value={query.speciality}
          onChange={(v) => list.setFilter("skill", v)}
          options={skills}
        />
        <Input.Search
          allowClear
          defaultValue={q}
          placeholder={t("volunteering.admin.searchTeam")}
          onSearch={(v) => list.setFilter("q", v.trim() || undefined)}
          style={{ width: 220 }}
        />
        <ExportButton path="/api/v1/volunteering/teams" query={query} />
        <CreateTeamButton />
      </Space>
      {result.error && <LoadFailed error={result.error} retry={() => void result.refetch()} />}
      <Table<TeamItem>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={result.data?.items}
        loading={result.isFetching}
        scroll={{ x: 1100 }}
        locale={{
          emptyText: (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("volunteering.admin.emptyTeams")} />
          ),
        }}
        pagination={list.pagination(result.data?.total, (count) => t("volunteering.admin.total", { count }))}
      />
      <MembersDrawer team={open} onClose={() => setOpen(null)} />
    </Space>
  );
}
