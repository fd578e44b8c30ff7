import { PlusOutlined } from "@ant-design/icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Button, Form, Image, Input, Modal, Popconfirm, Select, Space, Table } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, type QueryOf, type ResponseOf } from "../../../../common/api.ts";
import { WALLS_KEY } from "./promises-table.tsx";

type Query = QueryOf<"/api/v1/engagement/pioneers", "get">;
type Row = ResponseOf<"/api/v1/engagement/pioneers", "get">["items"][number];

/** 先锋评选: the year's pioneers in the area with their services, naming one and taking one down. */
export function PioneersTab({
  query,
  pagination,
}: {
  query: Query;
  pagination: (total: number | undefined) => object;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [adding, setAdding] = useState(false);
  const list = useQuery({
    queryKey: [...WALLS_KEY, "pioneers", query],
    queryFn: ({ signal }) => api.get("/api/v1/engagement/pioneers", { query, signal }),
  });
  const remove = useMutation({
    mutationFn: (id: string) => api.delete("/api/v1/engagement/pioneers/{id}", { path: { id } }),
    onSuccess: () => {
      void message.success(t("engagementWalls.pioneers.removed"));
      void client.invalidateQueries({ queryKey: WALLS_KEY });
    },
    onError: (e) => void message.error(e.message),
  });
  const p = "engagementWalls.pioneers";
  return (
    <Space orientation="vertical" size={12} style={{ width: "100%" }}>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
        {t(`${p}.add`)}
      </Button>
      <Table<Row>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items}
        pagination={pagination(list.data?.total)}
        locale={{ emptyText: t(`${p}.empty`) }}
        columns={[
          {
            title: t("engagementWalls.promises.photo"),
            width: 80,
            render: (_, r) =>
              r.photo ? (
                <Image src={r.photo.url} width={56} height={56} style={{ objectFit: "cover" }} />
              ) : null,
          },
          { title: t(`${p}.member`), width: 90, render: (_, r) => r.member.name },
          { title: t("engagementWalls.promises.community"), width: 120, render: (_, r) => r.community?.name },
          { title: t(`${p}.citation`), dataIndex: "citation" },
          { title: t(`${p}.services`), dataIndex: "services", width: 110 },
          { title: t(`${p}.hours`), dataIndex: "hours", width: 120 },
          {
            title: t("engagementWalls.promises.actions"),
            width: 90,
            render: (_, r) => (
              <Popconfirm title={t(`${p}.removeConfirm`)} onConfirm={() => remove.mutate(r.id)}>
                <Button danger size="small">
                  {t(`${p}.remove`)}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
      <AddPioneer open={adding} year={query.year} onClose={() => setAdding(false)} />
    </Space>
  );
}

function AddPioneer({ open, year, onClose }: { open: boolean; year?: number; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<{ memberId: string; citation: string }>();
  const [q, setQ] = useState("");
  const members = useQuery({
    queryKey: ["people", "party-members", { q }],
    queryFn: ({ signal }) => api.get("/api/v1/people/party-members", { query: { q, pageSize: 20 }, signal }),
    enabled: open && q.trim().length > 0,
  });
  const add = useMutation({
    mutationFn: (v: { memberId: string; citation: string }) =>
      api.post("/api/v1/engagement/pioneers", { ...v, citation: v.citation.trim(), year }),
    onSuccess: () => {
      void message.success(t("engagementWalls.pioneers.added"));
      void client.invalidateQueries({ queryKey: WALLS_KEY });
      onClose();
    },
    onError: (e) => void message.error(e.message),
  });
  const p = "engagementWalls.pioneers";
  return (
    <Modal
      open={open}
      title={t(`${p}.add`)}
      confirmLoading={add.isPending}
      destroyOnHidden
      onCancel={onClose}
      onOk={() => void form.validateFields().then((v) => add.mutate(v))}
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="memberId" label={t(`${p}.member`)} rules={[{ required: true }]}>
          <Select
            showSearch={{ filterOption: false, onSearch: setQ }}
            placeholder={t(`${p}.memberPlaceholder`)}
            loading={members.isFetching}
            options={(members.data?.items ?? []).map((m) => ({
              value: m.id,
              label: t(`${p}.memberOption`, { name: m.name, age: String(m.age) }),
            }))}
          />
        </Form.Item>
        <Form.Item name="citation" label={t(`${p}.citation`)} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={3} maxLength={300} showCount placeholder={t(`${p}.citationPlaceholder`)} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
