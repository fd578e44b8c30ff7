import { PlusOutlined } from "@ant-design/icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Button, Form, Input, InputNumber, Popconfirm, Space, Table, type TableColumnsType } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { settingsZhCN } from "../../../../shared/locales/settings.zh-CN.ts";
import { api, type ResponseOf } from "../../../common/api.ts";
import { GRID_TYPES_KEY } from "../../../common/grid-types.ts";
import { newCode } from "./questions-editor.tsx";
import { ActiveTag, CODE_PATTERN, EditModal, LoadError, SettingsPage } from "./shared.tsx";

type GridType = ResponseOf<"/api/v1/territory/grid-types", "get">[number];
interface Values {
  code: string;
  name: string;
  nameEn?: string;
  sortOrder?: number;
}

/** 网格类型: the four built-in ones and the district's own; rename, add, deactivate. */
export function GridTypesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [editing, setEditing] = useState<GridType | null | undefined>(undefined);
  const query = { all: true };
  const list = useQuery({
    queryKey: [...GRID_TYPES_KEY, query],
    queryFn: ({ signal }) => api.get("/api/v1/territory/grid-types", { query, signal }),
  });
  const done = () => {
    void client.invalidateQueries({ queryKey: GRID_TYPES_KEY });
    message.success(t("settings.common.saved"));
  };
  const save = useMutation({
    mutationFn: (v: Values) => {
      const fields = {
        name: v.name.trim(),
        nameEn: v.nameEn?.trim() || v.name.trim(),
        ...(v.sortOrder === undefined || v.sortOrder === null ? {} : { sortOrder: v.sortOrder }),
      };
      if (!editing) return api.post("/api/v1/territory/grid-types", { code: v.code, ...fields });
      return api.patch("/api/v1/territory/grid-types/{code}", fields, { path: { code: editing.code } });
    },
    onSuccess: () => {
      done();
      setEditing(undefined);
    },
  });
  const toggle = useMutation({
    mutationFn: (g: GridType) =>
      api.patch("/api/v1/territory/grid-types/{code}", { active: !g.active }, { path: { code: g.code } }),
    onSuccess: done,
    onError: (e) => message.error(e.message),
  });
  const g = (key: keyof typeof settingsZhCN.gridTypes) => t(`settings.gridTypes.${key}`);
  const values = useMemo<Partial<Values>>(
    () => (editing ? { ...editing } : { code: newCode("g") }),
    [editing],
  );
  const columns: TableColumnsType<GridType> = [
    { title: t("settings.common.name"), dataIndex: "name", render: (n: string) => <strong>{n}</strong> },
    { title: t("settings.common.nameEn"), dataIndex: "nameEn" },
    { title: t("settings.common.status"), width: 90, render: (_, r) => <ActiveTag active={r.active} /> },
    {
      title: t("settings.common.actions"),
      width: 140,
      render: (_, r) => (
        <Space size={4}>
          <Button type="link" size="small" onClick={() => setEditing(r)}>
            {t("settings.common.edit")}
          </Button>
          {r.active ? (
            <Popconfirm title={g("intro")} onConfirm={() => toggle.mutate(r)}>
              <Button type="link" size="small" danger>
                {t("settings.common.deactivate")}
              </Button>
            </Popconfirm>
          ) : (
            <Button type="link" size="small" onClick={() => toggle.mutate(r)}>
              {t("settings.common.activate")}
            </Button>
          )}
        </Space>
      ),
    },
  ];
  return (
    <SettingsPage
      title={g("title")}
      intro={g("intro")}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
          {g("add")}
        </Button>
      }
    >
      <LoadError error={list.error} />
      <Table<GridType>
        rowKey="code"
        size="middle"
        columns={columns}
        dataSource={list.data}
        loading={list.isFetching}
        pagination={false}
      />
      <EditModal<Values>
        open={editing !== undefined}
        title={editing ? t("settings.gridTypes.editTitle", { name: editing.name }) : g("addTitle")}
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
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="nameEn" label={t("settings.common.nameEn")}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="sortOrder" label={t("settings.common.sortOrder")}>
          <InputNumber min={0} max={10_000} precision={0} />
        </Form.Item>
      </EditModal>
    </SettingsPage>
  );
}
