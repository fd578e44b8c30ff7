import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, DatePicker, Form, Input, InputNumber, Select, type UploadFile } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../../common/api.ts";
import { FormModalButton } from "../../../components/form-modal.tsx";
import { PhotoUploadItem } from "../../../components/photo-upload.tsx";
import { type Option, SearchSelect } from "../../org/pickers.tsx";
import { AUDIENCES, type Audience } from "../rules/index.tsx";

interface Values {
  audience: Audience;
  holderId: string;
  ruleId: string;
  quantity?: number;
  happenedOn: Dayjs;
  note?: string;
  evidence?: UploadFile[];
}

export const CLAIMS_KEY = ["points", "claims"];
const page = { page: 1, pageSize: 20 };

/** The people (or shops) of the caller's area by name: the pickers the people pages search with. */
const SEARCH: Record<Audience, (q: string, signal: AbortSignal) => Promise<Option[]>> = {
  member: async (q, signal) =>
    (await api.get("/api/v1/people/party-members", { query: { ...page, q }, signal })).items.map((m) => ({
      value: m.id,
      label: m.phone ? `${m.name}（${m.phone}）` : m.name,
    })),
  resident: async (q, signal) =>
    (await api.get("/api/v1/people/residents", { query: { ...page, q }, signal })).items.map((r) => ({
      value: r.id,
      label: r.phone ? `${r.name}（${r.phone}）` : `${r.name}（${r.age}）`,
    })),
  merchant: async (q, signal) =>
    (await api.get("/api/v1/points/merchants", { query: { ...page, q }, signal })).items.map((m) => ({
      value: m.id,
      label: `${m.name}（${m.address}）`,
    })),
};

/** Deeds of this month or the last, up to today (the server says the same). */
const outOfRange = (d: Dayjs) =>
  d.isAfter(dayjs(), "day") || d.isBefore(dayjs().subtract(1, "month").startOf("month"));

/** 录入积分事项: a deed (or a deduction) for a person or shop, waiting for another approver. */
export function ClaimEntry() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const audience = (Form.useWatch("audience", form) ?? "member") as Audience;
  const holderId = Form.useWatch("holderId", form) as string | undefined;
  const ruleId = Form.useWatch("ruleId", form) as string | undefined;
  const rules = useQuery({
    queryKey: ["points", "claim-rules", audience, holderId],
    queryFn: ({ signal }) =>
      api.get("/api/v1/points/claim-rules", { query: { audience, holderId: holderId ?? "" }, signal }),
    enabled: !!holderId,
  });
  const rule = rules.data?.items.find((r) => r.id === ruleId);
  const submit = useMutation({
    mutationFn: (v: Values) =>
      api.post("/api/v1/points/claims", {
        audience: v.audience,
        holderId: v.holderId,
        ruleId: v.ruleId,
        quantity: v.quantity ?? 1,
        happenedOn: v.happenedOn.format("YYYY-MM-DD"),
        note: v.note?.trim() || undefined,
        evidence: (v.evidence ?? []).flatMap((f) => (f.response?.id ? [f.response.id as string] : [])),
      }),
    onSuccess: async () => {
      setOpen(false);
      form.resetFields();
      await client.invalidateQueries({ queryKey: CLAIMS_KEY });
      void message.success(t("pointsRules.approvals.submitted"));
    },
  });
  const required = { required: true, message: " " };
  return (
    <FormModalButton<Values>
      label={t("pointsRules.approvals.enter")}
      title={t("pointsRules.approvals.enterTitle")}
      okText={t("pointsRules.approvals.submit")}
      open={open}
      setOpen={setOpen}
      form={form}
      initialValues={{ audience: "member", happenedOn: dayjs(), quantity: 1 }}
      submission={submit}
    >
      <Alert type="info" showIcon title={t("pointsRules.approvals.fourEyes")} style={{ marginBottom: 16 }} />
      <Form.Item name="audience" label={t("pointsRules.approvals.audience")} rules={[required]}>
        <Select
          options={AUDIENCES.map((a) => ({ value: a, label: t(`pointsRules.audiences.${a}`) }))}
          onChange={() => form.setFieldsValue({ holderId: undefined, ruleId: undefined })}
        />
      </Form.Item>
      <Form.Item name="holderId" label={t("pointsRules.approvals.person")} rules={[required]}>
        <SearchSelect
          key={audience}
          queryKey={`points-holder-${audience}`}
          search={SEARCH[audience]}
          placeholder={t("pointsRules.approvals.personPlaceholder")}
          onChange={() => form.setFieldsValue({ ruleId: undefined })}
        />
      </Form.Item>
      <Form.Item
        name="ruleId"
        label={t("pointsRules.approvals.pickRule")}
        rules={[required]}
        extra={holderId && rules.data?.items.length === 0 ? t("pointsRules.approvals.noRules") : undefined}
      >
        <Select
          disabled={!holderId}
          loading={rules.isFetching}
          showSearch={{ optionFilterProp: "label" }}
          options={(rules.data?.items ?? []).map((r) => ({
            value: r.id,
            label: `${r.indicator ? `${r.indicator}：` : ""}${r.name}（${t(`pointsRules.kinds.${r.kind}`)}${r.kind === "veto" ? "" : ` ${r.kind === "deduct" ? "−" : "+"}${r.points}`}）`,
          }))}
        />
      </Form.Item>
      {rule && rule.kind !== "veto" && (
        <Form.Item name="quantity" label={t("pointsRules.approvals.quantity")}>
          <InputNumber min={1} max={100} precision={0} />
        </Form.Item>
      )}
      <Form.Item name="happenedOn" label={t("pointsRules.approvals.happenedOn")} rules={[required]}>
        <DatePicker disabledDate={outOfRange} allowClear={false} />
      </Form.Item>
      <Form.Item name="note" label={t("pointsRules.approvals.note")}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
      <PhotoUploadItem
        name="evidence"
        label={t("pointsRules.approvals.photos")}
        max={9}
        rules={rule?.evidenceRequired ? [{ required: true, type: "array", min: 1, message: " " }] : []}
      />
    </FormModalButton>
  );
}
