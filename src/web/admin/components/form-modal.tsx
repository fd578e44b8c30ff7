import { PlusOutlined } from "@ant-design/icons";
import { Alert, Button, Form, type FormInstance, Modal } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../common/api.ts";

/** Why a submission failed, above the form: the server's message, or "network" when none came. */
export function SubmitError({ error }: { error: Error | null }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      title={error instanceof ApiError ? error.message : t("errors.network")}
      style={{ marginBottom: 16 }}
    />
  );
}

/** The save behind a form: a react-query mutation of the form's values. */
interface Submission<V> {
  mutate: (values: V) => void;
  isPending: boolean;
  error: Error | null;
  reset: () => void;
}

/**
 * A primary "+" button that opens a vertical form in a modal; OK checks the form and hands its
 * values to `submission`. Closing forgets the last failure, so the form opens clean again. The
 * caller keeps `open`, to close it when the save is done.
 */
export function FormModalButton<V extends object>({
  label,
  title,
  okText = label,
  open,
  setOpen,
  form,
  initialValues,
  submission,
  children,
}: {
  label: string;
  title: string;
  okText?: string;
  open: boolean;
  setOpen: (open: boolean) => void;
  form: FormInstance<V>;
  initialValues?: Partial<V>;
  submission: Submission<V>;
  /** The form's items. */
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const close = () => {
    setOpen(false);
    submission.reset();
  };
  return (
    <>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
        {label}
      </Button>
      <Modal
        open={open}
        title={title}
        onCancel={close}
        onOk={() => form.submit()}
        okText={okText}
        cancelText={t("user.cancel")}
        confirmLoading={submission.isPending}
        width={720}
        // Mounts the form while closed, so its instance is bound for useWatch and resetFields.
        forceRender
      >
        <SubmitError error={submission.error} />
        <Form<V>
          form={form}
          layout="vertical"
          initialValues={initialValues}
          onFinish={(v) => submission.mutate(v)}
        >
          {children}
        </Form>
      </Modal>
    </>
  );
}
