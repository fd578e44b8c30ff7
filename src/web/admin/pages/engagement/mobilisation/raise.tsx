import { useMutation, useQueryClient } from "@tanstack/react-query";
import { App, Form, Input, Modal, Radio, Select } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import {
  MOBILISATION_KINDS,
  MOBILISATION_TEMPLATE_KEYS,
  MOBILISATION_TEMPLATES,
  type MobilisationKind,
  type MobilisationTemplate,
} from "../../../../../shared/mobilisation.ts";
import { api } from "../../../../common/api.ts";
import { TerritoryPicker } from "../../cases/territory-picker.tsx";
import { MOBILISATION_KEY } from "./data.ts";

interface Values {
  template: MobilisationTemplate;
  kind: MobilisationKind;
  name: string;
  purpose: string;
  nodeId: string;
  place?: string;
}

/**
 * 发起动员 in one form: the situation (防汛抢险, 疫情防控 …) fills in the form, name and task, which
 * the worker may change; then the call-up's page opens to choose whom to call.
 */
export function RaiseModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const w = (key: string) => t(`engagementMobilisation.${key}` as "engagementMobilisation.title");
  const { message } = App.useApp();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const fill = (template: MobilisationTemplate) =>
    form.setFieldsValue({
      kind: MOBILISATION_TEMPLATES[template].kind,
      name: w(`templates.${template}.name`),
      purpose: w(`templates.${template}.purpose`),
    });
  const raise = useMutation({
    mutationFn: (v: Values) =>
      api.post("/api/v1/engagement/mobilisations", {
        template: v.template,
        kind: v.kind,
        name: v.name.trim(),
        purpose: v.purpose.trim(),
        nodeId: v.nodeId,
        place: v.place?.trim() || undefined,
      }),
    onSuccess: (made) => {
      void client.invalidateQueries({ queryKey: MOBILISATION_KEY });
      void message.success(w("raise.created"));
      onClose();
      navigate(`/engagement/mobilisation/${made.id}?choose=1`);
    },
    onError: (err) => void message.error(err.message),
  });
  const required = { required: true, whitespace: true, message: " " };
  return (
    <Modal
      open={open}
      title={w("raise.title")}
      okText={w("raise.submit")}
      okButtonProps={{ danger: true }}
      confirmLoading={raise.isPending}
      width={640}
      destroyOnHidden
      onCancel={onClose}
      onOk={() => void form.validateFields().then((v) => raise.mutate(v))}
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="template" label={w("raise.pickTemplate")} rules={[{ required: true, message: " " }]}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            onChange={(e) => fill(e.target.value)}
            options={MOBILISATION_TEMPLATE_KEYS.map((k) => ({ value: k, label: w(`templates.${k}.label`) }))}
          />
        </Form.Item>
        <Form.Item name="kind" label={w("raise.kind")} rules={[{ required: true, message: " " }]}>
          <Select options={MOBILISATION_KINDS.map((k) => ({ value: k, label: w(`kind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="name" label={w("raise.name")} rules={[required]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="purpose" label={w("raise.purpose")} rules={[required]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Form.Item
          name="nodeId"
          label={w("raise.node")}
          extra={w("raise.nodeHint")}
          rules={[{ required: true, message: w("raise.nodeHint") }]}
        >
          <TerritoryPicker />
        </Form.Item>
        <Form.Item name="place" label={w("raise.place")}>
          <Input maxLength={100} placeholder={w("raise.placeHint")} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
