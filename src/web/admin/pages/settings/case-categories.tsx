import { PlusOutlined } from "@ant-design/icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Button, Popconfirm, Space, Table, type TableColumnsType, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { settingsZhCN } from "../../../../shared/locales/settings.zh-CN.ts";
import { api } from "../../../common/api.ts";
import { CATEGORIES_KEY, type Category, CategoryDrawer } from "./category-form.tsx";
import { durationText } from "./duration.tsx";
import { LoadError, SettingsPage } from "./shared.tsx";

/** 诉求分类: routing, deadlines, duplicates and questions of each category, edited in a drawer. */
export function CaseCategoriesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [editing, setEditing] = useState<Category | null>(null);
  const [open, setOpen] = useState(false);
  const list = useQuery({
    queryKey: CATEGORIES_KEY,
    queryFn: ({ signal }) => api.get("/api/v1/cases/categories/all", { signal }),
  });
  const departments = useQuery({
    queryKey: ["cases", "departments"],
    queryFn: ({ signal }) => api.get("/api/v1/cases/departments", { signal }),
  });
  const toggle = useMutation({
    mutationFn: (c: Category) =>
      api.patch("/api/v1/cases/categories/{code}", { active: !c.active }, { path: { code: c.code } }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: CATEGORIES_KEY });
      message.success(t("settings.common.saved"));
    },
    onError: (e) => message.error(e.message),
  });
  const c = (key: keyof typeof settingsZhCN.categories) => t(`settings.categories.${key}`);
  const edit = (category: Category | null) => {
    setEditing(category);
    setOpen(true);
  };

  const columns: TableColumnsType<Category> = [
    {
      title: t("settings.common.name"),
      dataIndex: "name",
      render: (name: string, r) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{name}</Typography.Text>
          {r.description && (
            <Typography.Text type="secondary" ellipsis style={{ maxWidth: 240, fontSize: 12 }}>
              {r.description}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: c("routing"),
      width: 150,
      render: (_, r) =>
        r.defaultLevel === "department"
          ? (departments.data?.find((d) => d.code === r.departmentCode)?.name ??
            t("settings.levels.department"))
          : t(`settings.levels.${r.defaultLevel}`),
    },
    { title: c("response"), width: 100, render: (_, r) => durationText(t, r.responseMinutes) },
    { title: c("resolve"), width: 100, render: (_, r) => durationText(t, r.resolveMinutes) },
    { title: c("remind"), width: 100, render: (_, r) => durationText(t, r.remindMinutes) },
    {
      title: c("duplicate"),
      width: 130,
      render: (_, r) =>
        t("settings.categories.duplicateText", { meters: r.duplicateMeters, hours: r.duplicateHours }),
    },
    {
      title: c("questions"),
      width: 90,
      render: (_, r) =>
        r.questions.length ? t("settings.categories.questionsCount", { count: r.questions.length }) : "—",
    },
    {
      title: t("settings.common.status"),
      width: 80,
      render: (_, r) =>
        r.active ? (
          <Tag color="green">{t("settings.common.active")}</Tag>
        ) : (
          <Tag>{t("settings.common.inactive")}</Tag>
        ),
    },
    {
      title: t("settings.common.actions"),
      width: 120,
      fixed: "right",
      render: (_, r) => (
        <Space size={4}>
          <Button type="link" size="small" onClick={() => edit(r)}>
            {t("settings.common.edit")}
          </Button>
          {r.active ? (
            <Popconfirm title={c("deactivateConfirm")} onConfirm={() => toggle.mutate(r)}>
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
      title={c("title")}
      intro={c("intro")}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => edit(null)}>
          {c("add")}
        </Button>
      }
    >
      <LoadError error={list.error} />
      <Table<Category>
        rowKey="code"
        size="middle"
        columns={columns}
        dataSource={list.data}
        loading={list.isFetching}
        pagination={false}
        scroll={{ x: 1000 }}
      />
      <CategoryDrawer open={open} editing={editing} onClose={() => setOpen(false)} />
    </SettingsPage>
  );
}
