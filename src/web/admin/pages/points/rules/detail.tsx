import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Space,
  Tag,
  Timeline,
  Typography,
} from "antd";
import dayjs from "dayjs";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router-dom";
import { api } from "../../../../common/api.ts";
import { DetailPage } from "../../../components/detail-page.tsx";
import { SubmitError } from "../../../components/form-modal.tsx";
import { RULES_KEY, STATUS_COLOR } from "./index.tsx";
import { type RuleRow, type RuleSetDetail, RulesEditor, RulesView, rulesForSave } from "./rules-table.tsx";

interface DraftValues {
  name: string;
  baseScore: number;
  note?: string | null;
  rules: RuleRow[];
}

/** One version of a rule set: a draft to edit, or the rules to read; new version, activate, history. */
export function PointsRuleSetPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const result = useQuery({
    queryKey: [...RULES_KEY, "detail", id],
    queryFn: ({ signal }) => api.get("/api/v1/points/rule-sets/{id}", { path: { id }, signal }),
  });
  return (
    <DetailPage<RuleSetDetail>
      result={result}
      back={{
        to: `/points/rules${result.data ? `?audience=${result.data.audience}` : ""}`,
        label: t("pointsRules.editor.back"),
      }}
      notFound={t("pointsRules.list.empty")}
      header={(d) => <Header detail={d} />}
      main={(d) => <Summary detail={d} />}
      side={(d) => <History detail={d} />}
      below={(d) =>
        d.status === "draft" && d.editable ? (
          <DraftEditor detail={d} />
        ) : (
          <Card title={t("pointsRules.editor.rules")}>
            <RulesView detail={d} />
          </Card>
        )
      }
    />
  );
}

/** What the set is: where it applies, its base, its note, and whether it may be changed here. */
function Summary({ detail: d }: { detail: RuleSetDetail }) {
  const { t } = useTranslation();
  const notice =
    d.status === "draft" && d.editable
      ? null
      : d.editable
        ? t("pointsRules.editor.readOnlyNotice")
        : t("pointsRules.editor.inheritedNotice");
  return (
    <Card>
      <Space orientation="vertical" size={12} style={{ width: "100%" }}>
        {notice && <Alert type="info" showIcon title={notice} />}
        <Descriptions
          column={2}
          size="small"
          items={[
            { key: "node", label: t("pointsRules.list.node"), children: d.node?.name ?? "—" },
            {
              key: "audience",
              label: t("pointsRules.create.audience"),
              children: t(`pointsRules.audiences.${d.audience}`),
            },
            { key: "base", label: t("pointsRules.list.baseScore"), children: d.baseScore },
            {
              key: "count",
              label: t("pointsRules.list.ruleCount"),
              children:
                d.audience === "merchant"
                  ? t("pointsRules.editor.indicatorsSummary", {
                      indicators: d.indicators.length,
                      rules: d.rules.length,
                    })
                  : d.rules.length,
            },
            { key: "note", label: t("pointsRules.editor.note"), children: d.note ?? "—", span: 2 },
          ]}
        />
      </Space>
    </Card>
  );
}

function Header({ detail: d }: { detail: RuleSetDetail }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: RULES_KEY });
  const version = useMutation({
    mutationFn: () => api.post("/api/v1/points/rule-sets/{id}/versions", undefined, { path: { id: d.id } }),
    onSuccess: async ({ id }) => {
      await refresh();
      void message.success(t("pointsRules.editor.newVersionDone"));
      navigate(`/points/rules/${id}`);
    },
    onError: (e) => void message.error(e.message),
  });
  const activate = useMutation({
    mutationFn: () => api.post("/api/v1/points/rule-sets/{id}/activate", undefined, { path: { id: d.id } }),
    onSuccess: async () => {
      await refresh();
      void message.success(t("pointsRules.editor.activated"));
    },
    onError: (e) => void message.error(e.message),
  });
  const confirmActivate = () =>
    modal.confirm({
      title: t("pointsRules.editor.activateTitle"),
      content: t("pointsRules.editor.activateBody"),
      okText: t("pointsRules.editor.activate"),
      onOk: () => activate.mutateAsync(),
    });
  return (
    <Space orientation="vertical" size={8} style={{ width: "100%" }}>
      <Space wrap size={12} align="center">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {d.name}
        </Typography.Title>
        <Tag color={STATUS_COLOR[d.status]}>{t(`pointsRules.statuses.${d.status}`)}</Tag>
        <Tag>{t("pointsRules.list.versionOf", { n: d.version })}</Tag>
        <Tag>{t(`pointsRules.audiences.${d.audience}`)}</Tag>
      </Space>
      {d.editable && (
        <Space wrap>
          {d.status === "draft" ? (
            <Button type="primary" loading={activate.isPending} onClick={confirmActivate}>
              {t("pointsRules.editor.activate")}
            </Button>
          ) : (
            <Button loading={version.isPending} onClick={() => version.mutate()}>
              {t("pointsRules.editor.newVersion")}
            </Button>
          )}
        </Space>
      )}
    </Space>
  );
}

function DraftEditor({ detail: d }: { detail: RuleSetDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<DraftValues>();
  const merchant = d.audience === "merchant";
  useEffect(() => {
    const rules = d.rules.map(({ id: _, ...r }) => r);
    // Shops' rules are edited in indicator order, as they are read.
    if (merchant) rules.sort((a, b) => (a.indicator ?? "").localeCompare(b.indicator ?? "", "zh-CN"));
    form.setFieldsValue({ name: d.name, baseScore: d.baseScore, note: d.note, rules });
  }, [d, form, merchant]);
  const save = useMutation({
    mutationFn: (v: DraftValues) =>
      api.put(
        "/api/v1/points/rule-sets/{id}",
        { name: v.name, baseScore: v.baseScore, note: v.note ?? null, rules: rulesForSave(v.rules ?? []) },
        { path: { id: d.id } },
      ),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: RULES_KEY });
      void message.success(t("pointsRules.editor.saved"));
    },
  });
  return (
    <Card title={t("pointsRules.editor.rules")}>
      <SubmitError error={save.error} />
      <Form<DraftValues> form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Space wrap size={16} align="start">
          <Form.Item
            name="name"
            label={t("pointsRules.editor.name")}
            rules={[{ required: true, message: " " }]}
          >
            <Input maxLength={40} style={{ width: 240 }} />
          </Form.Item>
          <Form.Item
            name="baseScore"
            label={t("pointsRules.editor.baseScore")}
            rules={[{ required: true, message: " " }]}
          >
            <InputNumber min={0} precision={0} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="note" label={t("pointsRules.editor.note")}>
            <Input maxLength={500} style={{ width: 360 }} />
          </Form.Item>
        </Space>
        <RulesEditor form={form} merchant={merchant} />
        <Button type="primary" htmlType="submit" loading={save.isPending} style={{ marginTop: 16 }}>
          {t("pointsRules.editor.save")}
        </Button>
      </Form>
    </Card>
  );
}

function History({ detail: d }: { detail: RuleSetDetail }) {
  const { t } = useTranslation();
  return (
    <Card title={t("pointsRules.editor.history")}>
      <Timeline
        items={d.versions.map((v) => ({
          color: STATUS_COLOR[v.status] === "default" ? "gray" : STATUS_COLOR[v.status],
          content: (
            <Space orientation="vertical" size={0}>
              <Space size={8}>
                {v.id === d.id ? (
                  <Typography.Text strong>
                    {t("pointsRules.list.versionOf", { n: v.version })}
                  </Typography.Text>
                ) : (
                  <Link to={`/points/rules/${v.id}`}>
                    {t("pointsRules.list.versionOf", { n: v.version })}
                  </Link>
                )}
                <Tag color={STATUS_COLOR[v.status]}>{t(`pointsRules.statuses.${v.status}`)}</Tag>
                {v.id === d.id && (
                  <Typography.Text type="secondary">{t("pointsRules.editor.current")}</Typography.Text>
                )}
              </Space>
              <Typography.Text type="secondary">
                {dayjs(v.activatedAt ?? v.createdAt).format("YYYY-MM-DD HH:mm")}
              </Typography.Text>
            </Space>
          ),
        }))}
      />
    </Card>
  );
}
