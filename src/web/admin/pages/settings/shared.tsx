import { Alert, Form, Modal, Space, Tag, Typography } from "antd";
import { type ReactNode, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { SubmitError } from "../../components/form-modal.tsx";

/** A settings page: its title, what the data decides, and the content. */
export function SettingsPage({
  title,
  intro,
  extra,
  children,
}: {
  title: string;
  intro: string;
  extra?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      <div style={{ display: "flex", justifyContent: "space-between", gap: 16, flexWrap: "wrap" }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {extra}
      </div>
      <Typography.Paragraph type="secondary" style={{ margin: 0, maxWidth: 880 }}>
        {intro}
      </Typography.Paragraph>
      {children}
    </Space>
  );
}

/** A failed load, in the server's words. */
export const LoadError = ({ error }: { error: Error | null }) =>
  error ? <Alert type="error" showIcon title={error.message} /> : null;

/** Codes as the routes take them: a letter, then letters and digits. */
export const CODE_PATTERN = /^[A-Za-z][A-Za-z0-9]*$/;

/** The save behind a form: a react-query mutation of the form's values. */
interface Submission<V> {
  mutate: (values: V) => void;
  isPending: boolean;
  error: Error | null;
  reset: () => void;
}

/** A small form in a modal for adding or editing one row; `values` fills it each time it opens. */
export function EditModal<V extends object>({
  open,
  title,
  values,
  onClose,
  submission,
  children,
}: {
  open: boolean;
  title: string;
  values: Partial<V>;
  onClose: () => void;
  submission: Submission<V>;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<V>();
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(values as Parameters<typeof form.setFieldsValue>[0]);
  }, [open, values, form]);
  const close = () => {
    submission.reset();
    onClose();
  };
  return (
    <Modal
      open={open}
      title={title}
      onCancel={close}
      onOk={() => form.submit()}
      okText={t("settings.common.save")}
      cancelText={t("settings.common.cancel")}
      confirmLoading={submission.isPending}
      forceRender
    >
      <SubmitError error={submission.error} />
      <Form<V> form={form} layout="vertical" onFinish={(v) => submission.mutate(v)}>
        {children}
      </Form>
    </Modal>
  );
}

/** Active or deactivated, as a tag. */
export function ActiveTag({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return active ? (
    <Tag color="green">{t("settings.common.active")}</Tag>
  ) : (
    <Tag>{t("settings.common.inactive")}</Tag>
  );
}
