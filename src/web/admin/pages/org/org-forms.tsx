import { DeleteOutlined, DragOutlined, EditOutlined, PlusOutlined } from "@ant-design/icons";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { App, Button, Checkbox, Form, Input, Modal, Popconfirm, Select, Space, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, type ResponseOf } from "../../../common/api.ts";
import { SubmitError } from "../../components/form-modal.tsx";
import { useOrgKinds } from "./kinds.ts";
import { type Option, SearchSelect, searchNodes, searchOrgs } from "./pickers.tsx";

type Org = ResponseOf<"/api/v1/org/orgs/{id}", "get">;
interface OrgValues {
  name: string;
  kind: string;
  nodeId: string;
}

/** After any change to the tree: every org query is stale, and the tree is rebuilt. */
function useTreeChanged(onChanged: () => void) {
  const client = useQueryClient();
  return async () => {
    await client.invalidateQueries({ queryKey: ["org"] });
    onChanged();
  };
}

/** The form of a new or an edited organisation: name, kind, the area it is built on. */
function OrgModal({
  title,
  open,
  close,
  initial,
  node,
  save,
}: {
  title: string;
  open: boolean;
  close: () => void;
  initial?: Partial<OrgValues>;
  node?: Option;
  save: (v: OrgValues) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const kinds = useOrgKinds();
  const [form] = Form.useForm<OrgValues>();
  const mutation = useMutation({ mutationFn: save, onSuccess: () => close() });
  const required = (what: string) => [{ required: true, message: t("orgAdmin.tree.required", { what }) }];
  // An edited organisation keeps showing its kind even when that kind has since been deactivated.
  const offered = kinds.items.filter((k) => k.active || k.code === initial?.kind);
  return (
    <Modal
      open={open}
      title={title}
      onCancel={() => {
        mutation.reset();
        close();
      }}
      onOk={() => form.submit()}
      okText={t("orgAdmin.save")}
      cancelText={t("orgAdmin.cancel")}
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      <SubmitError error={mutation.error} />
      <Form<OrgValues>
        form={form}
        layout="vertical"
        initialValues={initial}
        preserve={false}
        onFinish={(v) => mutation.mutate(v)}
      >
        <Form.Item name="name" label={t("orgAdmin.tree.name")} rules={required(t("orgAdmin.tree.name"))}>
          <Input maxLength={100} placeholder={t("orgAdmin.tree.namePlaceholder")} />
        </Form.Item>
        <Form.Item name="kind" label={t("orgAdmin.tree.kind")} rules={required(t("orgAdmin.tree.kind"))}>
          <Select options={offered.map((k) => ({ value: k.code, label: kinds.nameOf(k) }))} />
        </Form.Item>
        <Form.Item
          name="nodeId"
          label={t("orgAdmin.tree.node")}
          extra={t("orgAdmin.tree.nodeHint")}
          rules={required(t("orgAdmin.tree.node"))}
        >
          <SearchSelect
            queryKey="nodes"
            eager
            search={searchNodes}
            initial={node}
            placeholder={t("orgAdmin.tree.nodePlaceholder")}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 新建党组织 at the top of the caller's part of the tree. */
export function NewTopOrgButton({ onChanged }: { onChanged: (id?: string) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const changed = useTreeChanged(() => {});
  return (
    <>
      <Button size="small" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
        {t("orgAdmin.tree.addTop")}
      </Button>
      <OrgModal
        title={t("orgAdmin.tree.addTop")}
        open={open}
        close={() => setOpen(false)}
        save={async (v) => {
          const org = await api.post("/api/v1/org/orgs", { ...v, parentId: null });
          await changed();
          onChanged(org.id);
        }}
      />
    </>
  );
}

/** What may be done to one organisation: add below it, edit, move, close. */
export function OrgActions({
  org,
  node,
  onChanged,
}: {
  org: Org;
  node?: Option;
  /** The tree changed; the id to show next (the new one; none when this one was closed). */
  onChanged: (id?: string) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState<"child" | "edit" | "move" | null>(null);
  const changed = useTreeChanged(() => {});
  const close = useMutation({
    mutationFn: () => api.delete("/api/v1/org/orgs/{id}", { path: { id: org.id } }),
    onSuccess: async () => {
      message.success(t("orgAdmin.tree.closed"));
      await changed();
      onChanged(undefined);
    },
    onError: (e) => message.error(e.message),
  });
  return (
    <Space wrap size={4}>
      <Button size="small" icon={<PlusOutlined />} onClick={() => setOpen("child")}>
        {t("orgAdmin.tree.addChild")}
      </Button>
      <Button size="small" icon={<EditOutlined />} onClick={() => setOpen("edit")}>
        {t("orgAdmin.tree.rename")}
      </Button>
      <Button size="small" icon={<DragOutlined />} onClick={() => setOpen("move")}>
        {t("orgAdmin.tree.move")}
      </Button>
      <Popconfirm
        title={t("orgAdmin.tree.closeConfirm", { name: org.name })}
        description={<div style={{ maxWidth: 280 }}>{t("orgAdmin.tree.closeHint")}</div>}
        okText={t("orgAdmin.tree.close")}
        cancelText={t("orgAdmin.cancel")}
        okButtonProps={{ danger: true, loading: close.isPending }}
        onConfirm={() => close.mutateAsync().catch(() => {})}
      >
        <Button size="small" danger icon={<DeleteOutlined />}>
          {t("orgAdmin.tree.close")}
        </Button>
      </Popconfirm>
      <OrgModal
        title={`${t("orgAdmin.tree.addChild")} · ${org.name}`}
        open={open === "child"}
        close={() => setOpen(null)}
        node={node}
        initial={{ nodeId: node?.value }}
        save={async (v) => {
          const child = await api.post("/api/v1/org/orgs", { ...v, parentId: org.id });
          await changed();
          onChanged(child.id);
        }}
      />
      <OrgModal
        title={`${t("orgAdmin.tree.rename")} · ${org.name}`}
        open={open === "edit"}
        close={() => setOpen(null)}
        node={node}
        initial={{ name: org.name, kind: org.kind, nodeId: org.nodeId }}
        save={async (v) => {
          await api.patch("/api/v1/org/orgs/{id}", v, { path: { id: org.id } });
          await changed();
          onChanged(org.id);
        }}
      />
      <MoveModal
        org={org}
        open={open === "move"}
        close={() => setOpen(null)}
        onMoved={async () => {
          await changed();
          onChanged(org.id);
        }}
      />
    </Space>
  );
}

function MoveModal({
  org,
  open,
  close,
  onMoved,
}: {
  org: Org;
  open: boolean;
  close: () => void;
  onMoved: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const [parentId, setParentId] = useState<string | undefined>();
  const [top, setTop] = useState(false);
  const move = useMutation({
    mutationFn: () =>
      api.post(
        "/api/v1/org/orgs/{id}/move",
        { parentId: top ? null : (parentId ?? null) },
        { path: { id: org.id } },
      ),
    onSuccess: async () => {
      close();
      await onMoved();
    },
  });
  return (
    <Modal
      open={open}
      title={t("orgAdmin.tree.moveTitle", { name: org.name })}
      onCancel={() => {
        move.reset();
        close();
      }}
      onOk={() => move.mutate()}
      okButtonProps={{ disabled: !top && !parentId }}
      okText={t("orgAdmin.tree.move")}
      cancelText={t("orgAdmin.cancel")}
      confirmLoading={move.isPending}
      destroyOnHidden
    >
      <SubmitError error={move.error} />
      <Typography.Paragraph type="secondary">{t("orgAdmin.tree.moveHint")}</Typography.Paragraph>
      <Space orientation="vertical" style={{ width: "100%" }}>
        <Typography.Text>{t("orgAdmin.tree.newParent")}</Typography.Text>
        <SearchSelect
          queryKey="orgs"
          search={searchOrgs}
          value={parentId}
          onChange={setParentId}
          disabled={top}
          placeholder={t("orgAdmin.tree.newParentPlaceholder")}
        />
        <Checkbox checked={top} onChange={(e) => setTop(e.target.checked)}>
          {t("orgAdmin.tree.toTop")}
        </Checkbox>
      </Space>
    </Modal>
  );
}
