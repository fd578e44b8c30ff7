import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Form, InputNumber, Modal, Select } from "antd";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../../../../common/api.ts";
import { NodeSelect } from "../../accounts/node-select.tsx";
import { periodLabel, recentPeriods } from "./periods.ts";

type Kind = "starMember" | "virtueShop" | "trustedMerchant";
const KINDS: Kind[] = ["starMember", "virtueShop", "trustedMerchant"];

interface Values {
  kind: Kind;
  period: string;
  nodeId: string;
  size: number;
}

/** 评选榜单: the kind, period, area and how many; the draft opens once drawn (or the one that exists). */
export function DrawModal({ onClose, onDrawn }: { onClose: () => void; onDrawn: (id: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch("kind", form) ?? "starMember";
  const draw = useMutation({
    mutationFn: (v: Values) => api.post("/api/v1/points/rankings", v),
    onSuccess: (r) => {
      void client.invalidateQueries({ queryKey: ["points", "rankings"] });
      void message.success(t("pointsRankings.draw.done"));
      onDrawn(r.id);
    },
    onError: (e) => {
      // A draft of the same list exists: open it rather than make the user look for it.
      const existing = e instanceof ApiError ? (e.details as { id?: string } | undefined)?.id : undefined;
      if (e instanceof ApiError && e.code === "RANKING_DRAFT_EXISTS" && existing) {
        void message.info(t("pointsRankings.draw.exists"));
        onDrawn(existing);
      } else void message.error(e.message);
    },
  });
  return (
    <Modal
      open
      title={t("pointsRankings.draw.title")}
      okText={t("pointsRankings.draw.submit")}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={draw.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: "starMember", period: recentPeriods()[1], size: 10 }}
        onFinish={(v) => draw.mutate(v)}
      >
        <Form.Item name="kind" label={t("pointsRankings.draw.kind")} rules={[{ required: true }]}>
          <Select options={KINDS.map((k) => ({ value: k, label: t(`pointsRankings.kinds.${k}`) }))} />
        </Form.Item>
        <Alert
          type="info"
          showIcon
          message={t(`pointsRankings.draw.rule.${kind}`)}
          style={{ marginBottom: 16 }}
        />
        <Form.Item name="period" label={t("pointsRankings.draw.period")} rules={[{ required: true }]}>
          <Select options={recentPeriods().map((p) => ({ value: p, label: periodLabel(t, p) }))} />
        </Form.Item>
        <Form.Item name="nodeId" label={t("pointsRankings.draw.area")} rules={[{ required: true }]}>
          <NodeSelect levels={["community", "street", "district"]} />
        </Form.Item>
        <Form.Item name="size" label={t("pointsRankings.draw.size")} rules={[{ required: true }]}>
          <InputNumber min={1} max={100} style={{ width: 120 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
