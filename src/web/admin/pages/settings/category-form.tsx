import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Button, Divider, Drawer, Form, Input, InputNumber, Radio, Select, Space } from "antd";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import type { settingsZhCN } from "../../../../shared/locales/settings.zh-CN.ts";
import { api, type BodyOf, type ResponseOf } from "../../../common/api.ts";
import { SubmitError } from "../../components/form-modal.tsx";
import { DurationInput } from "./duration.tsx";
import { newCode, QuestionsEditor } from "./questions-editor.tsx";
import { CODE_PATTERN } from "./shared.tsx";

export type Category = ResponseOf<"/api/v1/cases/categories/all", "get">[number];
type Values = BodyOf<"/api/v1/cases/categories", "post">;
export const CATEGORIES_KEY = ["settings", "caseCategories"];
const LEVELS = ["grid", "community", "department"] as const;

const BLANK: Partial<Values> = {
  defaultLevel: "grid",
  responseMinutes: 60,
  resolveMinutes: 3 * 24 * 60,
  remindMinutes: 15,
  duplicateMeters: 100,
  duplicateHours: 24,
  questions: [],
};

/** The drawer that adds a category (`editing` null) or edits one. */
export function CategoryDrawer({
  open,
  editing,
  onClose,
}: {
  open: boolean;
  editing: Category | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const level = Form.useWatch("defaultLevel", form);
  const departments = useQuery({
    queryKey: ["cases", "departments"],
    queryFn: ({ signal }) => api.get("/api/v1/cases/departments", { signal }),
    enabled: open,
  });
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(editing ? { ...editing } : { ...BLANK, code: newCode("c") });
  }, [open, editing, form]);

  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = {
        ...v,
        nameEn: v.nameEn?.trim() ?? "",
        description: v.description?.trim() ?? "",
        departmentCode: v.defaultLevel === "department" ? (v.departmentCode ?? null) : null,
        questions: (v.questions ?? []).map((q) => ({
          ...q,
          labelEn: q.labelEn ?? "",
          required: Boolean(q.required),
          ...(q.datatype === "singlevaluelist" ? { values: q.values ?? [] } : { values: undefined }),
        })),
      };
      if (!editing) return api.post("/api/v1/cases/categories", body);
      const { code: _, ...patch } = body;
      return api.patch("/api/v1/cases/categories/{code}", patch, { path: { code: editing.code } });
    },
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: CATEGORIES_KEY });
      void client.invalidateQueries({ queryKey: ["cases", "categories"] });
      message.success(t("settings.common.saved"));
      onClose();
    },
  });
  const c = (key: keyof typeof settingsZhCN.categories) => t(`settings.categories.${key}`);
  const close = () => {
    save.reset();
    onClose();
  };

  return (
    <Drawer
      open={open}
      onClose={close}
      size={Math.min(760, window.innerWidth)}
      title={editing ? t("settings.categories.editTitle", { name: editing.name }) : c("addTitle")}
      extra={
        <Space>
          <Button onClick={close}>{t("settings.common.cancel")}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            {t("settings.common.save")}
          </Button>
        </Space>
      }
      forceRender
    >
      <SubmitError error={save.error} />
      <Form<Values> form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item name="code" hidden rules={[{ pattern: CODE_PATTERN }]}>
          <Input />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item
            name="name"
            label={t("settings.common.name")}
            rules={[{ required: true, whitespace: true, message: t("settings.common.nameRequired") }]}
          >
            <Input maxLength={50} style={{ width: 240 }} />
          </Form.Item>
          <Form.Item name="nameEn" label={t("settings.common.nameEn")}>
            <Input maxLength={80} style={{ width: 240 }} />
          </Form.Item>
        </Space>
        <Form.Item name="description" label={c("description")}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
        <Form.Item name="defaultLevel" label={c("routing")}>
          <Radio.Group
            optionType="button"
            options={LEVELS.map((l) => ({ value: l, label: t(`settings.levels.${l}`) }))}
          />
        </Form.Item>
        {level === "department" && (
          <Form.Item
            name="departmentCode"
            label={c("department")}
            rules={[{ required: true, message: c("departmentRequired") }]}
          >
            <Select
              style={{ width: 280 }}
              loading={departments.isPending}
              options={departments.data?.map((d) => ({ value: d.code, label: d.name }))}
            />
          </Form.Item>
        )}
        <Space wrap align="start" size={24}>
          <Form.Item name="responseMinutes" label={c("response")} rules={[{ required: true }]}>
            <DurationInput />
          </Form.Item>
          <Form.Item name="resolveMinutes" label={c("resolve")} rules={[{ required: true }]}>
            <DurationInput />
          </Form.Item>
          <Form.Item
            name="remindMinutes"
            label={c("remind")}
            tooltip={c("remindHint")}
            rules={[{ required: true }]}
          >
            <DurationInput min={0} />
          </Form.Item>
        </Space>
        <Form.Item label={c("duplicate")} extra={c("duplicateHint")} style={{ marginBottom: 16 }}>
          <Space wrap>
            <Form.Item name="duplicateMeters" noStyle>
              <InputNumber
                min={0}
                max={10_000}
                precision={0}
                suffix={t("settings.duration.meters")}
                style={{ width: 150 }}
              />
            </Form.Item>
            <Form.Item name="duplicateHours" noStyle>
              <InputNumber
                min={0}
                max={24 * 90}
                precision={0}
                suffix={t("settings.duration.hours")}
                style={{ width: 150 }}
              />
            </Form.Item>
          </Space>
        </Form.Item>
        <Form.Item name="sortOrder" label={t("settings.common.sortOrder")}>
          <InputNumber min={0} max={10_000} precision={0} />
        </Form.Item>
        <Divider titlePlacement="start">{c("questions")}</Divider>
        <QuestionsEditor />
      </Form>
    </Drawer>
  );
}
