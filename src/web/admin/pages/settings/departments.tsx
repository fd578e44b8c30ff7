import { PlusOutlined } from "@ant-design/icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Button, Form, Input, InputNumber, Table, type TableColumnsType } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { settingsZhCN } from "../../../../shared/locales/settings.zh-CN.ts";
import { api, type ResponseOf } from "../../../common/api.ts";
import { newCode } from "./questions-editor.tsx";
import { CODE_PATTERN, EditModal, LoadError, SettingsPage } from "./shared.tsx";

type Department = ResponseOf<"/api/v1/cases/departments", "get">[number];
interface Values {
  code: string;
  name: string;
  nameEn?: string;
  sortOrder?: number;
}
const KEY = ["cases", "departments"];

/** 职能部门: add and rename the departments cases go to and whistles summon. */
export function DepartmentsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [editing, setEditing] = useState<Department | null | undefined>(undefined);
  const list = useQuery({
    queryKey: KEY,
    queryFn: ({ signal }) => api.get("/api/v1/cases/departments", { signal }),
  });
  const save = useMutation({
    mutationFn: (v: Values) => {
      const fields = { name: v.name.trim(), nameEn: v.nameEn?.trim() || v.name.trim() };
      if (!editing)
        return api.post("/api/v1/cases/departments", {
          code: v.code,
          ...fields,
          ...(v.sortOrder === undefined || v.sortOrder === null ? {} : { sortOrder: v.sortOrder }),
        });
      return api.patch(
        "/api/v1/cases/departments/{id}",
        {
          ...fields,
          ...(v.sortOrder === undefined || v.sortOrder === null ? {} : { sortOrder: v.sortOrder }),
        },
        { path: { id: editing.id } },
      );
    },
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: KEY });
      message.success(t("settings.common.saved"));
      setEditing(undefined);
    },
  });
  const d = (key: keyof typeof settingsZhCN.departments) => t(`settings.departments.${key}`);
  const values = useMemo<Partial<Values>>(
    () => (editing ? { ...editing } : { code: newCode("d") }),
    [editing],
  );
  const columns: TableColumnsType<Department> = [
    { title: t("settings.common.name"), dataIndex: "name", render: (n: string) => <strong>{n}</strong> },
    { title: t("settings.common.nameEn"), dataIndex: "nameEn" },
    {
      title: t("settings.common.actions"),
      width: 100,
      render: (_, r) => (
        <Button type="link" size="small" onClick={() => setEditing(r)}>
          {t("settings.common.edit")}
        </Button>
      ),
    },
  ];
  return (
    <SettingsPage
      title={d("title")}
      intro={d("intro")}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
          {d("add")}
        </Button>
      }
    >
      <LoadError error={list.error} />
      <Table<Department>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data}
        loading={list.isFetching}
        pagination={false}
      />
      <EditModal<Values>
        open={editing !== undefined}
        title={editing ? t("settings.departments.editTitle", { name: editing.name }) : d("addTitle")}
        values={values}
        onClose={() => setEditing(undefined)}
        submission={save}
      >
        <Form.Item name="code" hidden rules={[{ pattern: CODE_PATTERN }]}>
          <Input />
        </Form.Item>
        <Form.Item
          name="name"
          label={t("settings.common.name")}
          rules={[{ required: true, whitespace: true, message: t("settings.common.nameRequired") }]}
        >
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="nameEn" label={t("settings.common.nameEn")}>
          <Input maxLength={80} />
        </Form.Item>
        <Form.Item name="sortOrder" label={t("settings.common.sortOrder")}>
          <InputNumber min={0} max={10_000} precision={0} />
        </Form.Item>
      </EditModal>
    </SettingsPage>
  );
}
