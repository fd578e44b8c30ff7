import { DeleteOutlined, EditOutlined, PlusOutlined } from "@ant-design/icons";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import {
  App,
  Button,
  Card,
  Empty,
  Form,
  Input,
  Modal,
  Popconfirm,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, type ResponseOf } from "../../../common/api.ts";
import { type UnitKind, unitKindLabel } from "../../../common/labels.ts";
import { SubmitError } from "../../components/form-modal.tsx";
import { Masked } from "../people/residents-table.tsx";
import { SearchSelect, searchUnits } from "./pickers.tsx";

type Org = ResponseOf<"/api/v1/org/orgs/{id}", "get">;
type PartTimeMember = Org["partTimeMembers"][number];
interface Values {
  unitId: string;
  name: string;
  phone?: string;
  position: string;
}

const UNIT_COLOURS: Record<UnitKind, string> = {
  unit: "blue",
  propertyCompany: "green",
  ownersCommittee: "gold",
};

/** The 大党委's part-time members (兼职委员) from units; added, edited and removed by its editors. */
export function PartTimeMembers({ org, editable }: { org: Org; editable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [editing, setEditing] = useState<PartTimeMember | "new" | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: ["org", "org", org.id] });
  const remove = useMutation({
    mutationFn: (id: string) => api.delete("/api/v1/org/part-time-members/{id}", { path: { id } }),
    onSuccess: refresh,
    onError: (e) => message.error(e.message),
  });
  const columns: TableColumnsType<PartTimeMember> = [
    { title: t("people.name"), dataIndex: "name", width: 84, render: (n: string) => <strong>{n}</strong> },
    { title: t("org.position"), dataIndex: "position", ellipsis: { showTitle: true } },
    { title: t("org.unitName"), dataIndex: "unitName", ellipsis: { showTitle: true } },
    {
      title: t("org.unitKind"),
      dataIndex: "unitKind",
      width: 110,
      render: (k: UnitKind) => <Tag color={UNIT_COLOURS[k]}>{unitKindLabel(t, k)}</Tag>,
    },
    {
      title: t("people.phone"),
      dataIndex: "phone",
      width: 120,
      render: (p: string | null) => <Masked value={p} />,
    },
    ...(editable
      ? [
          {
            title: t("orgAdmin.units.actions"),
            key: "actions",
            width: 96,
            render: (_: unknown, m: PartTimeMember) => (
              <Space size={0}>
                <Button
                  type="link"
                  size="small"
                  icon={<EditOutlined />}
                  aria-label={t("orgAdmin.edit")}
                  onClick={() => setEditing(m)}
                />
                <Popconfirm
                  title={t("orgAdmin.partTime.removeConfirm", { name: m.name })}
                  okText={t("orgAdmin.partTime.remove")}
                  cancelText={t("orgAdmin.cancel")}
                  okButtonProps={{ danger: true }}
                  onConfirm={() => remove.mutateAsync(m.id).catch(() => {})}
                >
                  <Button
                    type="link"
                    size="small"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t("orgAdmin.partTime.remove")}
                  />
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];
  return (
    <Card
      title={t("org.partTime")}
      extra={
        editable ? (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing("new")}>
            {t("orgAdmin.partTime.add")}
          </Button>
        ) : (
          <Typography.Text type="secondary">{t("org.partTimeHint")}</Typography.Text>
        )
      }
    >
      <Table<PartTimeMember>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={org.partTimeMembers}
        pagination={false}
        scroll={{ x: 600 }}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("org.noPartTime")} />,
        }}
      />
      {editing && (
        <PartTimeModal
          org={org}
          member={editing === "new" ? undefined : editing}
          close={() => setEditing(null)}
        />
      )}
    </Card>
  );
}

function PartTimeModal({ org, member, close }: { org: Org; member?: PartTimeMember; close: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const save = useMutation({
    mutationFn: (v: Values) => {
      // An empty phone keeps the one on file (shown masked); a new one replaces it.
      const { phone, ...rest } = v;
      const body = phone?.trim() ? { ...rest, phone: phone.trim() } : rest;
      return member
        ? api.patch("/api/v1/org/part-time-members/{id}", body, { path: { id: member.id } })
        : api.post("/api/v1/org/orgs/{id}/part-time-members", body, { path: { id: org.id } });
    },
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ["org", "org", org.id] });
      close();
    },
  });
  const required = (what: string) => [{ required: true, message: t("orgAdmin.tree.required", { what }) }];
  return (
    <Modal
      open
      title={member ? t("orgAdmin.partTime.editTitle") : t("orgAdmin.partTime.add")}
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
        initialValues={member ? { unitId: member.unitId, name: member.name, position: member.position } : {}}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="name" label={t("people.name")} rules={required(t("people.name"))}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item
          name="unitId"
          label={t("orgAdmin.partTime.unit")}
          rules={required(t("orgAdmin.partTime.unit"))}
        >
          <SearchSelect
            queryKey="units"
            eager
            search={searchUnits}
            initial={member ? { value: member.unitId, label: member.unitName } : undefined}
            placeholder={t("orgAdmin.partTime.unitPlaceholder")}
          />
        </Form.Item>
        <Form.Item
          name="position"
          label={t("orgAdmin.partTime.position")}
          rules={required(t("orgAdmin.partTime.position"))}
        >
          <Input maxLength={50} placeholder={t("orgAdmin.partTime.positionPlaceholder")} />
        </Form.Item>
        {/* The phone shown is masked: it is changed by typing a new one, never pre-filled. */}
        <Form.Item name="phone" label={t("people.phone")}>
          <Input maxLength={20} inputMode="tel" placeholder={member?.phone ?? ""} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
