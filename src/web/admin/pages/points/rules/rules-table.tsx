import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import {
  Button,
  Checkbox,
  Form,
  type FormInstance,
  Input,
  InputNumber,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from "antd";
import { useTranslation } from "react-i18next";
import type { Role } from "../../../../../shared/roles.ts";
import type { ResponseOf } from "../../../../common/api.ts";

export type RuleSetDetail = ResponseOf<"/api/v1/points/rule-sets/{id}", "get">;
export type Rule = RuleSetDetail["rules"][number];
export type RuleRow = Omit<Rule, "id">;

const KINDS: Rule["kind"][] = ["base", "add", "deduct", "veto"];
const TRIGGERS = ["manual", "orders.completed", "wishes.confirmed", "volunteering.hours"] as const;
const PERIODS = ["day", "month", "quarter", "year"] as const;
/** Who may sit on a 积分制管理小组: the staff roles. */
const APPROVERS: Role[] = ["communityStaff", "streetStaff", "districtAdmin", "gridWorker"];
const KIND_COLOR = { base: "default", add: "green", deduct: "orange", veto: "red" } as const;

/** How a rule scores, in words: "+2 / 小时，每月最多 40". */
function useDescribe() {
  const { t } = useTranslation();
  return {
    points: (r: RuleRow) => {
      if (r.kind === "veto") return t("pointsRules.kinds.veto");
      const sign = r.kind === "deduct" ? "−" : r.kind === "add" ? "+" : "";
      return `${sign}${r.points}${r.perHour ? ` / ${t("pointsRules.editor.perHour")}` : ""}`;
    },
    cap: (r: RuleRow) =>
      r.capPoints != null && r.capPeriod
        ? `${t(`pointsRules.capPeriods.${r.capPeriod}`)} ${r.capPoints}`
        : t("pointsRules.editor.noCap"),
  };
}

/** A set's rules to read; shops' under their first-level indicators. */
export function RulesView({ detail }: { detail: RuleSetDetail }) {
  const { t } = useTranslation();
  const describe = useDescribe();
  const columns = [
    { title: t("pointsRules.editor.ruleName"), dataIndex: "name" },
    {
      title: t("pointsRules.editor.kind"),
      dataIndex: "kind",
      width: 90,
      render: (k: Rule["kind"]) => <Tag color={KIND_COLOR[k]}>{t(`pointsRules.kinds.${k}`)}</Tag>,
    },
    {
      title: t("pointsRules.editor.trigger"),
      dataIndex: "trigger",
      width: 190,
      render: (x: string) => t(`pointsRules.triggers.${x as (typeof TRIGGERS)[number]}`, { defaultValue: x }),
    },
    {
      title: t("pointsRules.editor.points"),
      key: "points",
      width: 110,
      render: (_: unknown, r: Rule) => describe.points(r),
    },
    {
      title: t("pointsRules.editor.cap"),
      key: "cap",
      width: 120,
      render: (_: unknown, r: Rule) => describe.cap(r),
    },
    {
      title: t("pointsRules.editor.evidence"),
      dataIndex: "evidenceRequired",
      width: 100,
      render: (yes: boolean) => (yes ? "✓" : ""),
    },
    {
      title: t("pointsRules.editor.approver"),
      dataIndex: "approverRole",
      width: 120,
      render: (role: Role | null, r: Rule) =>
        r.trigger !== "manual" || r.kind === "base"
          ? "—"
          : role
            ? t(`roles.${role}`)
            : t("pointsRules.editor.approverDefault"),
    },
  ];
  const table = (rules: Rule[]) => (
    <Table<Rule> rowKey="id" size="small" columns={columns} dataSource={rules} pagination={false} />
  );
  if (detail.audience !== "merchant") return table(detail.rules);
  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      <Typography.Text type="secondary">
        {t("pointsRules.editor.indicatorsSummary", {
          indicators: detail.indicators.length,
          rules: detail.rules.length,
        })}
      </Typography.Text>
      {detail.indicators.map((g) => (
        <div key={g.name}>
          <Typography.Title level={5}>
            {g.name}（{g.rules.length}）
          </Typography.Title>
          {table(g.rules)}
        </div>
      ))}
    </Space>
  );
}

/**
 * The rules of a draft as a form list: one row a rule, every field in its column. Shops' rules
 * carry their first-level indicator in the first column, kept in indicator order.
 */
export function RulesEditor({ form, merchant }: { form: FormInstance; merchant: boolean }) {
  const { t } = useTranslation();
  const rules = (Form.useWatch("rules", form) ?? []) as RuleRow[];
  const required = { required: true, message: " " };
  return (
    <Form.List name="rules">
      {(fields, { add, remove }) => (
        <Space orientation="vertical" size={8} style={{ width: "100%" }}>
          <Table
            rowKey="key"
            size="small"
            pagination={false}
            dataSource={fields}
            scroll={{ x: merchant ? 1260 : 1150 }}
            columns={[
              ...(merchant
                ? [
                    {
                      title: t("pointsRules.editor.indicator"),
                      key: "indicator",
                      width: 120,
                      render: (_: unknown, f: { name: number }) => (
                        <Form.Item name={[f.name, "indicator"]} rules={[required]} noStyle>
                          <Input maxLength={30} aria-label={t("pointsRules.editor.indicator")} />
                        </Form.Item>
                      ),
                    },
                  ]
                : []),
              {
                title: t("pointsRules.editor.ruleName"),
                key: "name",
                width: 200,
                render: (_: unknown, f: { name: number }) => (
                  <Space.Compact style={{ width: "100%" }}>
                    <Form.Item name={[f.name, "name"]} rules={[required]} noStyle>
                      <Input maxLength={60} aria-label={t("pointsRules.editor.ruleName")} />
                    </Form.Item>
                  </Space.Compact>
                ),
              },
              {
                title: t("pointsRules.editor.code"),
                key: "code",
                width: 130,
                render: (_: unknown, f: { name: number }) => (
                  <Form.Item name={[f.name, "code"]} rules={[required]} noStyle>
                    <Input maxLength={40} aria-label={t("pointsRules.editor.code")} />
                  </Form.Item>
                ),
              },
              {
                title: t("pointsRules.editor.kind"),
                key: "kind",
                width: 100,
                render: (_: unknown, f: { name: number }) => (
                  <Form.Item name={[f.name, "kind"]} rules={[required]} noStyle>
                    <Select
                      style={{ width: "100%" }}
                      aria-label={t("pointsRules.editor.kind")}
                      options={KINDS.map((k) => ({ value: k, label: t(`pointsRules.kinds.${k}`) }))}
                    />
                  </Form.Item>
                ),
              },
              {
                title: t("pointsRules.editor.trigger"),
                key: "trigger",
                width: 200,
                render: (_: unknown, f: { name: number }) => (
                  <Form.Item name={[f.name, "trigger"]} rules={[required]} noStyle>
                    <Select
                      style={{ width: "100%" }}
                      aria-label={t("pointsRules.editor.trigger")}
                      options={TRIGGERS.map((x) => ({ value: x, label: t(`pointsRules.triggers.${x}`) }))}
                    />
                  </Form.Item>
                ),
              },
              {
                title: t("pointsRules.editor.points"),
                key: "points",
                width: 90,
                render: (_: unknown, f: { name: number }) => (
                  <Form.Item name={[f.name, "points"]} rules={[required]} noStyle>
                    <InputNumber
                      min={1}
                      precision={0}
                      style={{ width: "100%" }}
                      aria-label={t("pointsRules.editor.points")}
                    />
                  </Form.Item>
                ),
              },
              {
                title: t("pointsRules.editor.perHour"),
                key: "perHour",
                width: 70,
                render: (_: unknown, f: { name: number }) => (
                  <Form.Item name={[f.name, "perHour"]} valuePropName="checked" noStyle>
                    <Checkbox
                      disabled={rules[f.name]?.trigger !== "volunteering.hours"}
                      aria-label={t("pointsRules.editor.perHour")}
                    />
                  </Form.Item>
                ),
              },
              {
                title: t("pointsRules.editor.cap"),
                key: "cap",
                width: 190,
                render: (_: unknown, f: { name: number }) => (
                  <Space.Compact style={{ width: "100%" }}>
                    <Form.Item name={[f.name, "capPeriod"]} noStyle>
                      <Select
                        allowClear
                        style={{ width: 100 }}
                        placeholder={t("pointsRules.editor.noCap")}
                        aria-label={t("pointsRules.editor.capPeriod")}
                        options={PERIODS.map((p) => ({ value: p, label: t(`pointsRules.capPeriods.${p}`) }))}
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, "capPoints"]} noStyle>
                      <InputNumber
                        min={1}
                        precision={0}
                        style={{ width: 80 }}
                        aria-label={t("pointsRules.editor.capPoints")}
                      />
                    </Form.Item>
                  </Space.Compact>
                ),
              },
              {
                title: t("pointsRules.editor.evidence"),
                key: "evidence",
                width: 90,
                render: (_: unknown, f: { name: number }) => (
                  <Form.Item name={[f.name, "evidenceRequired"]} valuePropName="checked" noStyle>
                    <Checkbox aria-label={t("pointsRules.editor.evidence")} />
                  </Form.Item>
                ),
              },
              {
                title: t("pointsRules.editor.approver"),
                key: "approver",
                width: 140,
                render: (_: unknown, f: { name: number }) => (
                  <Form.Item name={[f.name, "approverRole"]} noStyle>
                    <Select
                      allowClear
                      style={{ width: "100%" }}
                      disabled={rules[f.name]?.trigger !== "manual"}
                      placeholder={t("pointsRules.editor.approverDefault")}
                      aria-label={t("pointsRules.editor.approver")}
                      options={APPROVERS.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
                    />
                  </Form.Item>
                ),
              },
              {
                title: "",
                key: "remove",
                width: 50,
                fixed: "right" as const,
                render: (_: unknown, f: { name: number }) => (
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t("pointsRules.editor.remove")}
                    onClick={() => remove(f.name)}
                  />
                ),
              },
            ]}
          />
          <Button
            icon={<PlusOutlined />}
            onClick={() =>
              add({ kind: "add", trigger: "manual", points: 1, perHour: false, evidenceRequired: false })
            }
          >
            {t("pointsRules.editor.addRule")}
          </Button>
        </Space>
      )}
    </Form.List>
  );
}

/** The rows as the server takes them: empty caps and approvers as null, per-hour only for hours. */
export const rulesForSave = (rows: RuleRow[]) =>
  rows.map((r) => ({
    code: r.code.trim(),
    name: r.name.trim(),
    indicator: r.indicator?.trim() || null,
    kind: r.kind,
    trigger: r.trigger as (typeof TRIGGERS)[number],
    points: r.points,
    perHour: r.trigger === "volunteering.hours" && !!r.perHour,
    capPoints: r.capPoints ?? null,
    capPeriod: r.capPeriod ?? null,
    evidenceRequired: !!r.evidenceRequired,
    approverRole: r.trigger === "manual" ? (r.approverRole ?? null) : null,
  }));
