import { PlusOutlined } from "@ant-design/icons";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  App,
  Button,
  Col,
  Empty,
  Form,
  Input,
  Modal,
  Row,
  Select,
  Space,
  Statistic,
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

type Seeker = ResponseOf<"/api/v1/engagement/seekers", "get">["items"][number];
type Match = Seeker["matches"][number];
type Status = Seeker["status"];
const STATUSES: Status[] = ["registered", "training", "employed", "closed"];
const KEY = ["engagement", "seekers"] as const;
const PAGE_SIZE = 20;

/** 求职登记: the figures, the seekers with filters, what was proposed to each and how it ended. */
export function SeekersTab() {
  const w = useWords();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [status, setStatus] = useState<Status>();
  const [underId, setUnderId] = useState<string>();
  const [q, setQ] = useState<string>();
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState(false);
  const [proposing, setProposing] = useState<string>();
  const query = { status: status ? [status] : undefined, underId, q, page, pageSize: PAGE_SIZE };
  const result = useQuery({
    queryKey: [...KEY, "list", query],
    queryFn: ({ signal }) => api.get("/api/v1/engagement/seekers", { query, signal }),
    placeholderData: keepPreviousData,
  });
  const figures = useQuery({
    queryKey: [...KEY, "figures", underId],
    queryFn: ({ signal }) => api.get("/api/v1/engagement/seekers/figures", { query: { underId }, signal }),
  });
  const done = {
    onSuccess: () => void message.success(w("seekers.saved")),
    onError: (err: Error) => void message.error(err.message),
    onSettled: () => client.invalidateQueries({ queryKey: KEY }),
  };
  const outcome = useMutation({
    mutationFn: ({ id, outcome }: { id: string; outcome: "attended" | "hired" | "declined" }) =>
      api.post("/api/v1/engagement/matches/{id}/outcome", { outcome }, { path: { id } }),
    ...done,
  });
  const close = useMutation({
    mutationFn: (id: string) =>
      api.patch("/api/v1/engagement/seekers/{id}", { status: "closed" }, { path: { id } }),
    ...done,
  });
  const columns: TableColumnsType<Seeker> = [
    { title: w("seekers.name"), dataIndex: "name", width: 100 },
    { title: w("seekers.phone"), dataIndex: "phone", width: 130 },
    { title: w("seekers.wanted"), dataIndex: "wanted" },
    { title: w("seekers.node"), dataIndex: ["node", "name"], width: 130 },
    {
      title: w("seekers.status"),
      dataIndex: "status",
      width: 90,
      render: (s: Status) => (
        <Tag color={s === "employed" ? "green" : "blue"}>{w(`seekers.statusOf.${s}`)}</Tag>
      ),
    },
    {
      title: "",
      key: "actions",
      width: 230,
      render: (_: unknown, r) =>
        (r.status === "registered" || r.status === "training") && (
          <Space>
            <Button size="small" onClick={() => setProposing(r.id)}>
              {w("seekers.propose")}
            </Button>
            <Button size="small" onClick={() => close.mutate(r.id)}>
              {w("seekers.close")}
            </Button>
          </Space>
        ),
    },
  ];
  const matchRows = (s: Seeker) =>
    s.matches.length === 0 ? (
      <span>{w("seekers.noMatches")}</span>
    ) : (
      <Table<Match>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={s.matches}
        columns={[
          {
            title: w("seekers.kind"),
            dataIndex: "kind",
            width: 80,
            render: (k: Match["kind"]) => w(`seekers.matchKind.${k}`),
          },
          { title: w("seekers.matchTitle"), dataIndex: "title" },
          { title: w("seekers.provider"), dataIndex: "provider" },
          {
            title: w("seekers.outcome"),
            dataIndex: "outcome",
            width: 260,
            render: (o: Match["outcome"], m) => (
              <Space>
                <Tag>{w(`seekers.outcomeOf.${o}`)}</Tag>
                {(o === "proposed" || o === "attended") && (
                  <Select<"attended" | "hired" | "declined">
                    size="small"
                    placeholder={w("seekers.record")}
                    style={{ width: 120 }}
                    options={(o === "proposed"
                      ? (["attended", "hired", "declined"] as const)
                      : (["hired", "declined"] as const)
                    ).map((x) => ({ value: x, label: w(`seekers.outcomeOf.${x}`) }))}
                    onChange={(x) => outcome.mutate({ id: m.id, outcome: x })}
                  />
                )}
              </Space>
            ),
          },
        ]}
      />
    );
  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      <Row gutter={16}>
        {(["registered", "training", "employedThisYear"] as const).map((k) => (
          <Col key={k} span={8}>
            <Statistic title={w(`seekers.figures.${k}`)} value={figures.data?.[k] ?? 0} />
          </Col>
        ))}
      </Row>
      <Space wrap size={12}>
        <Select<Status>
          allowClear
          placeholder={w("seekers.status")}
          style={{ width: 140 }}
          value={status}
          onChange={(s) => {
            setStatus(s);
            setPage(1);
          }}
          options={STATUSES.map((s) => ({ value: s, label: w(`seekers.statusOf.${s}`) }))}
        />
        <TerritoryPicker value={underId} onChange={(v) => setUnderId(v)} />
        <Input.Search allowClear style={{ width: 220 }} onSearch={(v) => setQ(v.trim() || undefined)} />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
          {w("seekers.add")}
        </Button>
        <ExportButton path="/api/v1/engagement/seekers" query={{ status: query.status, underId, q }} />
      </Space>
      {result.error && <LoadFailed error={result.error} retry={() => void result.refetch()} />}
      <Table<Seeker>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={result.data?.items}
        loading={result.isFetching}
        expandable={{ expandedRowRender: matchRows }}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={w("seekers.empty")} />,
        }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: result.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
          showTotal: (count) => w("list.total", { count }),
        }}
      />
      {adding && <SeekerModal onClose={() => setAdding(false)} />}
      {proposing && <ProposeModal seekerId={proposing} onClose={() => setProposing(undefined)} />}
    </Space>
  );
}

const required = { required: true, whitespace: true, message: " " };

function SeekerModal({ onClose }: { onClose: () => void }) {
  const w = useWords();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<{
    name: string;
    phone: string;
    nodeId: string;
    wanted: string;
    skills?: string[];
  }>();
  const save = useMutation({
    mutationFn: (v: { name: string; phone: string; nodeId: string; wanted: string; skills?: string[] }) =>
      api.post("/api/v1/engagement/seekers", v),
    onSuccess: () => {
      void message.success(w("seekers.saved"));
      onClose();
    },
    onError: (err) => void message.error(err.message),
    onSettled: () => client.invalidateQueries({ queryKey: KEY }),
  });
  return (
    <Modal
      open
      title={w("seekers.add")}
      confirmLoading={save.isPending}
      onCancel={onClose}
      destroyOnHidden
      onOk={() => void form.validateFields().then((v) => save.mutate(v))}
    >
      <Form form={form} layout="vertical">
        <Form.Item name="name" label={w("seekers.name")} rules={[required]}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="phone" label={w("seekers.phone")} rules={[required]}>
          <Input maxLength={20} inputMode="tel" />
        </Form.Item>
        <Form.Item name="nodeId" label={w("seekers.node")} rules={[{ required: true, message: " " }]}>
          <TerritoryPicker />
        </Form.Item>
        <Form.Item name="wanted" label={w("seekers.wanted")} rules={[required]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="skills" label={w("seekers.skills")} extra={w("talent.skillsHint")}>
          <Select mode="tags" open={false} tokenSeparators={[",", "，", "、", " "]} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ProposeModal({ seekerId, onClose }: { seekerId: string; onClose: () => void }) {
  const w = useWords();
  const { message } = App.useApp();
  const client = useQueryClient();
  type V = { kind: "training" | "opening"; title: string; provider: string };
  const [form] = Form.useForm<V>();
  const save = useMutation({
    mutationFn: (v: V) => api.post("/api/v1/engagement/seekers/{id}/matches", v, { path: { id: seekerId } }),
    onSuccess: () => {
      void message.success(w("seekers.saved"));
      onClose();
    },
    onError: (err) => void message.error(err.message),
    onSettled: () => client.invalidateQueries({ queryKey: KEY }),
  });
  return (
    <Modal
      open
      title={w("seekers.propose")}
      confirmLoading={save.isPending}
      onCancel={onClose}
      destroyOnHidden
      onOk={() => void form.validateFields().then((v) => save.mutate(v))}
    >
      <Form form={form} layout="vertical" initialValues={{ kind: "training" }}>
        <Form.Item name="kind" label={w("seekers.kind")}>
          <Select
            options={(["training", "opening"] as const).map((k) => ({
              value: k,
              label: w(`seekers.matchKind.${k}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="title" label={w("seekers.matchTitle")} rules={[required]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="provider" label={w("seekers.provider")} rules={[required]}>
          <Input maxLength={60} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
