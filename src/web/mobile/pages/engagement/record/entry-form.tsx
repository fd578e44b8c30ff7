import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Button, Form, Input, Selector, Toast } from "antd-mobile";
import { useTranslation } from "react-i18next";
import { api } from "../../../../common/api.ts";
import { Section } from "../../../page-bar.tsx";
import { chinaToday, RECORD_KEY } from "./record-data.ts";

type Kind = "partyActivity" | "other";
interface Values {
  kind: Kind[];
  title: string;
  servedOn: string;
  hours?: string;
}

/** 补录: a service of this quarter the other modules did not record; the community approves it. */
export function EntryForm() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const add = useMutation({
    mutationFn: (v: Values) =>
      api.post("/api/v1/engagement/records", {
        kind: v.kind[0] ?? "other",
        title: v.title.trim(),
        servedOn: v.servedOn,
        hours: v.hours ? Number(v.hours) : undefined,
      }),
    onSuccess: () => {
      Toast.show({ icon: "success", content: t("engagementRecords.mobile.submitted") });
      form.resetFields();
      void client.invalidateQueries({ queryKey: RECORD_KEY });
    },
    onError: (e) => Toast.show({ content: e.message }),
  });
  return (
    <Section title={t("engagementRecords.mobile.add")}>
      <div style={{ padding: "0 16px", color: "#999", fontSize: 14 }}>
        {t("engagementRecords.mobile.addHint")}
      </div>
      <Form
        form={form}
        initialValues={{ kind: ["partyActivity"], servedOn: chinaToday() }}
        onFinish={(v) => add.mutate(v)}
        footer={
          <Button block type="submit" color="primary" size="large" loading={add.isPending}>
            {t("engagementRecords.mobile.submit")}
          </Button>
        }
      >
        <Form.Item name="kind" label={t("engagementRecords.mobile.kind")} rules={[{ required: true }]}>
          <Selector
            columns={2}
            options={(["partyActivity", "other"] as const).map((k) => ({
              value: k,
              label: t(`engagementRecords.kind.${k}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t("engagementRecords.mobile.title")}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input maxLength={100} placeholder={t("engagementRecords.mobile.titlePlaceholder")} />
        </Form.Item>
        <Form.Item
          name="servedOn"
          label={t("engagementRecords.mobile.servedOn")}
          rules={[{ required: true }]}
        >
          <Input type="date" />
        </Form.Item>
        <Form.Item name="hours" label={t("engagementRecords.mobile.hours")}>
          <Input type="number" min={0} max={24} inputMode="decimal" />
        </Form.Item>
      </Form>
    </Section>
  );
}
