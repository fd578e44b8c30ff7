import { EditOutlined, PlusOutlined } from "@ant-design/icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Button, Form, Input, Modal, Select } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, type ResponseOf } from "../../../common/api.ts";
import { UNIT_KINDS, type UnitKind, unitKindLabel } from "../../../common/labels.ts";
import { fetchNode } from "../../../common/territory.ts";
import { SubmitError } from "../../components/form-modal.tsx";
import { SearchSelect, searchNodes } from "./pickers.tsx";

type Unit = ResponseOf<"/api/v1/org/units", "get">["items"][number];
interface Values {
  kind: UnitKind;
  name: string;
  uscc?: string;
  nodeId: string;
  contactName?: string;
  contactPhone?: string;
}

/** 新增单位, or the pencil on a unit's row: one form for both. */
export function UnitButton({ unit }: { unit?: Unit }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      {unit ? (
        <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setOpen(true)}>
          {t("orgAdmin.edit")}
        </Button>
      ) : (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
          {t("orgAdmin.units.add")}
        </Button>
      )}
      {open && <UnitModal unit={unit} close={() => setOpen(false)} />}
    </>
  );
}

function UnitModal({ unit, close }: { unit?: Unit; close: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch("kind", form);
  const node = useQuery({
    queryKey: ["territory", "node", unit?.nodeId],
    queryFn: ({ signal }) => fetchNode(unit?.nodeId ?? "", signal),
    enabled: !!unit,
  });
  const save = useMutation({
    mutationFn: (v: Values) => {
      // The contact phone is listed masked: left empty it stays as it is.
      const { contactPhone, uscc, ...rest } = v;
      const body = {
        ...rest,
        uscc: uscc?.trim() || null,
        contactName: v.contactName?.trim() || null,
        ...(contactPhone?.trim() ? { contactPhone: contactPhone.trim() } : {}),
      };
      return unit
        ? api.patch("/api/v1/org/units/{id}", body, { path: { id: unit.id } })
        : api.post("/api/v1/org/units", body);
    },
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ["org", "units"] });
      close();
    },
  });
  const required = (what: string) => [
    { required: true, whitespace: true, message: t("orgAdmin.tree.required", { what }) },
  ];
  return (
    <Modal
      open
      title={unit ? t("orgAdmin.units.editTitle") : t("orgAdmin.units.add")}
      onCancel={close}
      onOk={() => form.submit()}
      okText={t("orgAdmin.save")}
      cancelText={t("orgAdmin.cancel")}
      confirmLoading={save.isPending}
    >
      <SubmitError error={save.error} />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={
          unit
            ? {
                kind: unit.kind,
                name: unit.name,
                uscc: unit.uscc ?? "",
                nodeId: unit.nodeId,
                contactName: unit.contactName ?? "",
              }
            : { kind: "unit" }
        }
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="name" label={t("orgAdmin.units.name")} rules={required(t("orgAdmin.units.name"))}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="kind" label={t("orgAdmin.units.kind")} rules={required(t("orgAdmin.units.kind"))}>
          <Select options={UNIT_KINDS.map((k) => ({ value: k, label: unitKindLabel(t, k) }))} />
        </Form.Item>
        <Form.Item
          name="uscc"
          label={t("org.uscc")}
          extra={t("orgAdmin.units.usccHint")}
          rules={kind === "ownersCommittee" ? [] : required(t("org.uscc"))}
        >
          <Input maxLength={18} style={{ fontFamily: "monospace" }} />
        </Form.Item>
        <Form.Item name="nodeId" label={t("orgAdmin.units.node")} rules={required(t("orgAdmin.units.node"))}>
          <SearchSelect
            queryKey="nodes"
            eager
            search={searchNodes}
            initial={node.data ? { value: node.data.id, label: node.data.name } : undefined}
            placeholder={t("orgAdmin.tree.nodePlaceholder")}
          />
        </Form.Item>
        <Form.Item name="contactName" label={t("org.contact")}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="contactPhone" label={t("org.contactPhone")}>
          <Input maxLength={20} inputMode="tel" placeholder={unit?.contactPhone ?? ""} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
