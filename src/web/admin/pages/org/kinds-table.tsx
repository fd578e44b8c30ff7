import { EditOutlined, PlusOutlined } from "@ant-design/icons";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Form,
  Input,
  Modal,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../common/api.ts";
import { SubmitError } from "../../components/form-modal.tsx";
import { type OrgKind, useOrgKinds } from "./kinds.ts";

interface Values {
  name: string;
  nameEn?: string;
}

/** 组织类型: the district's kinds of party organisation, added, renamed, deactivated here. */
export function KindsTable() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const kinds = useOrgKinds();
  const [editing, setEditing] = useState<OrgKind | "new" | null>(null);
  const toggle = useMutation({
    mutationFn: (k: OrgKind) =>
      api.patch("/api/v1/org/kinds/{code}", { active: !k.active }, { path: { code: k.code } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["org", "kinds"] }),
    onError: (e) => message.error(e.message),
  });
  const columns: TableColumnsType<OrgKind> = [
    { title: t("orgAdmin.kinds.name"), dataIndex: "name", render: (n: string) => <strong>{n}</strong> },
    { title: t("orgAdmin.kinds.nameEn"), dataIndex: "nameEn", ellipsis: { showTitle: true } },
    {
      title: t("orgAdmin.kinds.orgs"),
      dataIndex: "orgs",
      width: 130,
      render: (n: number) => t("orgAdmin.kinds.orgCount", { count: n }),
    },
    {
      title: t("orgAdmin.kinds.status"),
      dataIndex: "active",
      width: 100,
      render: (a: boolean) =>
        a ? <Tag color="green">{t("orgAdmin.kinds.active")}</Tag> : <Tag>{t("orgAdmin.kinds.inactive")}</Tag>,
    },
    {
      title: t("orgAdmin.units.actions"),
      key: "actions",
      width: 160,
      render: (_, k) => (
        <Space size={0}>
          <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(k)}>
            {t("orgAdmin.edit")}
          </Button>
          <Button type="link" size="small" danger={k.active} onClick={() => toggle.mutate(k)}>
            {k.active ? t("orgAdmin.kinds.deactivate") : t("orgAdmin.kinds.activate")}
          </Button>
        </Space>
      ),
    },
  ];
  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t("orgAdmin.kinds.hint")}
      </Typography.Paragraph>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing("new")}>
        {t("orgAdmin.kinds.add")}
      </Button>
      {kinds.query.error && <Alert type="error" showIcon title={kinds.query.error.message} />}
      <Table<OrgKind>
        rowKey="code"
        size="middle"
        columns={columns}
        dataSource={kinds.items}
        loading={kinds.query.isFetching}
        pagination={false}
        scroll={{ x: 640 }}
      />
      {editing && <KindModal kind={editing === "new" ? undefined : editing} close={() => setEditing(null)} />}
    </Space>
  );
}

function KindModal({ kind, close }: { kind?: OrgKind; close: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = { name: v.name.trim(), ...(v.nameEn?.trim() ? { nameEn: v.nameEn.trim() } : {}) };
      return kind
        ? api.patch("/api/v1/org/kinds/{code}", body, { path: { code: kind.code } })
        : api.post("/api/v1/org/kinds", body);
    },
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ["org"] });
      close();
    },
  });
  return (
    <Modal
      open
      title={kind ? `${t("orgAdmin.edit")} · ${kind.name}` : t("orgAdmin.kinds.add")}
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
        initialValues={kind ? { name: kind.name, nameEn: kind.nameEn } : {}}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item
          name="name"
          label={t("orgAdmin.kinds.name")}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t("orgAdmin.tree.required", { what: t("orgAdmin.kinds.name") }),
            },
          ]}
        >
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="nameEn" label={t("orgAdmin.kinds.nameEn")} extra={t("orgAdmin.kinds.nameEnHint")}>
          <Input maxLength={60} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
