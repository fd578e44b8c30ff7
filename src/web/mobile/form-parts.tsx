import { Button, Form } from "antd-mobile";
import type { ReactNode } from "react";

/** A form field's label, large: the forms are filled in by residents of every age. */
export function FieldLabel({ children }: { children: string }) {
  return <span style={{ fontSize: 19, fontWeight: 600, color: "var(--adm-color-text)" }}>{children}</span>;
}

/**
 * A form that sends photos, with large boxed fields: the items, then why the last try failed (it
 * goes as soon as anything is changed), and a submit button held back while photos are still
 * uploading (a photo not yet stored would be left out).
 */
export function PhotoForm<V extends object>({
  submission,
  initialValues,
  uploading,
  waitText,
  submitText,
  children,
}: {
  /** The save: a react-query mutation of the form's values. */
  submission: { mutate: (values: V) => void; isPending: boolean; error: Error | null; reset: () => void };
  initialValues?: Partial<V>;
  uploading: boolean;
  waitText: string;
  submitText: string;
  children: ReactNode;
}) {
  return (
    <Form
      layout="vertical"
      requiredMarkStyle="none"
      className="boxed-inputs"
      initialValues={initialValues}
      onFinish={(v: V) => submission.mutate(v)}
      onValuesChange={() => submission.reset()}
      footer={
        <SubmitFooter
          submission={submission}
          uploading={uploading}
          waitText={waitText}
          submitText={submitText}
        />
      }
    >
      {children}
    </Form>
  );
}

function SubmitFooter({
  submission,
  uploading,
  waitText,
  submitText,
}: {
  submission: { isPending: boolean; error: Error | null };
  uploading: boolean;
  waitText: string;
  submitText: string;
}) {
  return (
    <>
      {submission.error && (
        <div role="alert" style={{ color: "var(--adm-color-danger)", fontSize: 17, marginBottom: 12 }}>
          {submission.error.message}
        </div>
      )}
      {uploading && <div style={{ fontSize: 16, marginBottom: 12 }}>{waitText}</div>}
      <Button
        block
        type="submit"
        color="primary"
        size="large"
        loading={submission.isPending}
        disabled={uploading}
        style={{ height: 56, fontSize: 20 }}
      >
        {submitText}
      </Button>
    </>
  );
}
