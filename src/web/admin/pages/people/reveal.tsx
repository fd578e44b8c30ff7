import { EyeOutlined, SafetyCertificateOutlined } from "@ant-design/icons";
import { useMutation } from "@tanstack/react-query";
import {
  Alert,
  Button,
  Descriptions,
  Form,
  type FormInstance,
  Input,
  Modal,
  Space,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { zhCN } from "../../../../shared/locales/zh-CN.ts";
import { api } from "../../../common/api.ts";
import { SubmitError } from "../../components/form-modal.tsx";

type PurposeKey = keyof typeof zhCN.reveal.purposes;
const PURPOSES = Object.keys(zhCN.reveal.purposes) as PurposeKey[];

interface Props {
  residentId: string;
  name: string;
}

/**
 * "查看": the full 身份证 number and phone of one resident, only after the viewer states why.
 * The answer lives in this modal alone (no cache), and is gone when it closes.
 */
export function RevealButton({ residentId, name }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ purpose: string }>();
  const reveal = useMutation({
    mutationFn: (purpose: string) =>
      api.post("/api/v1/people/residents/{id}/reveal", { purpose }, { path: { id: residentId } }),
  });
  const close = () => {
    setOpen(false);
    reveal.reset();
    form.resetFields();
  };
  const shown = reveal.data;

  return (
    <>
      <Button size="small" type="link" icon={<EyeOutlined />} onClick={() => setOpen(true)}>
        {t("reveal.action")}
      </Button>
      <Modal
        open={open}
        title={shown ? t("reveal.resultTitle", { name }) : t("reveal.title")}
        onCancel={close}
        destroyOnHidden
        footer={
          shown ? (
            <Button type="primary" onClick={close}>
              {t("reveal.close")}
            </Button>
          ) : (
            <Space>
              <Button onClick={close}>{t("user.cancel")}</Button>
              <Button type="primary" loading={reveal.isPending} onClick={() => form.submit()}>
                {t("reveal.submit")}
              </Button>
            </Space>
          )
        }
      >
        {shown ? (
          <>
            <Alert
              type="success"
              showIcon
              icon={<SafetyCertificateOutlined />}
              title={t("reveal.logged")}
              style={{ marginBottom: 16 }}
            />
            <Descriptions
              bordered
              size="small"
              column={1}
              items={[
                { key: "name", label: t("people.name"), children: name },
                {
                  key: "id",
                  label: t("people.idNumber"),
                  children: (
                    <Typography.Text
                      copyable
                      data-testid="revealed-id"
                      style={{ fontFamily: "monospace", fontSize: 15 }}
                    >
                      {shown.idNumber}
                    </Typography.Text>
                  ),
                },
                {
                  key: "phone",
                  label: t("people.phone"),
                  children: shown.phone ? (
                    <Typography.Text copyable style={{ fontFamily: "monospace", fontSize: 15 }}>
                      {shown.phone}
                    </Typography.Text>
                  ) : (
                    "—"
                  ),
                },
              ]}
            />
          </>
        ) : (
          <>
            <Alert type="warning" showIcon title={t("reveal.notice")} style={{ marginBottom: 16 }} />
            <SubmitError error={reveal.error} />
            <Form form={form} layout="vertical" onFinish={(v) => reveal.mutate(v.purpose.trim())}>
              <PurposeFields form={form} />
            </Form>
          </>
        )}
      </Modal>
    </>
  );
}

/** Why whole numbers are needed, with the common reasons a click away: inside a Form of `{ purpose }`. */
export function PurposeFields({ form }: { form: FormInstance<{ purpose: string }> }) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item
        name="purpose"
        label={t("reveal.purpose")}
        rules={[
          {
            validator: async (_, value: string | undefined) => {
              if ((value ?? "").trim().length < 2) throw new Error(t("reveal.purposeRequired"));
            },
          },
        ]}
      >
        <Input autoFocus maxLength={200} placeholder={t("reveal.purposePlaceholder")} />
      </Form.Item>
      <Space size={[6, 6]} wrap>
        <Typography.Text type="secondary">{t("reveal.common")}</Typography.Text>
        {PURPOSES.map((p) => (
          <Tag.CheckableTag
            key={p}
            checked={false}
            onChange={() => {
              form.setFieldValue("purpose", t(`reveal.purposes.${p}`));
              void form.validateFields(["purpose"]);
            }}
            style={{ border: "1px solid #d9d9d9" }}
          >
            {t(`reveal.purposes.${p}`)}
          </Tag.CheckableTag>
        ))}
      </Space>
    </>
  );
}
