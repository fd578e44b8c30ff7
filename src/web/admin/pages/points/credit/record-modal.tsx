import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Form, Input, Modal, Radio, Select, type UploadFile } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../../common/api.ts";
import { PhotoUploadItem } from "../../../components/photo-upload.tsx";

type Audience = "resident" | "merchant";

interface Values {
  audience: Audience;
  holderId: string;
  bank: string;
  form?: UploadFile[];
}

/** A resident or shop of the caller's area, found by typing part of the name. */
function HolderSelect({
  audience,
  value,
  onChange,
}: {
  audience: Audience;
  value?: string;
  onChange?: (id: string) => void;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState("");
  const found = useQuery({
    queryKey: ["points", "credit", "holders", audience, q],
    enabled: q.trim().length > 0,
    queryFn: async ({ signal }) => {
      const query = { q: q.trim(), pageSize: 20 };
      const page =
        audience === "resident"
          ? await api.get("/api/v1/people/residents", { query, signal })
          : await api.get("/api/v1/points/merchants", { query, signal });
      return page.items.map((h) => ({ value: h.id, label: h.name }));
    },
  });
  return (
    <Select
      showSearch
      value={value}
      onChange={onChange}
      filterOption={false}
      onSearch={setQ}
      loading={found.isFetching}
      placeholder={t("pointsRankings.credit.holderSearch")}
      options={found.data ?? []}
    />
  );
}

/** 登记纸质授权书: whose consent, to which bank, and the scanned signed form. */
export function RecordModal({ bank, onClose }: { bank: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const audience = Form.useWatch("audience", form) ?? "resident";
  const record = useMutation({
    mutationFn: (v: Values) => {
      const stored = v.form?.[0]?.response as { id: string } | undefined;
      return api.post("/api/v1/points/credit/consents", {
        audience: v.audience,
        holderId: v.holderId,
        bank: v.bank.trim(),
        formFileId: stored?.id,
      });
    },
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ["points", "credit"] });
      void message.success(t("pointsRankings.credit.recorded"));
      onClose();
    },
    onError: (e) => void message.error(e.message),
  });
  return (
    <Modal
      open
      title={t("pointsRankings.credit.recordTitle")}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={record.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ audience: "resident", bank }}
        onFinish={(v) => record.mutate(v)}
      >
        <Form.Item name="audience" label={t("pointsRankings.credit.columns.audience")}>
          <Radio.Group
            onChange={() => form.setFieldValue("holderId", undefined)}
            options={(["resident", "merchant"] as const).map((a) => ({
              value: a,
              label: t(`pointsRankings.credit.audience.${a}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="holderId" label={t("pointsRankings.credit.holder")} rules={[{ required: true }]}>
          <HolderSelect audience={audience} />
        </Form.Item>
        <Form.Item
          name="bank"
          label={t("pointsRankings.credit.bank")}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input maxLength={60} />
        </Form.Item>
        <PhotoUploadItem name="form" label={t("pointsRankings.credit.form")} max={1} />
      </Form>
    </Modal>
  );
}
