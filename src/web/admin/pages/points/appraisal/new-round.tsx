import { useMutation, useQueryClient } from "@tanstack/react-query";
import { App, Form, Input, InputNumber, Modal, Select, Space } from "antd";
import { api } from "../../../../common/api.ts";
import { NodeSelect } from "../../accounts/node-select.tsx";
import { useAppraisalWords } from "./words.ts";

interface Values {
  nodeId: string;
  period: string;
  title?: string;
  record: number;
  self: number;
  peer: number;
  resident: number;
}

const chinaMonth = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
/** This half-year and the one before: 2026H2, 2026H1. */
function periods(): string[] {
  const m = chinaMonth();
  const year = Number(m.slice(0, 4));
  const now = Number(m.slice(5)) <= 6 ? `${year}H1` : `${year}H2`;
  const before = now.endsWith("2") ? `${year}H1` : `${year - 1}H2`;
  return [now, before];
}

/** 发起评议: a community, the half-year, and the weights (费县: 日常记实 and 民主评议 combined). */
export function NewRoundModal({ onClose }: { onClose: () => void }) {
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const a = useAppraisalWords();
  const create = useMutation({
    mutationFn: (v: Values) =>
      api.post("/api/v1/points/appraisal-rounds", {
        nodeId: v.nodeId,
        period: v.period,
        title: v.title?.trim() || undefined,
        weights: { record: v.record, self: v.self, peer: v.peer, resident: v.resident },
      }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ["points", "appraisal-rounds"] });
      onClose();
    },
    onError: (e) => void message.error(e.message),
  });
  const options = periods().map((p) => ({
    value: p,
    label: `${p.slice(0, 4)}${a("yearSuffix")}${a(`half.${p.slice(5)}`)}`,
  }));
  return (
    <Modal
      open
      title={a("create")}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ period: options[0]?.value, record: 60, self: 10, peer: 15, resident: 15 }}
        onFinish={(v) => create.mutate(v)}
      >
        <Form.Item name="nodeId" label={a("community")} rules={[{ required: true }]}>
          <NodeSelect levels={["community"]} />
        </Form.Item>
        <Form.Item name="period" label={a("period")} rules={[{ required: true }]}>
          <Select options={options} />
        </Form.Item>
        <Form.Item name="title" label={a("roundTitle")}>
          <Input maxLength={60} placeholder={a("titleHint")} />
        </Form.Item>
        <Form.Item label={a("weights")} extra={a("weightsHint")} required shouldUpdate rules={[]}>
          {() => {
            const sum = (["record", "self", "peer", "resident"] as const).reduce(
              (s, k) => s + (Number(form.getFieldValue(k)) || 0),
              0,
            );
            return (
              <Space wrap>
                {(["record", "self", "peer", "resident"] as const).map((k) => (
                  <Form.Item key={k} name={k} noStyle rules={[{ required: true }]}>
                    <InputNumber min={0} max={100} addonBefore={a(k)} style={{ width: 150 }} />
                  </Form.Item>
                ))}
                <span style={{ color: sum === 100 ? "#389e0d" : "#cf1322" }}>= {sum}</span>
              </Space>
            );
          }}
        </Form.Item>
      </Form>
    </Modal>
  );
}
