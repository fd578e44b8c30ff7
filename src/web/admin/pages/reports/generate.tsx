import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, App, DatePicker, Form, Radio, Select } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../common/api.ts";
import type { User } from "../../../common/auth.tsx";
import { todayInChina } from "../../../common/china-day.ts";
import { FormModalButton } from "../../components/form-modal.tsx";
import {
  lastFinished,
  type Month,
  notBegun,
  periodParam,
  REPORT_KINDS,
  REPORTS_KEY,
  type ReportItem,
  type ReportKind,
  type ReportSubject,
  reportName,
} from "./report-period.ts";
import { subjectTypesOf, useSubjectOptions } from "./report-subjects.ts";

interface Values {
  kind: ReportKind;
  period: Dayjs;
  subjectType: ReportSubject;
  subjectId?: string;
}

const monthOf = (d: Dayjs): Month => ({ year: d.year(), month: d.month() + 1 });
const dayOf = (m: Month) => dayjs(`${m.year}-${String(m.month).padStart(2, "0")}-01`);

/** "2026-Q4" in the quarter picker's box (dayjs formats quarters only with a plugin). */
const quarterText = (d: Dayjs) => periodParam("quarterly", monthOf(d));

/**
 * 生成报表: a month's or a quarter's report of a community or a department, made (again) now. The
 * job writes the files within seconds; the list shows it 生成中 until then.
 */
export function GenerateButton({ user, onCreated }: { user: User; onCreated: (r: ReportItem) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const types = subjectTypesOf(user);
  const kind = Form.useWatch("kind", form) ?? "monthly";
  const subjectType = Form.useWatch("subjectType", form) ?? types[0];
  const subjects = useSubjectOptions(user, subjectType, open);
  const today = todayInChina(new Date());
  // One community or department to choose from is chosen already.
  const only = subjects.options.length === 1 ? subjects.options[0]?.value : undefined;
  useEffect(() => {
    if (open && only && !form.getFieldValue("subjectId")) form.setFieldValue("subjectId", only);
  }, [form, only, open]);

  const submit = useMutation({
    mutationFn: (v: Values) =>
      api.post("/api/v1/dashboard/reports", {
        kind: v.kind,
        period: periodParam(v.kind, monthOf(v.period)),
        subjectType: v.subjectType,
        subjectId: v.subjectId ?? "",
      }),
    onSuccess: (report) => {
      void client.invalidateQueries({ queryKey: REPORTS_KEY });
      message.success(t("reports.generate.started", { name: reportName(t, report) }));
      onCreated(report);
      setOpen(false);
      form.resetFields();
    },
  });

  return (
    <FormModalButton<Values>
      label={t("reports.generate.open")}
      title={t("reports.generate.title")}
      okText={t("reports.generate.submit")}
      open={open}
      setOpen={setOpen}
      form={form}
      initialValues={{
        kind: "monthly",
        period: dayOf(lastFinished("monthly", today)),
        subjectType: types[0],
      }}
      submission={submit}
    >
      <Alert type="info" showIcon title={t("reports.generate.hint")} style={{ marginBottom: 16 }} />
      <Form.Item name="kind" label={t("reports.generate.kind")}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={REPORT_KINDS.map((k) => ({ value: k, label: t(`reports.kind.${k}`) }))}
          // The usual choice of the other kind: the last finished month or quarter.
          onChange={(e) =>
            form.setFieldValue("period", dayOf(lastFinished(e.target.value as ReportKind, today)))
          }
        />
      </Form.Item>
      <Form.Item
        name="period"
        label={t("reports.generate.period")}
        rules={[{ required: true, message: t("reports.generate.periodRequired") }]}
      >
        <DatePicker
          picker={kind === "monthly" ? "month" : "quarter"}
          format={kind === "monthly" ? "YYYY-MM" : quarterText}
          placeholder={t(
            kind === "monthly" ? "reports.generate.monthPlaceholder" : "reports.generate.quarterPlaceholder",
          )}
          allowClear={false}
          disabledDate={(d) => notBegun(kind, monthOf(d), today)}
          style={{ width: 200 }}
        />
      </Form.Item>
      {/* Asked only of those who may report on both; the others' one type is sent all the same. */}
      <Form.Item name="subjectType" label={t("reports.generate.subjectType")} hidden={types.length < 2}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={types.map((s) => ({ value: s, label: t(`reports.subject.${s}`) }))}
          onChange={() => form.setFieldValue("subjectId", undefined)}
        />
      </Form.Item>
      <Form.Item
        name="subjectId"
        label={t(`reports.generate.${subjectType ?? "community"}`)}
        rules={[{ required: true, message: t(`reports.generate.${subjectType ?? "community"}Required`) }]}
      >
        <Select
          showSearch={{ optionFilterProp: "label" }}
          loading={subjects.loading}
          options={subjects.options}
          style={{ width: 320 }}
        />
      </Form.Item>
    </FormModalButton>
  );
}
