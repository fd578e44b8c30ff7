import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Card, Checkbox, Form, Input, Select, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { settingsZhCN } from "../../../../shared/locales/settings.zh-CN.ts";

/** Codes of questions and options are for programs (Open311): made here, never typed. */
export const newCode = (prefix: string) =>
  `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;

const DATATYPES = ["string", "text", "number", "singlevaluelist"] as const;

/** The extra questions of a category (Form.List "questions"): each with its answer type and options. */
export function QuestionsEditor() {
  const { t } = useTranslation();
  const q = (key: Exclude<keyof typeof settingsZhCN.questions, "types">) => t(`settings.questions.${key}`);
  return (
    <Form.List name="questions">
      {(fields, { add, remove }) => (
        <Space orientation="vertical" size={12} style={{ width: "100%" }}>
          <Typography.Text type="secondary">{q("hint")}</Typography.Text>
          {fields.map((field, index) => (
            <Card
              key={field.key}
              size="small"
              title={`${index + 1}`}
              extra={
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={q("remove")}
                  onClick={() => remove(field.name)}
                />
              }
            >
              <QuestionFields name={field.name} />
            </Card>
          ))}
          <Button
            icon={<PlusOutlined />}
            onClick={() =>
              add({ code: newCode("q"), label: "", labelEn: "", datatype: "string", required: false })
            }
          >
            {q("add")}
          </Button>
        </Space>
      )}
    </Form.List>
  );
}

function QuestionFields({ name }: { name: number }) {
  const { t } = useTranslation();
  const q = (key: Exclude<keyof typeof settingsZhCN.questions, "types">) => t(`settings.questions.${key}`);
  const datatype = Form.useWatch(["questions", name, "datatype"]);
  return (
    <>
      <Space wrap align="start">
        <Form.Item name={[name, "label"]} label={q("label")} rules={[{ required: true, whitespace: true }]}>
          <Input style={{ width: 260 }} maxLength={100} />
        </Form.Item>
        <Form.Item name={[name, "labelEn"]} label={q("labelEn")}>
          <Input style={{ width: 200 }} maxLength={100} />
        </Form.Item>
      </Space>
      <Space wrap align="start">
        <Form.Item name={[name, "code"]} hidden>
          <Input />
        </Form.Item>
        <Form.Item name={[name, "datatype"]} label={q("datatype")}>
          <Select
            style={{ width: 140 }}
            options={DATATYPES.map((d) => ({ value: d, label: t(`settings.questions.types.${d}`) }))}
          />
        </Form.Item>
        <Form.Item name={[name, "required"]} label={q("required")} valuePropName="checked">
          <Checkbox />
        </Form.Item>
      </Space>
      {datatype === "singlevaluelist" && (
        <Form.Item label={q("options")}>
          <Form.List name={[name, "values"]}>
            {(options, { add, remove }) => (
              <Space orientation="vertical" style={{ width: "100%" }}>
                {options.map((option) => (
                  <Space key={option.key} align="start" wrap>
                    <Form.Item
                      name={[option.name, "name"]}
                      noStyle
                      rules={[{ required: true, whitespace: true }]}
                    >
                      <Input placeholder={q("optionName")} style={{ width: 180 }} maxLength={50} />
                    </Form.Item>
                    <Form.Item name={[option.name, "key"]} hidden>
                      <Input />
                    </Form.Item>
                    <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(option.name)} />
                  </Space>
                ))}
                <Button
                  size="small"
                  icon={<PlusOutlined />}
                  onClick={() => add({ key: newCode("o"), name: "" })}
                >
                  {q("addOption")}
                </Button>
              </Space>
            )}
          </Form.List>
        </Form.Item>
      )}
    </>
  );
}
