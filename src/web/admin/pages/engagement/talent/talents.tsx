import { PlusOutlined } from "@ant-design/icons";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  App,
  Button,
  Empty,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
} from "antd";
import { useState } from "react";
import { api, type ResponseOf } from "../../../../common/api.ts";
import { ExportButton } from "../../../components/export-button.tsx";
import { TerritoryPicker } from "../../cases/territory-picker.tsx";
import { LoadFailed } from "../../status.tsx";
import { useWords } from "../mobilisation/data.ts";

type Talent = ResponseOf<"/api/v1/engagement/talents", "get">["items"][number];
const KEY = ["engagement", "talents"] as const;
const PAGE_SIZE = 20;

/** 人才: search by skill (words, pinyin or initials) and place; add and edit. */
export function TalentsTab() {
  const w = useWords();
  const [q, setQ] = useState<string>();
  const [underId, setUnderId] = useState<string>();
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<string | "new">();
  const query = { q, underId, page, pageSize: PAGE_SIZE };
  const result = useQuery({
    queryKey: [...KEY, "list", query],
    queryFn: ({ signal }) => api.get("/api/v1/engagement/talents", { query, signal }),
    placeholderData: keepPreviousData,
  });
  const columns: TableColumnsType<Talent> = [
    { title: w("talent.name"), dataIndex: "name", width: 110 },
    { title: w("talent.phone"), dataIndex: "phone", width: 130 },
    {
      title: w("talent.skills"),
      dataIndex: "skills",
      render: (skills: string[], r) => (
        <Space size={4} wrap>
          {skills.map((s) => (
            <Tag key={s} color="blue">
              {s}
            </Tag>
          ))}
          {r.memberId && <Tag color="red">{w("talent.member")}</Tag>}
        </Space>
      ),
    },
    { title: w("talent.node"), dataIndex: ["node", "name"], width: 140 },
    { title: w("talent.availability"), dataIndex: "availability", width: 140 },
    {
      title: "",
      key: "edit",
      width: 80,
      render: (_: unknown, r) => (
        <Button size="small" onClick={() => setEditing(r.id)}>
          {w("talent.view")}
        </Button>
      ),
    },
  ];
  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      <Space wrap size={12}>
        <Input.Search
          allowClear
          placeholder={w("talent.search")}
          style={{ width: 260 }}
          onSearch={(v) => {
            setQ(v.trim() || undefined);
            setPage(1);
          }}
        />
        <TerritoryPicker
          value={underId}
          onChange={(v) => {
            setUnderId(v);
            setPage(1);
          }}
        />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing("new")}>
          {w("talent.add")}
        </Button>
        <ExportButton path="/api/v1/engagement/talents" query={{ q, underId }} />
      </Space>
      {result.error && <LoadFailed error={result.error} retry={() => void result.refetch()} />}
      <Table<Talent>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={result.data?.items}
        loading={result.isFetching}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={w("talent.empty")} /> }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: result.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
          showTotal: (count) => w("list.total", { count }),
        }}
      />
      {editing && (
        <TalentModal id={editing === "new" ? undefined : editing} onClose={() => setEditing(undefined)} />
      )}
    </Space>
  );
}

interface Values {
  name: string;
  phone: string;
  nodeId: string;
  skills: string[];
  availability?: string;
  note?: string;
}

/** Add or edit one talent; opening one shows his whole phone (the server logs that read). */
function TalentModal({ id, onClose }: { id?: string; onClose: () => void }) {
  const w = useWords();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const one = useQuery({
    queryKey: [...KEY, "one", id],
    queryFn: ({ signal }) => api.get("/api/v1/engagement/talents/{id}", { path: { id: id ?? "" }, signal }),
    enabled: !!id,
  });
  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = {
        name: v.name.trim(),
        phone: v.phone.trim(),
        nodeId: v.nodeId,
        skills: v.skills,
        availability: v.availability?.trim() || null,
        note: v.note?.trim() || null,
      };
      return id
        ? api.patch("/api/v1/engagement/talents/{id}", body, { path: { id } })
        : api.post("/api/v1/engagement/talents", body);
    },
    onSuccess: () => {
      void message.success(w("talent.saved"));
      onClose();
    },
    onError: (err) => void message.error(err.message),
    onSettled: () => client.invalidateQueries({ queryKey: KEY }),
  });
  const loaded = one.data;
  const required = { required: true, whitespace: true, message: " " };
  return (
    <Modal
      open
      title={id ? w("talent.edit") : w("talent.add")}
      confirmLoading={save.isPending}
      onCancel={onClose}
      onOk={() => void form.validateFields().then((v) => save.mutate(v))}
      destroyOnHidden
    >
      {(!id || loaded) && (
        <Form
          form={form}
          layout="vertical"
          initialValues={
            loaded
              ? {
                  name: loaded.name,
                  phone: loaded.phone,
                  nodeId: loaded.node?.id,
                  skills: loaded.skills,
                  availability: loaded.availability ?? undefined,
                  note: loaded.note ?? undefined,
                }
              : { skills: [] }
          }
        >
          <Form.Item name="name" label={w("talent.name")} rules={[required]}>
            <Input maxLength={30} />
          </Form.Item>
          <Form.Item name="phone" label={w("talent.phone")} rules={[required]}>
            <Input maxLength={20} inputMode="tel" />
          </Form.Item>
          <Form.Item name="nodeId" label={w("talent.node")} rules={[{ required: true, message: " " }]}>
            <TerritoryPicker />
          </Form.Item>
          <Form.Item
            name="skills"
            label={w("talent.skills")}
            extra={w("talent.skillsHint")}
            rules={[{ required: true, type: "array", min: 1, message: " " }]}
          >
            <Select mode="tags" open={false} tokenSeparators={[",", "，", "、", " "]} />
          </Form.Item>
          <Form.Item name="availability" label={w("talent.availability")}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="note" label={w("talent.note")}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
