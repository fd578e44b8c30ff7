import { PlusOutlined } from "@ant-design/icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Button, Form, Input, Popconfirm, Select, Space, Table, type TableColumnsType } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { settingsZhCN } from "../../../../shared/locales/settings.zh-CN.ts";
import { api, type ResponseOf } from "../../../common/api.ts";
import { ORDERS_KEY, useOrderCategories } from "../orders/order-data.ts";
import { DurationInput, durationText } from "./duration.tsx";
import { newCode } from "./questions-editor.tsx";
import { EditModal, LoadError, SettingsPage } from "./shared.tsx";

type OrderCategory = ResponseOf<"/api/v1/orders/categories", "get">[number];
interface Values {
  code: string;
  name: string;
  nameEn?: string;
  onSiteMinutes: number;
  skill?: string | null;
}

/** 服务类别 of the orders: name, on-site deadline and the volunteer skill asked for. */
export function OrderCategoriesPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [editing, setEditing] = useState<OrderCategory | null | undefined>(undefined);
  const list = useOrderCategories();
  const skills = useQuery({
    queryKey: ["volunteering", "skills"],
    queryFn: ({ signal }) => api.get("/api/v1/volunteering/skills", { signal }),
    staleTime: 10 * 60_000,
  });
  const done = () => {
    void client.invalidateQueries({ queryKey: ORDERS_KEY });
    setEditing(undefined);
  };
  const save = useMutation({
    mutationFn: (v: Values) => {
      const fields = {
        name: v.name.trim(),
        nameEn: v.nameEn?.trim() || v.name.trim(),
        onSiteMinutes: v.onSiteMinutes,
        skill: v.skill ?? null,
      };
      if (!editing) return api.post("/api/v1/orders/categories", { code: v.code, ...fields });
      return api.patch("/api/v1/orders/categories/{code}", fields, { path: { code: editing.code } });
    },
    onSuccess: () => {
      message.success(t("settings.common.saved"));
      done();
    },
  });
  const remove = useMutation({
    mutationFn: (c: OrderCategory) =>
      api.delete("/api/v1/orders/categories/{code}", { path: { code: c.code } }),
    onSuccess: () => {
      message.success(o("removed"));
      done();
    },
    onError: (e) => message.error(e.message),
  });
  const o = (key: keyof typeof settingsZhCN.orderCategories) => t(`settings.orderCategories.${key}`);
  const values = useMemo<Partial<Values>>(
    () => (editing ? { ...editing } : { code: newCode("s").replace(/[^A-Za-z]/g, "x"), onSiteMinutes: 30 }),
    [editing],
  );
  const skillName = (code: string | null) => {
    if (!code) return o("noSkill");
    const s = skills.data?.find((k) => k.code === code);
    return (i18n.language.startsWith("en") ? s?.nameEn : s?.name) ?? code;
  };
  const columns: TableColumnsType<OrderCategory> = [
    { title: t("settings.common.name"), dataIndex: "name", render: (n: string) => <strong>{n}</strong> },
    { title: t("settings.common.nameEn"), dataIndex: "nameEn" },
    { title: o("onSite"), width: 120, render: (_, r) => durationText(t, r.onSiteMinutes) },
    { title: o("skill"), width: 160, render: (_, r) => skillName(r.skill) },
    {
      title: t("settings.common.actions"),
      width: 140,
      render: (_, r) => (
        <Space size={4}>
          <Button type="link" size="small" onClick={() => setEditing(r)}>
            {t("settings.common.edit")}
          </Button>
          <Popconfirm title={o("removeConfirm")} onConfirm={() => remove.mutate(r)}>
            <Button type="link" size="small" danger>
              {o("remove")}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];
  return (
    <SettingsPage
      title={o("title")}
      intro={o("intro")}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
          {o("add")}
        </Button>
      }
    >
      <LoadError error={list.error} />
      <Table<OrderCategory>
        rowKey="code"
        size="middle"
        columns={columns}
        dataSource={list.data}
        loading={list.isFetching}
        pagination={false}
        scroll={{ x: 640 }}
      />
      <EditModal<Values>
        open={editing !== undefined}
        title={editing ? t("settings.orderCategories.editTitle", { name: editing.name }) : o("addTitle")}
        values={values}
        onClose={() => setEditing(undefined)}
        submission={save}
      >
        <Form.Item name="code" hidden>
          <Input />
        </Form.Item>
        <Form.Item
          name="name"
          label={t("settings.common.name")}
          rules={[{ required: true, whitespace: true, message: t("settings.common.nameRequired") }]}
        >
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="nameEn" label={t("settings.common.nameEn")}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="onSiteMinutes" label={o("onSite")} rules={[{ required: true }]}>
          <DurationInput min={5} />
        </Form.Item>
        <Form.Item name="skill" label={o("skill")}>
          <Select
            allowClear
            placeholder={o("noSkill")}
            options={skills.data?.map((k) => ({
              value: k.code,
              label: i18n.language.startsWith("en") ? k.nameEn : k.name,
            }))}
          />
        </Form.Item>
      </EditModal>
    </SettingsPage>
  );
}
