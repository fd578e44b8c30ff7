import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, DatePicker, Form, Input, Modal, Rate, Select, Space } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { transitionFor } from "../../../../shared/flows/cases.ts";
import { ApiError, api, type BodyOf } from "../../../common/api.ts";
import {
  actionLabel,
  type CaseAction,
  type CaseDetail,
  type CaseStatus,
  statusLabel,
} from "./case-labels.tsx";

type Transition = BodyOf<"/api/v1/cases/{idOrCode}/transitions", "post">;

interface Values {
  note?: string;
  departmentId?: string;
  departmentIds?: string[];
  deadline?: Dayjs;
  score?: number;
  comment?: string;
  masterCode?: string;
}

/** The buttons a worker reads first; returning or withdrawing a case is drawn as a warning. */
const PRIMARY: readonly CaseAction[] = ["receive", "claim", "resolve", "dispatch", "assign", "supervise"];
const DANGER: readonly CaseAction[] = ["return", "withdraw"];

/** Departments to assign or whistle, fetched once. */
function useDepartments(enabled: boolean) {
  return useQuery({
    queryKey: ["cases", "departments"],
    queryFn: ({ signal }) => api.get("/api/v1/cases/departments", { signal }),
    staleTime: 10 * 60_000,
    enabled,
  });
}

/** After a move (or a refused one), every list and this case are read again. */
function useRefresh() {
  const client = useQueryClient();
  return () => void client.invalidateQueries({ queryKey: ["cases"] });
}

/**
 * POST a transition; a 409 means someone else moved the case first: the modal closes, the
 * message names the status it is in now, and the page shows it.
 */
export function useTransition(c: CaseDetail, onDone: () => void) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: Transition) =>
      api.post("/api/v1/cases/{idOrCode}/transitions", body, { path: { idOrCode: c.id } }),
    onSuccess: (_, body) => {
      message.success(t("casesAdmin.action.done", { action: actionLabel(t, body.action) }));
      onDone();
      refresh();
    },
    onError: (error) => {
      if (!(error instanceof ApiError && error.status === 409)) return;
      const status = (error.details as { status?: CaseStatus } | undefined)?.status;
      message.warning(
        status ? t("casesAdmin.action.conflict", { status: statusLabel(t, status) }) : error.message,
      );
      onDone();
      refresh();
    },
  });
}

/** One button per action the server allows the caller now; each opens its form. */
export function ActionButtons({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const [action, setAction] = useState<CaseAction | null>(null);
  return (
    <>
      <Space wrap>
        {c.allowedActions.map((a) => (
          <Button
            key={a}
            type={PRIMARY.includes(a) ? "primary" : "default"}
            danger={DANGER.includes(a)}
            onClick={() => setAction(a)}
          >
            {actionLabel(t, a)}
          </Button>
        ))}
      </Space>
      {action && <ActionModal c={c} action={action} onClose={() => setAction(null)} />}
    </>
  );
}

/** The note each action asks for, in the words of that action. */
const NOTE_HINTS: Partial<Record<CaseAction, "resolve" | "escalate" | "return" | "whistle" | "reopen">> = {
  resolve: "resolve",
  escalate: "escalate",
  return: "return",
  whistle: "whistle",
  reopen: "reopen",
};

function ActionModal({ c, action, onClose }: { c: CaseDetail; action: CaseAction; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Values>();
  const needs = transitionFor(action, c.status)?.needs ?? [];
  const needsDepartment = needs.includes("departmentId");
  const needsDepartments = needs.includes("departments");
  const departments = useDepartments(needsDepartment || needsDepartments);
  const run = useTransition(c, onClose);
  const [lookupError, setLookupError] = useState<string | null>(null);
  const hint = NOTE_HINTS[action];

  const submit = async (v: Values) => {
    setLookupError(null);
    let masterId: string | undefined;
    if (action === "merge") {
      const code = (v.masterCode ?? "").trim();
      const master = await api
        .get("/api/v1/cases/{idOrCode}", { path: { idOrCode: code } })
        .catch(() => null);
      if (!master) return setLookupError(t("casesAdmin.action.masterNotFound", { code }));
      if (master.id === c.id) return setLookupError(t("casesAdmin.action.masterSelf"));
      masterId = master.id;
    }
    run.mutate({
      action,
      note: v.note?.trim() || undefined,
      departmentId: v.departmentId,
      departmentIds: v.departmentIds,
      deadline: v.deadline?.toISOString(),
      score: v.score,
      comment: v.comment?.trim() || undefined,
      masterId,
    });
  };

  const departmentOptions = departments.data?.map((d) => ({
    value: d.id,
    label: i18n.language === "en" && d.nameEn ? d.nameEn : d.name,
  }));
  const error =
    lookupError ??
    (run.error && !(run.error instanceof ApiError && run.error.status === 409) ? run.error.message : null);

  return (
    <Modal
      open
      title={t("casesAdmin.action.title", { action: actionLabel(t, action), code: c.code })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("casesAdmin.action.submit")}
      cancelText={t("user.cancel")}
      confirmLoading={run.isPending}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={needsDepartments ? { deadline: dayjs().add(1, "day").startOf("hour") } : undefined}
        onFinish={(v) => void submit(v)}
      >
        {needsDepartment && (
          <Form.Item
            name="departmentId"
            label={t("casesAdmin.action.department")}
            rules={[{ required: true, message: t("casesAdmin.action.departmentRequired") }]}
          >
            <Select
              showSearch={{ optionFilterProp: "label" }}
              loading={departments.isPending}
              options={departmentOptions}
            />
          </Form.Item>
        )}
        {needsDepartments && (
          <>
            <Form.Item
              name="departmentIds"
              label={t("casesAdmin.action.departments")}
              rules={[{ required: true, message: t("casesAdmin.action.departmentsRequired") }]}
            >
              <Select
                mode="multiple"
                showSearch={{ optionFilterProp: "label" }}
                loading={departments.isPending}
                options={departmentOptions}
              />
            </Form.Item>
            <Form.Item
              name="deadline"
              label={t("casesAdmin.action.deadline")}
              rules={[
                {
                  validator: async (_, v: Dayjs | undefined) => {
                    if (!v) throw new Error(t("casesAdmin.action.deadlineRequired"));
                    if (!v.isAfter(dayjs())) throw new Error(t("casesAdmin.action.deadlineFuture"));
                  },
                },
              ]}
            >
              <DatePicker
                showTime={{ format: "HH:mm" }}
                format="YYYY-MM-DD HH:mm"
                disabledDate={(d) => d.isBefore(dayjs(), "day")}
                style={{ width: 220 }}
              />
            </Form.Item>
          </>
        )}
        {action === "merge" && (
          <Form.Item
            name="masterCode"
            label={t("casesAdmin.action.masterCode")}
            extra={t("casesAdmin.action.masterHint")}
            rules={[{ required: true, whitespace: true, message: t("casesAdmin.action.masterRequired") }]}
          >
            <Input maxLength={40} placeholder={t("casesAdmin.action.masterPlaceholder")} />
          </Form.Item>
        )}
        {action === "rate" ? (
          <>
            <Form.Item
              name="score"
              label={t("casesAdmin.action.score")}
              extra={t("casesAdmin.action.scoreHint")}
              rules={[{ required: true, message: t("casesAdmin.action.scoreRequired") }]}
            >
              <Rate />
            </Form.Item>
            <Form.Item name="comment" label={t("casesAdmin.action.comment")}>
              <Input.TextArea rows={3} maxLength={500} showCount />
            </Form.Item>
          </>
        ) : (
          <Form.Item
            name="note"
            label={t(needs.includes("note") ? "casesAdmin.action.note" : "casesAdmin.action.noteOptional")}
            rules={
              needs.includes("note")
                ? [{ required: true, whitespace: true, message: t("casesAdmin.action.noteRequired") }]
                : []
            }
          >
            <Input.TextArea
              rows={4}
              maxLength={2000}
              showCount
              placeholder={
                action === "supervise"
                  ? t("caseWork.supervise.hint")
                  : hint
                    ? t(`casesAdmin.action.noteHints.${hint}`)
                    : undefined
              }
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
