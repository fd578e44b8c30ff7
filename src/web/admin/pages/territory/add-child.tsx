import { useMutation, useQueryClient } from "@tanstack/react-query";
import { App, Button, Form, Input, Modal } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { api } from "../../../common/api.ts";
import { useAuth } from "../../../common/auth.tsx";
import { levelLabel } from "../../../common/levels.ts";
import { can } from "../../../common/roles.ts";
import type { NodeDetail } from "../../../common/territory.ts";
import { GridTypeSelect } from "../../components/grid-type-select.tsx";

/** The level an area's new children have: a district adds streets, a street communities, a community grids. */
const CHILD: Record<string, "street" | "community" | "grid" | undefined> = {
  district: "street",
  street: "community",
  community: "grid",
};

interface Fields {
  name: string;
  code: string;
  gridType?: string;
}

/** "新增社区": a new area one level down, from the area's page, for those who may edit the territory. */
export function AddChildButton({ node, existing }: { node: NodeDetail; existing: number }) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Fields>();
  const level = CHILD[node.level];
  const create = useMutation({
    mutationFn: (v: Fields) =>
      api.post("/api/v1/territory/nodes", {
        parentId: node.id,
        level: level as "street" | "community" | "grid",
        code: v.code.trim(),
        name: v.name.trim(),
        gridType: v.gridType,
      }),
    onSuccess: async (created) => {
      message.success(
        t("territory.add.created", { level: levelLabel(t, created.level), name: created.name }),
      );
      await client.invalidateQueries({ queryKey: ["territory"] });
      setOpen(false);
      navigate(`/territory/${created.id}`);
    },
  });
  if (!level || !user || !can(user, "territory.write")) return null;
  const suggested = `${node.code}-${String(existing + 1).padStart(2, "0")}`;
  const what = levelLabel(t, level);
  return (
    <>
      <Button
        type="primary"
        size="small"
        onClick={() => {
          form.setFieldsValue({ name: "", code: suggested, gridType: undefined });
          create.reset();
          setOpen(true);
        }}
      >
        {t("territory.add.button", { level: what })}
      </Button>
      <Modal
        open={open}
        title={t("territory.add.title", { level: what, parent: node.name })}
        confirmLoading={create.isPending}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => create.mutate(v)}>
          <Form.Item
            name="name"
            label={t("territory.name")}
            rules={[{ required: true, whitespace: true, max: 100 }]}
          >
            <Input autoFocus maxLength={100} />
          </Form.Item>
          <Form.Item
            name="code"
            label={t("territory.code")}
            extra={t("territory.add.codeHint", { example: suggested })}
            rules={[{ required: true, pattern: /^[A-Za-z0-9][A-Za-z0-9_-]*$/, max: 40 }]}
          >
            <Input maxLength={40} />
          </Form.Item>
          {level === "grid" && (
            <Form.Item name="gridType" label={t("territory.gridType")} rules={[{ required: true }]}>
              <GridTypeSelect />
            </Form.Item>
          )}
          {create.error && <div style={{ color: "#cf1322" }}>{create.error.message}</div>}
        </Form>
      </Modal>
    </>
  );
}
