import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Card, Form, Input, Select, Table, type TableColumnsType, Tabs, Tag } from "antd";
import dayjs from "dayjs";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router-dom";
import { api, type ResponseOf } from "../../../../common/api.ts";
import { FormModalButton } from "../../../components/form-modal.tsx";
import { useListParams } from "../../list-params.ts";
import { SearchSelect, searchNodes } from "../../org/pickers.tsx";
import { LoadFailed } from "../../status.tsx";

type RuleSet = ResponseOf<"/api/v1/points/rule-sets", "get">["items"][number];
export type Audience = RuleSet["audience"];
export const AUDIENCES: Audience[] = ["member", "resident", "merchant"];
export const RULES_KEY = ["points", "rule-sets"];
export const STATUS_COLOR = { draft: "blue", active: "green", retired: "default" } as const;

/** 积分规则: the rule sets of the caller's area and those above it, by audience; a new set from a template. */
export function PointsRulesPage() {
  const { t } = useTranslation();
  const list = useListParams(["audience"] as const);
  const audience = (AUDIENCES as string[]).includes(list.filters.audience ?? "")
    ? (list.filters.audience as Audience)
    : "member";
  const query = { audience, page: list.page, pageSize: list.pageSize };
  const result = useQuery({
    queryKey: [...RULES_KEY, query],
    queryFn: ({ signal }) => api.get("/api/v1/points/rule-sets", { query, signal }),
    placeholderData: keepPreviousData,
  });
  const columns: TableColumnsType<RuleSet> = [
    {
      title: t("pointsRules.list.name"),
      dataIndex: "name",
      render: (name: string, r) => <Link to={`/points/rules/${r.id}`}>{name}</Link>,
    },
    { title: t("pointsRules.list.node"), dataIndex: ["node", "name"], width: 160 },
    {
      title: t("pointsRules.list.version"),
      dataIndex: "version",
      width: 90,
      render: (n: number) => t("pointsRules.list.versionOf", { n }),
    },
    {
      title: t("pointsRules.list.status"),
      dataIndex: "status",
      width: 90,
      render: (s: RuleSet["status"]) => <Tag color={STATUS_COLOR[s]}>{t(`pointsRules.statuses.${s}`)}</Tag>,
    },
    { title: t("pointsRules.list.baseScore"), dataIndex: "baseScore", width: 80, align: "right" },
    { title: t("pointsRules.list.ruleCount"), dataIndex: "ruleCount", width: 80, align: "right" },
    {
      title: t("pointsRules.list.activatedAt"),
      dataIndex: "activatedAt",
      width: 150,
      render: (at: string | null) => (at ? dayjs(at).format("YYYY-MM-DD HH:mm") : "—"),
    },
    {
      title: "",
      key: "open",
      width: 150,
      render: (_: unknown, r) =>
        r.editable ? (
          <Link to={`/points/rules/${r.id}`}>
            {r.status === "draft" ? t("pointsRules.list.edit") : t("pointsRules.list.open")}
          </Link>
        ) : (
          <Link to={`/points/rules/${r.id}`} title={t("pointsRules.list.readOnly")}>
            {t("pointsRules.list.open")}
          </Link>
        ),
    },
  ];
  return (
    <Card title={t("nav.pointsRules")} extra={<NewRuleSet audience={audience} />}>
      <Tabs
        activeKey={audience}
        onChange={(key) => list.setFilters({ audience: key === "member" ? undefined : key })}
        items={AUDIENCES.map((a) => ({ key: a, label: t(`pointsRules.audiences.${a}`) }))}
      />
      {result.error && <LoadFailed error={result.error} retry={() => void result.refetch()} />}
      <Table<RuleSet>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={result.data?.items}
        loading={result.isFetching}
        locale={{ emptyText: t("pointsRules.list.empty") }}
        pagination={list.pagination(result.data?.total, (count) => t("pointsRules.list.total", { count }))}
      />
    </Card>
  );
}

interface NewValues {
  nodeId: string;
  template: string;
  name?: string;
}

/** 新建规则: at a node of the caller's area, from a template of this audience or blank. */
function NewRuleSet({ audience }: { audience: Audience }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<NewValues>();
  const templates = useQuery({
    queryKey: ["points", "rule-templates"],
    queryFn: ({ signal }) => api.get("/api/v1/points/rule-templates", { signal }),
  });
  const create = useMutation({
    mutationFn: (v: NewValues) =>
      api.post("/api/v1/points/rule-sets", {
        nodeId: v.nodeId,
        ...(v.template === "blank"
          ? { audience, name: v.name }
          : { template: v.template as never, ...(v.name ? { name: v.name } : {}) }),
      }),
    onSuccess: async ({ id }) => {
      setOpen(false);
      await client.invalidateQueries({ queryKey: RULES_KEY });
      void message.success(t("pointsRules.create.created"));
      navigate(`/points/rules/${id}`);
    },
  });
  const options = [
    ...(templates.data?.items ?? [])
      .filter((x) => x.audience === audience)
      .map((x) => ({ value: x.key, label: `${x.name}（${x.ruleCount}）` })),
    { value: "blank", label: t("pointsRules.create.blank") },
  ];
  const first = options[0]?.value;
  // The templates come after the form is made, and differ by audience: start from the first.
  useEffect(() => {
    if (open && !options.some((o) => o.value === form.getFieldValue("template")))
      form.setFieldsValue({ template: first });
  });
  return (
    <FormModalButton<NewValues>
      label={t("pointsRules.list.create")}
      title={`${t("pointsRules.create.title")} · ${t(`pointsRules.audiences.${audience}`)}`}
      okText={t("pointsRules.create.submit")}
      open={open}
      setOpen={setOpen}
      form={form}
      submission={create}
    >
      <Form.Item
        name="nodeId"
        label={t("pointsRules.create.node")}
        rules={[{ required: true, message: " " }]}
      >
        <SearchSelect
          queryKey="points-rule-node"
          search={searchNodes}
          eager
          placeholder={t("pointsRules.create.node")}
        />
      </Form.Item>
      <Form.Item
        name="template"
        label={t("pointsRules.create.template")}
        rules={[{ required: true, message: " " }]}
      >
        <Select options={options} />
      </Form.Item>
      <Form.Item name="name" label={t("pointsRules.create.name")}>
        <Input maxLength={40} />
      </Form.Item>
    </FormModalButton>
  );
}
